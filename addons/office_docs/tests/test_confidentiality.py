from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import OfficeDocsCase


@tagged("post_install", "-at_install")
class TestConfidentiality(OfficeDocsCase):
    """A classified document never appears for a user without clearance or
    outside its need-to-know list, whatever the channel; its lines neither."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a clerk of the office without clearance
        cls.uncleared_clerk = cls._user(
            "t_uncleared_clerk", "group_office_clerk", "none", cls.dep_office
        )

    def _assert_hidden(self, record, user, title):
        Model = self.env[record._name].with_user(user)
        self.assertNotIn(record, Model.search([]))
        self.assertFalse(Model.search_count([("id", "=", record.id)]))
        self.assertFalse(Model.name_search(title))
        groups = Model.read_group([("id", "=", record.id)], ["id:count"], [])
        self.assertFalse(groups and groups[0].get("__count", groups[0].get("id")))
        with self.assertRaises(AccessError):
            record.with_user(user).read(["title"])

    def test_secret_incoming_document(self):
        doc = self._incoming(
            title="机密测试来文甲", secrecy_level="confidential", user=self.director
        )
        doc.with_user(self.director).write(
            {
                "instruction_ids": [],
                "circulation_ids": [(0, 0, {"reader_id": self.budget_staff.id})],
            }
        )
        # the office knows it, within clearance
        self.assertIn(
            doc,
            self.env["office.incoming.document"].with_user(self.director).search([]),
        )
        for user in (
            self.clerk,
            self.uncleared_clerk,
            self.budget_staff,
            self.it_staff,
        ):
            self._assert_hidden(doc, user, "机密测试来文甲")
        # nor its lines
        lines = self.env["office.document.circulation"].with_user(self.budget_staff)
        self.assertFalse(lines.search([("document_id", "=", doc.id)]))

    def test_secret_incoming_visible_to_cleared_need_to_know(self):
        doc = self._incoming(title="秘密测试来文乙", secrecy_level="secret")
        Incoming = self.env["office.incoming.document"]
        self.assertIn(doc, Incoming.with_user(self.clerk).search([]))
        self.assertNotIn(doc, Incoming.with_user(self.uncleared_clerk).search([]))
        # assigned: the lead department's cleared head sees it, its
        # uncleared staff do not
        doc.with_user(self.clerk).action_accept()
        doc.with_user(self.clerk).action_propose("拟办", leader_ids=self.leader.ids)
        doc.with_user(self.leader).action_instruct("同意")
        doc.with_user(self.clerk).lead_department_id = self.dep_budget
        doc.with_user(self.clerk).action_assign()
        self.assertIn(self.dep_budget, doc.need_to_know_department_ids)
        self.assertIn(doc, Incoming.with_user(self.budget_head).search([]))
        self._assert_hidden(doc, self.budget_staff, "秘密测试来文乙")
        instructions = self.env["office.document.instruction"]
        self.assertTrue(
            instructions.with_user(self.budget_head).search(
                [("document_id", "=", doc.id)]
            )
        )
        self.assertFalse(
            instructions.with_user(self.budget_staff).search(
                [("document_id", "=", doc.id)]
            )
        )

    def test_secret_outgoing_document(self):
        doc = self._outgoing(
            user=self.budget_head, title="秘密测试发文丙", secrecy_level="secret"
        )
        self.assertIn(
            doc, self.env["office.outgoing.document"].with_user(self.clerk).search([])
        )
        for user in (self.budget_staff, self.uncleared_clerk, self.it_staff):
            self._assert_hidden(doc, user, "秘密测试发文丙")
