from odoo.tests import tagged

from odoo.addons.office_disclosure.tests.common import OfficeDisclosureCase


@tagged("post_install", "-at_install")
class TestDisclosureSensors(OfficeDisclosureCase):
    def _events(self, sensor, record):
        return self.env["office.risk.event"].search(
            [
                ("sensor_id", "=", sensor.id),
                ("res_model", "=", record._name),
                ("res_id", "=", record.id),
            ]
        )

    def test_a_request_answered_late_raises_a_significant_risk_event(self):
        sensor = self.env.ref(
            "office_disclosure_risk.sensor_disclosure_request_overdue"
        )
        late = (
            self.env["office.disclosure.request"]
            .with_user(self.officer)
            .create(
                {
                    "requester_name": "隐私申请人",
                    "content": "预算信息",
                    "date_received": "2026-10-15",
                    "handler_id": self.staff.id,
                    "department_id": self.dep_budget.id,
                }
            )
        )
        late.action_register()
        in_time = late.copy({"date_received": "2026-11-17"})
        in_time.action_register()
        sensor._run()
        event = self._events(sensor, late)
        self.assertEqual(len(event), 1)
        self.assertEqual(event.proposed_level, "significant")
        self.assertEqual(event.point_id.code, "19-2")
        # the requester's name stays out of the risk register
        self.assertNotIn("隐私申请人", event.title + (event.source_name or ""))
        self.assertFalse(self._events(sensor, in_time))
