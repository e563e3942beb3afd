from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import SCAN, OfficeSecrecyCase


@tagged("post_install", "-at_install")
class TestCleardStaff(OfficeSecrecyCase):
    def _person(self, user, secrecy_class="core", **vals):
        Person = self.env["office.secrecy.person"].with_user(self.officer_clerk)
        return Person.create(
            {
                "user_id": user.id,
                "secrecy_class": secrecy_class,
                "post": "机要员",
                "on_post_commitment": SCAN,
                "on_post_signed": "2025-01-05",
                "date_start": "2025-01-05",
                **vals,
            }
        )

    def test_clearance_follows_the_register(self):
        person = self._person(self.staff, "core")
        self.assertEqual(self.staff.office_clearance, "none")
        person.action_start_post()
        self.assertEqual(person.state, "on_post")
        self.assertEqual(self.staff.office_clearance, "core")
        with self.assertRaises(UserError):
            person.action_leave_post()  # no off-post commitment yet
        person.write({"off_post_commitment": SCAN, "date_end": "2026-04-30"})
        person.action_leave_post()
        self.assertEqual(person.state, "decontamination")
        self.assertEqual(person.decontamination_end, date(2029, 4, 30))
        self.assertEqual(self.staff.office_clearance, "none")

    def test_decontamination_period_by_class_is_configurable(self):
        self.env.company.office_decontamination_important = 4
        for user, secrecy_class, years in (
            (self.staff, "important", 4),
            (self.dept_head, "general", 1),
        ):
            person = self._person(user, secrecy_class)
            person.action_start_post()
            person.write({"off_post_commitment": SCAN, "date_end": "2026-06-30"})
            person.action_leave_post()
            self.assertEqual(person.decontamination_end, date(2026 + years, 6, 30))

    def test_post_needs_the_signed_commitment_and_the_secrecy_office(self):
        person = self._person(self.staff, on_post_commitment=False)
        with self.assertRaises(UserError):
            person.action_start_post()
        person.on_post_commitment = SCAN
        with self.assertRaises(UserError):
            person.with_user(self.dept_head).action_start_post()
        with self.assertRaises(UserError):
            person.with_user(self.officer_clerk).write({"state": "on_post"})
        self.assertEqual(self.staff.office_clearance, "none")

    def test_released_entry_is_closed_for_everyone(self):
        person = self._person(self.staff, "general")
        person.action_start_post()
        person.write({"off_post_commitment": SCAN, "date_end": "2026-01-31"})
        person.action_leave_post()
        with freeze_time("2027-02-01"):
            self.env["office.secrecy.person"]._cron_end_decontamination()
        self.assertEqual(person.state, "released")
        with self.assertRaises(UserError):
            person.sudo().write({"post": "其他"})

    def test_people_see_their_own_entries_heads_their_department(self):
        own = self._person(self.staff)
        other = self._person(self.principal)
        Person = self.env["office.secrecy.person"]
        self.assertEqual(Person.with_user(self.staff).search([]), own)
        self.assertIn(own, Person.with_user(self.dept_head).search([]))
        self.assertNotIn(other, Person.with_user(self.dept_head).search([]))
        with self.assertRaises(AccessError):
            own.with_user(self.staff).write({"post": "改岗"})

    def test_trip_abroad_needs_approval_and_briefing(self):
        person = self._person(self.staff, "important")
        person.action_start_post()
        trip = (
            self.env["office.secrecy.trip"]
            .with_user(self.staff)
            .create(
                {
                    "person_id": person.id,
                    "destination": "新加坡",
                    "purpose": "培训",
                    "date_from": "2026-12-07",
                    "date_to": "2026-12-14",
                }
            )
        )
        trip.action_submit()
        with self.assertRaises(UserError):
            trip.action_depart()
        self._approve(trip, self.principal)
        self.assertEqual(trip.state, "approved")
        with self.assertRaises(UserError):
            trip.with_user(self.staff).action_depart()  # no briefing yet
        trip.with_user(self.officer_clerk).briefing_note = "不得携带涉密载体出境"
        trip.with_user(self.officer_clerk).action_record_briefing()
        trip.with_user(self.staff).action_depart()
        self.assertEqual(trip.state, "travelling")
