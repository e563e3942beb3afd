from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from odoo.addons.office_docs.tests.common import OfficeDocsCase
from odoo.addons.office_docs.tests.test_outgoing_document import CHECKS


@tagged("post_install", "-at_install")
class TestDocsSeal(OfficeDocsCase):
    """A numbered outgoing document requests its sealing; the seal use names
    the document, which shows its seal uses."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.keeper = new_test_user(
            cls.env,
            login="t_seal_keeper",
            groups="office_seal.group_seal_keeper",
            name="Seal Keeper",
        )
        cls.seal = cls.env["office.seal"].create(
            {
                "name": "测试局行政章（发文）",
                "kind": "administrative",
                "department_id": cls.dep_office.id,
                "custodian_id": cls.keeper.id,
            }
        )

    def _numbered(self):
        doc = self._outgoing()
        doc.with_user(self.budget_staff).action_submit()
        doc.with_user(self.clerk).write(CHECKS)
        doc.with_user(self.clerk).action_request_signoff()
        self._sign(doc, self.director, self.leader, self.principal)
        doc.with_user(self.clerk).action_first_read()
        return doc

    def test_request_sealing_after_numbering(self):
        doc = self._numbered()
        self.assertFalse(doc.with_user(self.clerk).can_request_sealing)
        with self.assertRaises(UserError):
            doc.with_user(self.clerk).action_request_sealing()
        doc.with_user(self.clerk).action_number()
        doc.with_user(self.clerk).print_copies = 3
        self.assertTrue(doc.with_user(self.clerk).can_request_sealing)
        self.assertFalse(doc.with_user(self.budget_staff).can_request_sealing)
        with self.assertRaises(AccessError):
            doc.with_user(self.budget_staff).action_request_sealing()

        action = doc.with_user(self.clerk).action_request_sealing()
        form = Form(
            self.env[action["res_model"]]
            .with_user(self.clerk)
            .with_context(**action["context"])
        )
        form.seal_ids.add(self.seal)
        request = form.save()
        self.assertEqual(request.outgoing_document_id, doc)
        self.assertEqual(request.document_ref, doc.number)
        self.assertEqual(request.summary, doc.title)
        self.assertEqual(request.use_category, "cat1")
        self.assertEqual(request.stamp_count, 3)
        self.assertEqual(doc.seal_use_count, 1)
        self.assertIn("Seal use requested", self._messages(doc))
        seal_uses = doc.action_view_seal_uses()
        self.assertEqual(
            self.env["office.seal.use.request"].search(seal_uses["domain"]), request
        )
        # submitted: the document link is locked with the request
        request.with_user(self.clerk).action_submit()
        self.assertEqual(request.state, "approved")
        other = self._outgoing()
        with self.assertRaises(UserError):
            request.with_user(self.clerk).write({"outgoing_document_id": other.id})

    def _sealing_request(self, doc):
        action = doc.with_user(self.clerk).action_request_sealing()
        form = Form(
            self.env[action["res_model"]]
            .with_user(self.clerk)
            .with_context(**action["context"])
        )
        form.seal_ids.add(self.seal)
        return form.save()

    def test_signed_document_is_sealed_on_its_sign_off_sheet_without_a_second_approval(
        self,
    ):
        # 002 公章管理制度 三: 文件用印凭发文签盖章
        doc = self._numbered()
        doc.with_user(self.clerk).action_number()
        request = self._sealing_request(doc)
        self.assertEqual(request.use_category, "cat1")
        self.assertTrue(request.on_signed_document)
        request.with_user(self.clerk).action_submit()
        self.assertEqual(request.state, "approved")
        self.assertFalse(request.sudo().review_ids)
        request.with_user(self.keeper).stamp(1)
        self.assertEqual(request.state, "done")
        self.assertEqual(request.sudo().ledger_ids.approver_ids, self.principal)
        # without a signed document, the same request waits for its approval
        plain = (
            self.env["office.seal.use.request"]
            .with_user(self.clerk)
            .create(
                {
                    "seal_ids": [(6, 0, self.seal.ids)],
                    "use_category": "cat1",
                    "summary": "合同",
                    "paper_only_reason": "纸质合同，当面核对",
                }
            )
        )
        plain.action_submit()
        self.assertEqual(plain.state, "to_approve")

    def test_signed_letter_is_sealed_as_category_2(self):
        # 002 公章管理制度 二: 函件 are category ②
        doc = self._outgoing(
            type_id=self.letter_type.id, issuing_code_id=self.code_han.id
        )
        doc.with_user(self.budget_staff).action_submit()
        doc.with_user(self.clerk).write(CHECKS)
        doc.with_user(self.clerk).action_request_signoff()
        self._sign(doc, self.director, self.leader)
        doc.with_user(self.clerk).action_first_read()
        doc.with_user(self.clerk).action_number()
        request = self._sealing_request(doc)
        self.assertEqual(request.use_category, "cat2")
        request.with_user(self.clerk).action_submit()
        self.assertEqual(request.state, "approved")

    def test_only_numbered_documents_are_sealed(self):
        draft = self._outgoing()
        with self.assertRaises(ValidationError):
            self.env["office.seal.use.request"].with_user(self.clerk).create(
                {
                    "seal_ids": [(6, 0, self.seal.ids)],
                    "use_category": "cat1",
                    "summary": draft.title,
                    "outgoing_document_id": draft.id,
                }
            )
        # the form's onchange fills the request from the document
        doc = self._numbered()
        doc.with_user(self.clerk).action_number()
        form = Form(self.env["office.seal.use.request"].with_user(self.clerk))
        form.outgoing_document_id = doc
        self.assertEqual(form.document_ref, doc.number)
        self.assertEqual(form.summary, doc.title)
