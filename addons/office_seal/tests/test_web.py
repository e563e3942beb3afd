from odoo.tests import HttpCase, tagged

from .common import OfficeSealCase


@tagged("post_install", "-at_install")
class TestSealWeb(OfficeSealCase, HttpCase):
    """Request, approve and stamp in the browser."""

    def test_request_in_the_browser(self):
        self.start_tour(
            "/odoo/action-office_seal.office_seal_use_request_action",
            "office_seal_request_submit",
            login=self.staff.login,
        )
        request = self.env["office.seal.use.request"].search(
            [("summary", "=", "浏览器测试用印申请")]
        )
        self.assertEqual(request.applicant_id, self.staff)
        self.assertEqual(request.state, "to_approve")
        self.assertIn(self.principal, self._pending_review(request).reviewer_ids)

    def test_deputy_approves_on_a_phone(self):
        request = self._request(
            use_category="cat2", leader_id=self.deputy.id, summary="手机审批用印"
        )
        self.browser_size = "390x844"
        self.touch_enabled = True
        self.start_tour(
            "/odoo/action-office_base.tier_review_action_office_inbox",
            "office_seal_phone_approve",
            login=self.deputy.login,
        )
        self.assertEqual(request.state, "approved")

    def test_keeper_stamps_in_the_browser(self):
        request = self._approved_request(stamp_count=3)
        self.start_tour(
            f"/odoo/action-office_seal.office_seal_use_request_action/{request.id}",
            "office_seal_keeper_stamp",
            login=self.keeper.login,
        )
        self.assertEqual(request.state, "done")
        self.assertEqual(request.sudo().ledger_ids.impressions, 1)
        self.assertEqual(request.sudo().ledger_ids.keeper_id, self.keeper)
