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
