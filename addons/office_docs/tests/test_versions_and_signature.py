import base64

from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import OfficeDocsCase
from .test_outgoing_document import CHECKS

# a 1×1 PNG, as the signature widget sends it
PNG = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk"
    "+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


@tagged("post_install", "-at_install")
class TestVersionsAndSignature(OfficeDocsCase):
    def test_every_body_is_kept_as_a_version(self):
        doc = self._outgoing()
        self.assertEqual(doc.body_version_count, 1)
        doc.with_user(self.budget_staff).body_file = self._body("正文（第二稿）")
        doc.with_user(self.budget_staff).body_file = self._body("正文（第三稿）")
        versions = doc.body_version_ids
        self.assertEqual(versions.mapped("version"), [3, 2, 1])
        self.assertEqual(versions.user_id, self.budget_staff)
        self.assertEqual(base64.b64decode(versions[-1].body_file).decode(), "正文")
        self.assertTrue(versions[0].is_current)
        self.assertFalse(versions[1].is_current)
        self.assertEqual(len(set(versions.mapped("sha256"))), 3)
        # versions are kept as they were, even by the office
        with self.assertRaises(UserError):
            versions[1].with_user(self.clerk).write({"body_filename": "x"})
        with self.assertRaises(UserError):
            versions[1].with_user(self.clerk).unlink()
        with self.assertRaises(UserError):
            self.env["office.outgoing.body.version"].with_user(self.clerk).create(
                {"document_id": doc.id, "version": 9, "user_id": self.clerk.id}
            )
        # the drafter sees the history, another department does not
        Version = self.env["office.outgoing.body.version"]
        self.assertEqual(
            Version.with_user(self.budget_staff).search([("document_id", "=", doc.id)]),
            versions,
        )
        self.assertFalse(
            Version.with_user(self.it_staff).search([("document_id", "=", doc.id)])
        )
        # after sign-off a new body is refused, and no version is added
        doc.with_user(self.budget_staff).action_submit()
        doc.with_user(self.clerk).write(CHECKS)
        doc.with_user(self.clerk).action_request_signoff()
        self._sign(doc, self.director, self.leader, self.principal)
        with self.assertRaises(UserError):
            doc.with_user(self.clerk).body_file = self._body("偷换")
        with self.assertRaises(UserError):
            doc.with_user(self.clerk).body_html = "<p>偷换</p>"
        self.assertEqual(doc.body_version_count, 3)
        # back to review: the change is kept as a new version
        doc.with_user(self.budget_staff).action_back_to_review("补充第四条")
        doc.with_user(self.clerk).body_file = self._body("正文（第四稿）")
        self.assertEqual(doc.body_version_ids[0].state_at_upload, "review")
        self.assertEqual(doc.body_version_count, 4)

    def test_handwritten_signature_on_instruction(self):
        doc = self._incoming()
        doc.with_user(self.clerk).action_accept()
        doc.with_user(self.clerk).action_propose("拟请预算科办理。", self.leader.ids)
        action = doc.with_user(self.leader).action_instruct()
        view = self.env.ref("office_docs.office_incoming_instruct_wizard_view_form")
        self.assertIn('widget="signature"', view.arch)
        wizard = Form(
            self.env[action["res_model"]]
            .with_user(self.leader)
            .with_context(**action["context"])
        )
        wizard.opinion = "同意，请预算科办理。"
        wizard.signature = PNG
        wizard.save().action_confirm()
        instruction = doc.instruction_ids
        self.assertTrue(instruction.signature)
        self.assertEqual(instruction.leader_id, self.leader)
        # printed on the processing slip
        html = (
            self.env["ir.actions.report"]
            .with_user(self.clerk)
            ._render_qweb_html("office_docs.office_incoming_document_report", doc.ids)[
                0
            ]
            .decode()
        )
        self.assertIn("data:image/png;base64", html)
        with self.assertRaises(UserError):
            instruction.with_user(self.leader).signature = False

    def test_phone_board_opens_on_a_column_with_cards(self):
        """Staff see only the steps their documents are in (no empty first
        column on the phone); the office sees every step."""
        doc = self._incoming(lead_department_id=self.dep_budget.id)
        doc.with_user(self.clerk).action_accept()
        Incoming = self.env["office.incoming.document"]
        groups = (
            Incoming.with_user(self.budget_staff)
            .with_context(read_group_expand=True)
            .read_group([("id", "=", doc.id)], ["state"], ["state"])
        )
        self.assertEqual([g["state"] for g in groups], ["accepted"])
        groups = (
            Incoming.with_user(self.clerk)
            .with_context(read_group_expand=True)
            .read_group([("id", "=", doc.id)], ["state"], ["state"])
        )
        self.assertEqual(groups[0]["state"], "registered")
