from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import OfficeAttendanceCase


@tagged("post_install", "-at_install")
class TestOvertime(OfficeAttendanceCase):
    def _overtime(self, hours=4.0):
        overtime = (
            self.env["office.overtime"]
            .with_user(self.staff)
            .create(
                {
                    "employee_id": self.staff.employee_id.id,
                    "date": "2026-11-14",
                    "hours": hours,
                    "description": "年度预算编制加班",
                }
            )
        )
        overtime.action_submit()
        return overtime

    def test_four_hours_give_half_a_day_of_compensatory_leave(self):
        overtime = self._overtime(4.0)
        overtime.with_user(self.officer).action_register()
        self.assertEqual(overtime.state, "registered")
        allocation = overtime.allocation_id
        self.assertEqual(allocation.holiday_status_id, self.compensatory)
        self.assertEqual(allocation.number_of_days, 0.5)
        self.assertEqual(allocation.state, "validate")
        self.assertEqual(allocation.employee_id, self.staff.employee_id)

    def test_the_ratio_is_a_setting(self):
        self.company.office_overtime_hours_per_day = 4.0
        overtime = self._overtime(4.0)
        overtime.with_user(self.officer).action_register()
        self.assertEqual(overtime.allocation_id.number_of_days, 1.0)

    def test_only_the_office_registers(self):
        overtime = self._overtime()
        with self.assertRaises(AccessError):
            overtime.with_user(self.staff).action_register()
        self.assertFalse(overtime.allocation_id)

    def test_a_refusal_needs_a_reason(self):
        overtime = self._overtime()
        action = overtime.with_user(self.officer).action_refuse()
        self.assertEqual(action["res_model"], "office.reason.wizard")
        overtime.with_user(self.officer)._workflow_run("refuse", reason="未经安排")
        self.assertEqual(overtime.state, "refused")

    def test_staff_declare_only_their_own(self):
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

    def test_bad_hours_are_refused(self):
        with self.assertRaises(ValidationError):
            self._overtime(0)
        with self.assertRaises(UserError):
            self._overtime().with_user(self.staff).write({"hours": 8})
