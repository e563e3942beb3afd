from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import OfficeAttendanceCase


@tagged("post_install", "-at_install")
class TestDutyRoster(OfficeAttendanceCase):
    def _national_day(self):
        pool = (self.staff | self.staff2 | self.officer).employee_id
        return (
            self.env["office.duty.roster"]
            .with_user(self.officer)
            ._create_for_holiday("2026-10-03", self.principal.id, pool.ids)
        )

    def test_the_national_day_roster_covers_the_seven_days_off(self):
        roster = self._national_day()
        self.assertEqual(str(roster.date_from), "2026-10-01")
        self.assertEqual(str(roster.date_to), "2026-10-07")
        days = roster.shift_ids.mapped("date")
        self.assertEqual(len(roster.shift_ids), 7)
        self.assertEqual(len(set(days)), 7)
        self.assertTrue(all(roster.shift_ids.mapped("employee_id")))
        self.assertNotIn(self._date("2026-10-10"), days)

    def test_the_make_up_saturday_is_not_a_duty_day(self):
        roster = self._national_day()
        with self.assertRaises(ValidationError):
            self.env["office.duty.shift"].with_user(self.officer).create(
                {
                    "roster_id": roster.id,
                    "date": "2026-10-10",
                    "employee_id": self.staff.employee_id.id,
                }
            )
        with self.assertRaises(UserError):
            self.env["office.duty.roster"]._break_around(self._date("2026-10-10"))

    @freeze_time("2026-09-20 02:00:00")
    def test_published_before_the_holiday_with_every_day_covered(self):
        roster = self._national_day()
        roster.shift_ids.filtered(lambda s: str(s.date) == "2026-10-04").unlink()
        with self.assertRaises(UserError):
            roster.action_publish()
        roster.action_fill()
        with self.assertRaises(AccessError):
            roster.with_user(self.staff).action_publish()
        roster.action_publish()
        self.assertEqual(roster.state, "published")
        shift = roster.shift_ids.filtered(lambda s: s.user_id)[:1]
        self.assertTrue(
            shift.activity_ids.filtered(
                lambda a: (
                    a.activity_type_id
                    == self.env.ref("office_attendance.mail_act_office_duty")
                )
            )
        )

    def test_not_published_once_the_holiday_has_begun(self):
        roster = self._national_day()
        with self.assertRaises(UserError):
            roster.action_publish()

    @freeze_time("2026-09-20 02:00:00")
    def test_the_person_on_duty_keeps_the_log(self):
        roster = self._national_day()
        roster.action_publish()
        shift = roster.shift_ids.filtered(lambda s: s.user_id == self.staff)[:1]
        other = roster.shift_ids.filtered(lambda s: s.user_id == self.staff2)[:1]
        shift.with_user(self.staff).write(
            {"events": "无突发事件", "calls": "市政府办来电1次", "reported": True}
        )
        self.assertTrue(shift.reported)
        with self.assertRaises(UserError):
            other.with_user(self.staff).write({"events": "代写"})
        with self.assertRaises(UserError):
            shift.with_user(self.officer).write(
                {"employee_id": self.staff2.employee_id.id}
            )

    def test_staff_see_published_rosters_only(self):
        roster = self._national_day()
        self.assertFalse(
            self.env["office.duty.roster"]
            .with_user(self.staff)
            .search([("id", "=", roster.id)])
        )

    def test_a_roster_state_moves_only_by_its_actions(self):
        roster = self._national_day()
        with self.assertRaises(UserError):
            roster.write({"state": "published"})
