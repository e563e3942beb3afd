from odoo.tests import HttpCase, tagged

from .common import OfficeSecrecyCase


@tagged("post_install", "-at_install")
class TestSecrecyWeb(OfficeSecrecyCase, HttpCase):
    """An incident from report to closure, in the browser."""

    def test_incident_from_report_to_closure(self):
        self.start_tour(
            "/odoo/action-office_secrecy.office_secrecy_incident_action",
            "office_secrecy_incident_walk",
            login=self.officer_clerk.login,
        )
        incident = self.env["office.secrecy.incident"].search(
            [("name", "=", "浏览器测试：涉密文件遗失")]
        )
        self.assertEqual(incident.state, "closed")
        self.assertEqual(incident.reporter_id, self.officer_clerk)
        self.assertEqual(incident.severity, "general")
        self.assertTrue(incident.closed_at)
