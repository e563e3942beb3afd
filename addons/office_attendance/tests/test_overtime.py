from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import OfficeAttendanceCase


@tagged("post_install", "-at_install")
class TestOvertime(OfficeAttendanceCase):
    def _overtime(self, hours=4.0, user=None):
        user = user or self.staff
        overtime = (
            self.env["office.overtime"]
            .with_user(user)
            .create(
                {
                    "employee_id": user.employee_id.id,
                    "date": "2026-11-14",
                    "hours": hours,
                    "description": "年度预算编制加班",
                }
            )
        )
        overtime.action_submit()
        self.assertEqual(overtime.state, "to_approve")
        return overtime

    def _review(self, overtime):
        return overtime.sudo().review_ids.filtered(lambda r: r.status == "pending")

    def test_four_hours_give_half_a_day_of_compensatory_leave(self):
        overtime = self._overtime(4.0)
        self.assertIn(self.officer, self._review(overtime).reviewer_ids)
        self._review(overtime).with_user(self.officer).action_office_approve()
        self.assertEqual(overtime.state, "approved")
        allocation = overtime.allocation_id
        self.assertEqual(allocation.holiday_status_id, self.compensatory)
        self.assertEqual(allocation.number_of_days, 0.5)
        self.assertEqual(allocation.state, "validate")
        self.assertEqual(allocation.employee_id, self.staff.employee_id)

    def test_the_ratio_is_a_setting(self):
        self.company.office_overtime_hours_per_day = 4.0
        overtime = self._overtime(4.0)
        self._review(overtime).with_user(self.officer).action_office_approve()
        self.assertEqual(overtime.allocation_id.number_of_days, 1.0)

    def test_only_the_office_registers(self):
        overtime = self._overtime()
        with self.assertRaises(AccessError):
            self._review(overtime).with_user(self.staff).action_office_approve()
        with self.assertRaises(UserError):
            overtime.with_user(self.officer)._workflow_run("approve")
        self.assertFalse(overtime.allocation_id)
        self.assertEqual(overtime.state, "to_approve")

    def test_a_refusal_needs_a_reason_and_allocates_nothing(self):
        overtime = self._overtime()
        with self.assertRaises(UserError):
            self._review(overtime).with_user(self.officer).office_refuse(" ")
        self._review(overtime).with_user(self.officer).office_refuse("未经安排")
        self.assertEqual(overtime.state, "refused")
        self.assertFalse(overtime.allocation_id)

    def test_staff_submit_only_their_own(self):
        overtime = (
            self.env["office.overtime"]
            .with_user(self.officer)
            .create(
                {
                    "employee_id": self.staff2.employee_id.id,
                    "date": "2026-11-14",
                    "hours": 3,
                    "description": "值守",
                }
            )
        )
        with self.assertRaises(UserError):
            overtime.with_user(self.staff).action_submit()

    def test_a_registered_overtime_is_never_cancelled(self):
        overtime = self._overtime()
        self._review(overtime).with_user(self.officer).action_office_approve()
        with self.assertRaises(UserError):
            overtime.with_user(self.staff).action_cancel()

    def test_bad_hours_are_refused(self):
        with self.assertRaises(ValidationError):
            self._overtime(0)
        with self.assertRaises(UserError):
            self._overtime().with_user(self.staff).write({"hours": 8})
