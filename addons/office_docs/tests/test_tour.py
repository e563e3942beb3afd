from odoo.tests import HttpCase, tagged

from .common import OfficeDocsCase


@tagged("post_install", "-at_install")
class TestIncomingTour(OfficeDocsCase, HttpCase):
    """In the browser: the clerk registers, accepts and assigns a document;
    the head of the lead department undertakes and closes it."""

    def test_register_route_and_close_in_the_browser(self):
        self.start_tour("/odoo", "office_docs_incoming_register", login="t_clerk")
        doc = self.env["office.incoming.document"].search(
            [("title", "=", "浏览器登记测试来文")]
        )
        self.assertEqual(doc.state, "assigned")
        self.assertEqual(doc.sender_id, self.district)
        self.assertEqual(doc.lead_department_id, self.dep_budget)
        self.start_tour(
            "/odoo", "office_docs_incoming_undertake_close", login="t_budget_head"
        )
        self.assertEqual(doc.state, "closed")
        self.assertEqual(doc.result, "已按要求办结。")
        self.assertEqual(doc.handler_id, self.budget_head)

    def test_supervision_board_and_signature_pad_in_the_browser(self):
        """The supervision board groups by colour and the owner answers from
        the card; the leader's instruction dialog has the signature pad."""
        item = (
            self.env["office.supervision"]
            .with_user(self.clerk)
            .create(
                {
                    "title": "浏览器督办测试事项",
                    "source": "other",
                    "owner_id": self.budget_staff.id,
                    "department_id": self.dep_budget.id,
                    "deadline": "2020-01-01",
                }
            )
        )
        self.assertEqual(item.status, "red")
        self.start_tour(
            "/odoo", "office_docs_supervision_board", login="t_budget_staff"
        )
        self.assertEqual(item.feedback_ids.note, "已完成初稿，正在征求意见。")
        doc = self._incoming(title="浏览器批示测试来文")
        doc.with_user(self.clerk).action_accept()
        doc.with_user(self.clerk).action_propose("拟请预算科办理。", self.leader.ids)
        self.start_tour(
            "/odoo", "office_docs_instruct_with_signature", login="t_leader"
        )
        self.assertEqual(doc.state, "instructed")
        self.assertEqual(doc.instruction_ids.opinion, "同意，请预算科办理。")
