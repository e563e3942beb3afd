from odoo.tests import tagged

from odoo.addons.office_petition.tests.common import OfficePetitionCase


@tagged("post_install", "-at_install")
class TestPetitionSensors(OfficePetitionCase):
    def _events(self, xmlid, record):
        sensor = self.env.ref(xmlid)
        sensor._run()
        return self.env["office.risk.event"].search(
            [
                ("sensor_id", "=", sensor.id),
                ("res_model", "=", record._name),
                ("res_id", "=", record.id),
            ]
        )

    def test_a_group_visit_raises_a_risk_event_of_003_article_51(self):
        petition = self._petition(form="visit", persons=8, received="2026-11-17")
        event = self._events("office_petition_risk.sensor_petition_flagged", petition)
        self.assertEqual(len(event), 1)
        self.assertEqual(event.proposed_level, "significant")
        self.assertEqual(event.point_id.code, "26-1")
        self.assertNotIn("周某", event.title + (event.source_name or ""))

    def test_an_acceptance_not_decided_in_15_days_raises_a_risk_event(self):
        late = self._petition(received="2026-10-30")
        in_time = self._petition(received="2026-11-10")
        xmlid = "office_petition_risk.sensor_petition_acceptance_overdue"
        self.assertEqual(len(self._events(xmlid, late)), 1)
        self.assertFalse(self._events(xmlid, in_time))
