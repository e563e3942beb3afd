from odoo.tests import tagged

from odoo.addons.office_attendance.tests.common import OfficeAttendanceCase


@tagged("post_install", "-at_install")
class TestAttendanceSensors(OfficeAttendanceCase):
    def _run(self, xmlid):
        sensor = self.env.ref(xmlid)
        sensor._run()
        return self.env["office.risk.event"].search([("sensor_id", "=", sensor.id)])

    def test_a_discrepancy_open_for_five_working_days_raises_an_event(self):
        Discrepancy = self.env["office.attendance.discrepancy"]
        old = Discrepancy.create(
            {"employee_id": self.staff.employee_id.id, "date": "2026-11-10"}
        )
        new = Discrepancy.create(
            {"employee_id": self.staff.employee_id.id, "date": "2026-11-16"}
        )
        # the demo's own discrepancies depend on the day it was made
        events = self._run("office_attendance_risk.sensor_attendance_discrepancy")
        events = events.filtered(lambda e: e.res_id in (old + new).ids)
        self.assertEqual(events.mapped("res_id"), old.ids)
        old.with_user(self.officer)._workflow_run("resolve", reason="已补请假手续")
        self._run("office_attendance_risk.sensor_attendance_discrepancy")
        self.assertFalse(events.source_active)

    def test_a_leave_not_reported_back_raises_an_event(self):
        late = self._leave(self.staff, "2026-11-09", "2026-11-10")
        self._approve_all(late)
        recent = self._leave(self.staff, "2026-11-17", "2026-11-17")
        self._approve_all(recent)
        events = self._run("office_attendance_risk.sensor_attendance_report_back")
        events = events.filtered(lambda e: e.res_id in (late + recent).ids)
        self.assertEqual(events.mapped("res_id"), late.ids)
