from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.office_base.tools import granted

from .common import OfficeDocsCase
from .test_outgoing_document import CHECKS


@tagged("post_install", "-at_install")
class TestDocsWorkflowKernel(OfficeDocsCase):
    """The documents on office_base's workflow kernel: a state changes only
    through a transition, checked for the acting user; no context key and no
    superuser environment grants anything."""

    def _signed(self):
        doc = self._outgoing()
        doc.with_user(self.budget_staff).action_submit()
        doc.with_user(self.clerk).write(CHECKS)
        doc.with_user(self.clerk).action_request_signoff()
        self._sign(doc, self.director, self.leader, self.principal)
        self.assertEqual(doc.state, "signed")
        return doc

    def test_each_transition_is_refused_to_a_user_without_the_right(self):
        incoming = self._incoming()
        for user in (self.budget_staff, self.it_head):
            for env_doc in (incoming.with_user(user), incoming.with_user(user).sudo()):
                with self.assertRaises(AccessError):
                    env_doc.action_accept()
                with self.assertRaises(AccessError):
                    env_doc.action_return("不属于本单位")
        self.assertEqual(incoming.state, "registered")
        self.assertFalse(incoming.return_reason)

        outgoing = self._outgoing()
        outgoing.with_user(self.budget_staff).action_submit()
        self.assertEqual(outgoing.state, "review")
        for env_doc in (
            outgoing.with_user(self.budget_staff),
            outgoing.with_user(self.budget_staff).sudo(),
        ):
            with self.assertRaises(AccessError):
                env_doc.action_request_signoff()
            with self.assertRaises(AccessError):
                env_doc.action_return_for_correction("改")
        self.assertEqual(outgoing.state, "review")
        self.assertFalse(outgoing.review_comment)

        item = (
            self.env["office.supervision"]
            .with_user(self.clerk)
            .create(
                {
                    "title": "督办测试事项",
                    "source": "other",
                    "owner_id": self.budget_staff.id,
                    "deadline": "2026-12-31",
                }
            )
        )
        for env_item in (
            item.with_user(self.it_staff),
            item.with_user(self.it_staff).sudo(),
        ):
            with self.assertRaises(AccessError):
                env_item.action_cancel()
            with self.assertRaises(AccessError):
                env_item.action_complete("完成")
        self.assertEqual(item.state, "open")
        self.assertFalse(item.completion_note)

    def test_state_write_is_refused_to_admin_and_superuser(self):
        admin = self.env.ref("base.user_admin")
        incoming = self._incoming()
        outgoing = self._outgoing()
        for record, state in ((incoming, "closed"), (outgoing, "filed")):
            for env_record in (record, record.sudo(), record.with_user(admin)):
                with self.assertRaises(UserError):
                    env_record.write({"state": state})
        self.assertEqual(incoming.state, "registered")
        self.assertEqual(outgoing.state, "draft")
        with self.assertRaises(UserError):
            self.env["office.incoming.document"].sudo().create(
                {
                    "sender_id": self.province.id,
                    "title": "直接办结",
                    "state": "closed",
                }
            )

    def test_removed_context_keys_change_nothing(self):
        doc = self._signed()
        for key in ("office_classification_decision", "office_docs_workflow"):
            forged = doc.with_user(self.clerk).with_context(**{key: True})
            for env_doc in (forged, forged.sudo()):
                with self.assertRaises(UserError):
                    env_doc.write({"secrecy_level": "secret"})
                with self.assertRaises(UserError):
                    env_doc.write({"signer_id": self.clerk.id})
        self.assertEqual(doc.secrecy_level, "none")
        self.assertEqual(doc.signer_id, self.principal)
        # office_secrecy applies a decision inside the Python-only grant
        with granted("office_classification_decision", doc):
            doc.sudo().write({"secrecy_level": "secret"})
        self.assertEqual(doc.secrecy_level, "secret")

    def test_distribution_lines_are_sent_only_by_the_distribution(self):
        doc = self._outgoing()
        line = (
            self.env["office.outgoing.distribution"]
            .with_user(self.clerk)
            .create({"document_id": doc.id, "partner_id": self.district.id})
        )
        forged = line.with_user(self.clerk).with_context(office_docs_workflow=True)
        for env_line in (forged, forged.sudo()):
            with self.assertRaises(UserError):
                env_line.write({"sent_at": "2026-11-18 02:00:00"})
        self.assertFalse(line.sent_at)

    def test_deadline_days_come_from_the_company(self):
        company = self.env.company
        self.assertEqual(company.office_docs_objection_days, 1)
        self.assertEqual(company.office_docs_objection_hours_urgent, 1)
        self.assertEqual(company.office_docs_handling_days, 10)
        self.assertEqual(company.office_docs_due_soon_days, 2)
        doc = self._incoming(type_id=False)
        due = doc.due_date
        company.office_docs_handling_days = 15
        doc.invalidate_recordset(["due_date"])
        self.env.add_to_compute(doc._fields["due_date"], doc)
        self.assertGreater(doc.due_date, due)

    def test_an_rpc_caller_without_language_writes_the_chatter_in_its_own(self):
        """XML-RPC sends no language: the creation message and the step's
        message read in the acting user's language, not in English."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.budget_staff.lang = "zh_CN"
        rpc = self.env(context={})
        doc = self._outgoing(env=rpc)
        doc.action_submit()
        self._flush_tracking()
        doc.invalidate_recordset(["message_ids"])
        chatter = self._messages(doc)
        self.assertIn("已送办公室核稿", chatter)
        self.assertNotRegex(chatter, "Outgoing Document|created")
