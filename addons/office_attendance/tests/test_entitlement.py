from odoo.tests import tagged

from .common import OfficeAttendanceCase


@tagged("post_install", "-at_install")
class TestAnnualLeaveEntitlement(OfficeAttendanceCase):
    def setUp(self):
        super().setUp()
        self.employee = self.staff.employee_id

    def _serving_since(self, start):
        self.employee.office_service_start_date = start

    def _days(self, year=2026):
        return self.employee._office_annual_leave(year)[0]

    def _validated(self, date_from, date_to, leave_type):
        leave = self._leave(self.staff, date_from, date_to, leave_type)
        self._approve_all(leave)
        self.assertEqual(leave.state, "validate")
        return leave

    def test_years_of_service_bands_at_each_boundary(self):
        for start, days in (
            ("2025-06-01", 0),  # less than a year on 1 January
            ("2025-01-01", 5),  # one year exactly
            ("2016-01-02", 5),  # 9 years and 364 days
            ("2016-01-01", 10),  # ten years
            ("2006-01-02", 10),  # not yet twenty
            ("2006-01-01", 15),  # twenty years
            ("1990-03-01", 15),
        ):
            self._serving_since(start)
            self.assertEqual(self._days(), days, start)

    def test_twelve_years_and_two_and_a_half_months_of_sick_leave_keep_ten_days(self):
        self._serving_since("2014-01-01")
        self._validated("2026-01-05", "2026-03-20", self.sick)  # 75 days
        self.assertEqual(self._days(), 10)

    def test_twelve_years_and_three_months_of_sick_leave_have_none(self):
        self._serving_since("2014-01-01")
        self._validated("2026-01-05", "2026-04-04", self.sick)  # 90 days
        days, reason = self.employee._office_annual_leave(2026)
        self.assertEqual(days, 0)
        self.assertIn("90", reason)

    def test_sick_leave_limits_follow_the_band(self):
        self._serving_since("2020-01-01")  # 6 years: 2 months
        self._validated("2026-01-05", "2026-03-04", self.sick)  # 59 days
        self.assertEqual(self._days(), 5)
        self._validated("2026-03-05", "2026-03-05", self.sick)  # 60 days
        self.assertEqual(self._days(), 0)

    def test_twenty_years_keep_fifteen_days_below_four_months(self):
        self._serving_since("2000-01-01")
        self._validated("2026-01-05", "2026-05-03", self.sick)  # 119 days
        self.assertEqual(self._days(), 15)

    def test_sick_leave_of_another_year_does_not_count(self):
        self._serving_since("2014-01-01")
        self._validated("2026-01-05", "2026-04-04", self.sick)
        self.assertEqual(self._days(2027), 10)

    def test_twenty_days_of_paid_personal_leave_cancel_the_annual_leave(self):
        self._serving_since("2014-01-01")
        self._validated("2026-03-02", "2026-03-27", self.personal)  # 20 working days
        self.assertEqual(self._days(), 0)

    def test_nineteen_days_of_personal_leave_keep_it(self):
        self._serving_since("2014-01-01")
        self._validated("2026-03-02", "2026-03-26", self.personal)  # 19 working days
        self.assertEqual(self._days(), 10)

    def test_the_plan_allocates_the_annual_leave_once(self):
        self._serving_since("2014-01-01")
        wizard = (
            self.env["office.annual.leave.wizard"]
            .with_user(self.officer)
            .create({"year": 2026, "employee_ids": [(6, 0, self.employee.ids)]})
        )
        wizard.action_allocate()
        allocation = self.env["hr.leave.allocation"].search(
            [
                ("employee_id", "=", self.employee.id),
                ("holiday_status_id", "=", self.annual.id),
            ]
        )
        self.assertEqual(allocation.number_of_days, 10)
        self.assertEqual(allocation.state, "validate")
        wizard.action_allocate()
        self.assertEqual(
            self.env["hr.leave.allocation"].search_count(
                [
                    ("employee_id", "=", self.employee.id),
                    ("holiday_status_id", "=", self.annual.id),
                ]
            ),
            1,
        )
