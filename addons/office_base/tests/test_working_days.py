import datetime

from freezegun import freeze_time

from odoo.tests import new_test_user, tagged

from .common import OfficeTestCase

D = datetime.date


@tagged("post_install", "-at_install")
class TestWorkingDays(OfficeTestCase):
    """Working days of 2026 as the State Council's notice of 2025-11-04 sets them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.calendar = cls.env["office.calendar"]
        cls.env.company.resource_calendar_id.tz = "Asia/Shanghai"
        cls.env["office.holiday.year"].seed_years([2026])

    def test_make_up_days_are_working_days(self):
        for day in (
            D(2026, 1, 4),
            D(2026, 2, 14),
            D(2026, 2, 28),
            D(2026, 5, 9),
            D(2026, 9, 20),
            D(2026, 10, 10),
        ):
            self.assertTrue(self.calendar.is_working_day(day), day)

    def test_national_day_and_spring_festival_are_off(self):
        for offset in range(7):
            self.assertFalse(self.calendar.is_working_day(D(2026, 10, 1 + offset)))
        for day in range(15, 24):
            self.assertFalse(self.calendar.is_working_day(D(2026, 2, day)), day)
        self.assertTrue(self.calendar.is_working_day(D(2026, 2, 24)))

    def test_ordinary_weekend_is_off(self):
        self.assertFalse(self.calendar.is_working_day(D(2026, 3, 7)))
        self.assertTrue(self.calendar.is_working_day(D(2026, 3, 6)))

    def test_add_working_days_across_national_day(self):
        # Friday 25 September is Mid-Autumn: five working days later is 9 October.
        self.assertEqual(
            self.calendar.add_working_days(D(2026, 9, 25), 5), D(2026, 10, 9)
        )
        # The make-up Saturday 10 October counts.
        self.assertEqual(
            self.calendar.add_working_days(D(2026, 10, 8), 2), D(2026, 10, 10)
        )
        self.assertEqual(
            self.calendar.add_working_days(D(2026, 10, 8), -1), D(2026, 9, 30)
        )

    def test_add_working_days_keeps_time(self):
        start = datetime.datetime(2026, 9, 30, 9, 15)
        self.assertEqual(
            self.calendar.add_working_days(start, 1),
            datetime.datetime(2026, 10, 8, 9, 15),
        )

    def test_working_days_between(self):
        self.assertEqual(
            self.calendar.working_days_between(D(2026, 9, 30), D(2026, 10, 8)), 1
        )
        self.assertEqual(
            self.calendar.working_days_between(D(2026, 10, 8), D(2026, 9, 30)), -1
        )
        self.assertEqual(
            self.calendar.working_days_between(D(2026, 2, 13), D(2026, 2, 28)), 6
        )

    def test_add_working_hours_skips_the_break(self):
        # 16:30 on 30 September in Beijing is 08:30 UTC; one working hour later is
        # 08:30 on 8 October in Beijing, 00:30 UTC.
        start = datetime.datetime(2026, 9, 30, 8, 30)
        self.assertEqual(
            self.calendar.add_working_hours(start, 1),
            datetime.datetime(2026, 10, 8, 0, 30),
        )

    def test_add_working_hours_skips_lunch(self):
        # 11:30 Beijing (03:30 UTC) + 1 h = 13:30 Beijing (05:30 UTC).
        start = datetime.datetime(2026, 3, 5, 3, 30)
        self.assertEqual(
            self.calendar.add_working_hours(start, 1),
            datetime.datetime(2026, 3, 5, 5, 30),
        )

    def test_hand_entered_day_changes_result_at_once(self):
        self.assertTrue(self.calendar.is_working_day(D(2026, 3, 6)))
        self.env["office.holiday"].create(
            {"date": D(2026, 3, 6), "name": "Local holiday", "kind": "holiday"}
        )
        self.assertFalse(self.calendar.is_working_day(D(2026, 3, 6)))

    def test_seeding_is_idempotent_and_marks_confirmation(self):
        Holiday = self.env["office.holiday"]
        count = Holiday.search_count([("year", "=", 2026)])
        self.env["office.holiday.year"].seed_years([2026])
        self.assertEqual(Holiday.search_count([("year", "=", 2026)]), count)
        year = self.env["office.holiday.year"].search([("year", "=", 2026)])
        self.assertTrue(year.confirmed)
        self.assertEqual(year.workday_count, 6)
        self.env["office.holiday.year"].seed_years([2031])
        self.assertFalse(
            self.env["office.holiday.year"].search([("year", "=", 2031)]).confirmed,
            "A year without announced make-up days stays unconfirmed",
        )

    def test_only_director_edits_holidays(self):
        from odoo.exceptions import AccessError

        staff = new_test_user(
            self.env, "cal_staff", groups="office_base.group_office_user"
        )
        with self.assertRaises(AccessError):
            self.env["office.holiday"].with_user(staff).create(
                {"date": D(2026, 3, 9), "name": "x", "kind": "holiday"}
            )

    def test_seeding_keeps_last_year_for_deadlines_counted_after_new_year(self):
        with freeze_time("2027-01-04 01:00:00"):
            self.env["office.holiday.year"].seed_years()
            years = self.env["office.holiday.year"].search([]).mapped("year")
        self.assertTrue({2026, 2027, 2028} <= set(years))

    def test_loan_of_the_last_working_day_runs_into_next_year(self):
        # 2026-12-31 (Thu) + 5 working days: 1 January is a holiday, 2 and 3 a weekend
        self.env["office.holiday.year"].seed_years([2027])
        self.assertFalse(self.calendar.is_working_day(D(2027, 1, 1)))
        self.assertEqual(
            self.calendar.add_working_days(D(2026, 12, 31), 5), D(2027, 1, 8)
        )
        self.assertEqual(
            self.calendar.working_days_between(D(2026, 12, 31), D(2027, 1, 8)), 5
        )

    def test_directors_are_reminded_once_that_next_year_is_unconfirmed(self):
        director = new_test_user(
            self.env, "cal_director", groups="office_base.group_office_director"
        )
        Year = self.env["office.holiday.year"]
        with freeze_time("2031-10-30 01:00:00"):
            Year._cron_seed_next_year()
        year_2032 = Year.search([("year", "=", 2032)])
        self.assertFalse(year_2032.confirmed)
        self.assertFalse(year_2032.activity_ids, "no reminder before November")
        with freeze_time("2031-12-31 01:00:00"):
            Year._cron_seed_next_year()
            Year._cron_seed_next_year()
        mine = year_2032.activity_ids.filtered(lambda a: a.user_id == director)
        self.assertEqual(len(mine), 1)
        self.assertEqual(mine.date_deadline, D(2031, 12, 31))
        self.assertIn("2032", mine.summary)
        year_2032.activity_ids.action_done()
        year_2032.confirmed = True
        with freeze_time("2031-12-31 01:00:00"):
            Year._cron_seed_next_year()
        self.assertFalse(year_2032.activity_ids, "a confirmed year asks nothing")
