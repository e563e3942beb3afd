import re

from odoo.tests import HttpCase, new_test_user, tagged

from .common import OfficeRiskCase


@tagged("post_install", "-at_install")
class TestRiskWeb(OfficeRiskCase, HttpCase):
    """Raise, investigate, decide, rectify and verify a risk event in the browser."""

    def test_event_lifecycle_in_the_browser(self):
        officer = new_test_user(
            self.env,
            login="risk_tour",
            groups="office_base.group_office_internal_control,"
            "office_risk.group_risk_committee",
            name="Risk Tour",
        )
        # build the asset bundles first: a slow first page would leave the
        # browser's idle preconnections to time out
        self.authenticate(officer.login, officer.login)
        page = self.url_open("/odoo/action-office_risk.office_risk_event_action")
        for asset in re.findall(r'(?:src|href)="(/web/assets/[^"]+)"', page.text):
            self.url_open(asset, timeout=120)
        self.start_tour(
            "/odoo/action-office_risk.office_risk_event_action",
            "office_risk_event_decide",
            login=officer.login,
        )
        event = self.env["office.risk.event"].search(
            [("title", "=", "浏览器测试风险事件")]
        )
        self.assertEqual(event.state, "rectification")
        self.assertEqual(event.investigator_id, officer)
        self.assertEqual(event.decided_level, "major")
        self.assertEqual(event.investigation, "调查属实")
        rect = event.rectification_ids
        self.assertEqual(len(rect), 1)
        self.start_tour(
            f"/odoo/action-office_risk.office_risk_rectification_action/{rect.id}",
            "office_risk_rectification_done",
            login=officer.login,
        )
        self.assertEqual(rect.state, "submitted")
        self.start_tour(
            f"/odoo/action-office_risk.office_risk_event_action/{event.id}",
            "office_risk_event_verify",
            login=officer.login,
        )
        self.assertEqual(event.state, "closed")
        self.assertEqual(rect.state, "verified")
        self.assertEqual(event.verified_by_id, officer)
