from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import OfficeExpenseCase


@tagged("post_install", "-at_install")
class TestTravel(OfficeExpenseCase):
    def _approved(self, travel):
        travel.with_user(self.staff).action_submit()
        self._approve(travel, self.director)
        self._approve(travel, self.admin_leader)
        self._approve(travel, self.principal)
        self.assertEqual(travel.state, "approved")
        return travel

    def test_3_days_in_xinjiang_with_one_day_by_official_car(self):
        travel = self._travel(region=self.region_xj, days=3, car_days=1)
        self.assertEqual(travel.days, 3)
        self.assertEqual(travel.meal_allowance, 360)
        self.assertEqual(travel.transport_allowance, 160)

    def test_in_the_province_the_meal_allowance_is_100(self):
        travel = self._travel(region=self.region_hn, days=2)
        self.assertEqual(travel.meal_allowance, 200)
        self.assertEqual(travel.transport_allowance, 160)

    def test_the_leader_in_charge_is_named_before_submission(self):
        travel = self._travel(leader_id=False)
        with self.assertRaisesRegex(UserError, "leader in charge"):
            travel.with_user(self.staff).action_submit()

    def _back_working_days_ago(self, days):
        calendar = self.env["office.calendar"]
        back = calendar.add_working_days(self.TODAY, -days)
        self.assertEqual(calendar.working_days_between(back, self.TODAY), days)
        travel = self._travel(region=self.region_hn, start=back, days=1)
        return self._approved(travel)

    def test_a_claim_on_the_11th_working_day_after_the_return_is_late(self):
        travel = self._back_working_days_ago(11)
        travel.with_user(self.staff).claim()
        self.assertEqual(travel.claim_date, self.TODAY)
        self.assertTrue(travel.claim_late)
        self.assertTrue(travel.sheet_id.office_claim_late)

    def test_a_claim_on_the_10th_working_day_is_in_time(self):
        travel = self._back_working_days_ago(10)
        travel.with_user(self.staff).claim()
        self.assertFalse(travel.claim_late)

    def test_the_claim_deadline_skips_weekends_and_holidays(self):
        # back on Friday 2026-09-25: 9/28-9/30, then the National Day break
        # (10/1-10/7), 10/8, 10/9, the make-up Saturday 10/10, 10/12-10/15
        travel = self._travel(region=self.region_hn, start=self.TODAY, days=1)
        travel.write({"date_start": "2026-09-25", "date_end": "2026-09-25"})
        self.assertEqual(str(travel.claim_deadline), "2026-10-15")

    def test_the_claim_carries_the_allowances_and_lodging(self):
        travel = self._travel(region=self.region_hn, days=2)
        travel.write({"lodging_amount": 330, "ticket_amount": 120})
        self._approved(travel)
        sheet = self.env["hr.expense.sheet"].browse(
            travel.with_user(self.staff).claim()
        )
        self.assertEqual(sheet.total_amount, 200 + 160 + 330 + 120)
        self.assertEqual(len(sheet.expense_line_ids), 4)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "office_expense.action_report_office_expense_travel", travel.ids
            )[0]
            .decode()
        )
        self.assertIn(travel.name, html)
        self.assertIn(self.principal.name, html)

    def test_lodging_above_the_standard_is_refused_at_the_claim(self):
        travel = self._travel(region=self.region_hn, days=2)
        self._approved(travel)
        travel.with_user(self.staff).write({"lodging_amount": 331})
        with self.assertRaisesRegex(UserError, "above the standard of 330.00"):
            travel.with_user(self.staff).claim()
        self.assertEqual(travel.state, "approved")
        self.assertFalse(travel.sheet_id)

    def test_a_trip_is_claimed_after_the_return(self):
        travel = self._travel(region=self.region_hn, start=self.TODAY, days=2)
        self._approved(travel)
        with self.assertRaisesRegex(UserError, "once it is over"):
            travel.with_user(self.staff).claim()

    def test_lodging_without_a_standard_for_the_region_names_it(self):
        travel = self._travel(region=self.region_xj, days=2)
        self._approved(travel)
        travel.with_user(self.staff).write({"lodging_amount": 300})
        with self.assertRaisesRegex(UserError, "新疆"):
            travel.with_user(self.staff).claim()

    def test_claim_reminder_goes_to_the_traveller(self):
        travel = self._back_working_days_ago(3)
        self.env["office.expense.travel"]._cron_claim_reminders()
        activity = travel.activity_ids.filtered(
            lambda a: (
                a.activity_type_id
                == self.env.ref("office_expense.mail_act_office_expense_claim")
            )
        )
        self.assertEqual(activity.user_id, self.staff)
        self.assertEqual(activity.date_deadline, travel.claim_deadline)
