import base64
import datetime
import hashlib

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from odoo.addons.office_docs.models.office_issuing_code import DOCUMENT_NUMBER_RE

from .common import OfficeDocsCase

CHECKS = {
    "check_policy": True,
    "check_legal": True,
    "check_content": True,
    "check_wording": True,
    "check_format": True,
}


@tagged("post_install", "-at_install")
class TestOutgoingDocument(OfficeDocsCase):
    def _to_review(self, doc):
        doc.with_user(doc.drafter_id).action_submit()
        self.assertEqual(doc.state, "review")

    def _office_review(self, doc):
        doc.with_user(self.clerk).write(CHECKS)
        doc.with_user(self.clerk).action_request_signoff()
        self.assertEqual(doc.state, "signing")

    def _signed(self, **vals):
        doc = self._outgoing(**vals)
        self._to_review(doc)
        self._office_review(doc)
        self._sign(doc, self.director, self.leader, self.principal)
        self.assertEqual(doc.state, "signed")
        return doc

    # ------------------------------------------------------------------
    # The whole path
    # ------------------------------------------------------------------

    @freeze_time("2026-03-05 02:00:00")
    def test_draft_to_filing(self):
        doc = self._outgoing(
            copy_recipient_ids=[(6, 0, self.province.ids)],
            cosign_ids=[(0, 0, {"department_id": self.dep_legal.id})],
        )
        self.assertEqual(doc.department_id, self.dep_budget)
        self.assertEqual(doc.drafter_id, self.budget_staff)

        # co-signing: the legal department disagrees, the drafter explains
        doc.with_user(self.budget_staff).action_submit()
        self.assertEqual(doc.state, "cosign")
        self.assertIn(self.legal_head, doc.activity_ids.user_id)
        line = doc.cosign_ids
        with self.assertRaises(AccessError):
            line.with_user(self.it_head).action_agree()
        line.with_user(self.legal_head).action_disagree("第三条与省厅文件口径不一致。")
        self.assertEqual(line.state, "disagreed")
        with self.assertRaises(UserError):
            doc.with_user(self.budget_staff).action_submit()
        line.with_user(self.budget_staff).explanation = "已按省厅文件口径修改第三条。"
        doc.with_user(self.budget_staff).action_submit()
        self.assertEqual(doc.state, "review")

        # office review: the five checks, by the office only
        with self.assertRaises(AccessError):
            doc.with_user(self.budget_staff).write({"check_policy": True})
        with self.assertRaises(AccessError):
            doc.with_user(self.budget_staff).action_request_signoff()
        doc.with_user(self.clerk).write(dict(CHECKS, check_format=False))
        with self.assertRaises(UserError):
            doc.with_user(self.clerk).action_request_signoff()
        doc.with_user(self.clerk).check_format = True
        doc.with_user(self.clerk).action_request_signoff()
        self.assertEqual(doc.state, "signing")
        self.assertEqual(doc.reviewer_id, self.clerk)

        # sign-off: the director, the leader in charge, then the 局长
        with self.assertRaises(UserError):
            doc.sudo().review_ids.filtered(
                lambda r: self.leader in r.reviewer_ids
            ).with_user(self.leader).action_office_approve()
        self._sign(doc, self.director, self.leader, self.principal)
        self.assertEqual(doc.state, "signed")
        self.assertEqual(doc.signer_id, self.principal)
        self.assertEqual(doc.document_date, datetime.date(2026, 3, 5))
        self.assertEqual(doc.document_date_text, "2026年3月5日")
        self.assertEqual(doc.body_sha256, hashlib.sha256("正文".encode()).hexdigest())
        self.assertTrue(doc.body_intact)
        # the leader sees what he signed
        self.assertTrue(
            self.env["office.outgoing.document"]
            .with_user(self.leader)
            .search([("id", "=", doc.id)])
        )

        # first reading before numbering
        with self.assertRaises(UserError):
            doc.with_user(self.clerk).action_number()
        with self.assertRaises(AccessError):
            doc.with_user(self.budget_staff).action_first_read()
        doc.with_user(self.clerk).action_first_read()
        doc.with_user(self.clerk).action_number()
        self.assertEqual(doc.number, "益财发〔2026〕1号")
        self.assertRegex(doc.number, DOCUMENT_NUMBER_RE)
        self.assertEqual(
            doc.display_name, "益财发〔2026〕1号 关于做好2026年度预算执行工作的通知"
        )

        # printing and distribution
        with self.assertRaises(UserError):
            doc.with_user(self.clerk).action_mark_printed()
        doc.with_user(self.clerk).print_copies = 20
        doc.with_user(self.clerk).action_mark_printed()
        self.assertFalse(doc.copy_number_range)  # not classified
        with self.assertRaises(AccessError):
            self.env["office.outgoing.distribution"].with_user(
                self.budget_staff
            ).create({"document_id": doc.id, "partner_id": self.district.id})
        Distribution = self.env["office.outgoing.distribution"].with_user(self.clerk)
        Distribution.create(
            {
                "document_id": doc.id,
                "partner_id": self.district.id,
                "channel": "exchange",
            }
        )
        # the copy recipient is missing
        with self.assertRaises(UserError):
            doc.with_user(self.clerk).action_distribute()
        Distribution.create(
            {"document_id": doc.id, "partner_id": self.province.id, "channel": "email"}
        )
        doc.with_user(self.clerk).action_distribute()
        self.assertEqual(doc.state, "distributed")
        self.assertTrue(all(doc.distribution_ids.mapped("sent_at")))
        self.assertEqual(
            set(doc.distribution_ids.mapped("recipient_kind")), {"main", "copy"}
        )
        with self.assertRaises(UserError):
            doc.distribution_ids[0].with_user(self.clerk).channel = "fax"

        doc.with_user(self.clerk).action_file()
        self.assertEqual(doc.state, "filed")

        chatter = self._messages(doc)
        for text in (
            "第三条与省厅文件口径不一致",
            "Submitted for the office review",
            "sent for sign-off",
            "Signed off by",
            "First reading done",
            "益财发〔2026〕1号",
            "Printed",
            "Distributed to 2 recipients",
            "Filed",
        ):
            self.assertIn(text, chatter)

    @freeze_time("2026-03-05 02:00:00")
    def test_numbers_follow_each_other_per_code(self):
        numbers = []
        for vals in ({}, {}, {"issuing_code_id": self.code_han.id}, {}):
            doc = self._signed(**vals)
            doc.with_user(self.clerk).action_first_read()
            doc.with_user(self.clerk).action_number()
            numbers.append(doc.number)
        self.assertEqual(
            numbers,
            [
                "益财发〔2026〕1号",
                "益财发〔2026〕2号",
                "益财函〔2026〕1号",
                "益财发〔2026〕3号",
            ],
        )

    @freeze_time("2026-03-05 02:00:00")
    def test_order_is_numbered_di_x_hao(self):
        doc = self._signed(type_id=self.order_type.id)
        doc.with_user(self.clerk).action_first_read()
        doc.with_user(self.clerk).action_number()
        self.assertEqual(doc.number, "第1号")

    # ------------------------------------------------------------------
    # Sign-off rules
    # ------------------------------------------------------------------

    def test_upward_document_is_signed_by_the_principal(self):
        doc = self._outgoing(type_id=self.request_type.id)
        self._to_review(doc)
        self._office_review(doc)
        self.assertEqual(len(doc.sudo().review_ids), 3)
        self._sign(doc, self.director, self.leader)
        self.assertEqual(doc.state, "signing")
        self._sign(doc, self.principal)
        self.assertEqual(doc.state, "signed")
        self.assertEqual(doc.signer_id, self.principal)
        self.assertTrue(doc.is_upward)

    def test_bureau_document_reviewed_by_leader_in_charge_signed_by_juzhang(
        self,
    ):
        # 002 公文处理制度 二: 拟稿 → 办公室核稿 → 分管领导审核 → 局长签发
        doc = self._outgoing()
        self._to_review(doc)
        self._office_review(doc)
        self.assertEqual(doc.leader_in_charge_id, self.leader)
        self._sign(doc, self.director)
        # another leader may not take the step of the leader in charge
        self.assertFalse(
            doc.sudo().review_ids.filtered(
                lambda r: self.leader_legal in r.reviewer_ids
            )
        )
        self._sign(doc, self.leader)
        self.assertEqual(doc.state, "signing")
        self._sign(doc, self.principal)
        self.assertEqual(doc.state, "signed")
        self.assertEqual(doc.signer_id, self.principal)

    def test_letter_is_signed_by_the_deputy_in_charge_of_the_drafting_department(self):
        # 002 公文处理制度 三: 拟稿 → 核稿 → 局分管领导签发
        legal_staff = self._user(
            "t_legal_staff", "group_office_user", "none", self.dep_legal
        )
        doc = self._outgoing(
            user=legal_staff,
            type_id=self.letter_type.id,
            issuing_code_id=self.code_han.id,
        )
        self._to_review(doc)
        self._office_review(doc)
        self.assertEqual(doc.leader_in_charge_id, self.leader_legal)
        self.assertEqual(len(doc.sudo().review_ids), 2)
        self._sign(doc, self.director)
        with self.assertRaises(AssertionError):
            self._pending_review(doc, self.leader)
        self._sign(doc, self.leader_legal)
        self.assertEqual(doc.state, "signed")
        self.assertEqual(doc.signer_id, self.leader_legal)

    def test_sign_off_needs_a_leader_in_charge_of_the_drafting_department(self):
        self.dep_budget.office_leader_id = False
        doc = self._outgoing()
        self._to_review(doc)
        doc.with_user(self.clerk).write(CHECKS)
        with self.assertRaisesRegex(UserError, "no leader in charge"):
            doc.with_user(self.clerk).action_request_signoff()
        self.assertEqual(doc.state, "review")

    def test_refused_sign_off_goes_back_to_the_drafter(self):
        doc = self._outgoing()
        self._to_review(doc)
        self._office_review(doc)
        self._sign(doc, self.director)
        self._pending_review(doc, self.leader).office_refuse("请补充执行要求。")
        self.assertEqual(doc.state, "draft")
        self.assertIn(
            self.budget_staff,
            doc.activity_ids.filtered(
                lambda a: (
                    a.activity_type_id
                    == self.env.ref("office_docs.mail_act_outgoing_correct")
                )
            ).user_id,
        )
        doc.with_user(self.budget_staff).body_file = self._body("正文（修改稿）")
        self._to_review(doc)
        self._office_review(doc)
        # a new round: the earlier reviews are kept as history
        self.assertEqual(len(doc.sudo().review_ids), 3)
        self.assertTrue(doc.approval_history_ids)
        self._sign(doc, self.director, self.leader, self.principal)
        self.assertEqual(doc.state, "signed")

    def test_office_returns_for_correction(self):
        doc = self._outgoing()
        self._to_review(doc)
        doc.with_user(self.clerk).write({"check_policy": True})
        doc.with_user(self.clerk).action_return_for_correction("主送单位不全。")
        self.assertEqual(doc.state, "draft")
        self.assertFalse(doc.check_policy)
        self.assertEqual(doc.review_comment, "主送单位不全。")
        self.assertIn("主送单位不全", self._messages(doc))

    def test_normative_document_needs_three_reviews(self):
        doc = self._outgoing(is_normative=True)
        self._to_review(doc)
        doc.with_user(self.clerk).write(CHECKS)
        with self.assertRaises(UserError):
            doc.with_user(self.clerk).action_request_signoff()
        with self.assertRaises(AccessError):
            doc.with_user(self.it_head).action_review_legality()
        with self.assertRaises(AccessError):
            doc.with_user(self.legal_head).action_review_integrity()
        with self.assertRaises(AccessError):
            doc.with_user(self.budget_staff).action_review_fair_competition()
        doc.with_user(self.budget_head).action_review_fair_competition()
        doc.with_user(self.legal_head).action_review_legality()
        with self.assertRaises(UserError):
            doc.with_user(self.clerk).action_request_signoff()
        doc.with_user(self.discipline_head).action_review_integrity()
        self.assertEqual(doc.integrity_by_id, self.discipline_head)
        doc.with_user(self.clerk).action_request_signoff()
        self.assertEqual(doc.state, "signing")
        # the review fields belong to the workflow
        with self.assertRaises(UserError):
            doc.with_user(self.clerk).write({"legality_by_id": False})

    # ------------------------------------------------------------------
    # Lock after sign-off
    # ------------------------------------------------------------------

    def test_signed_body_is_locked_until_back_to_review(self):
        doc = self._signed()
        old_hash = doc.body_sha256
        for user in (self.clerk, self.director):
            with self.assertRaises(UserError):
                doc.with_user(user).body_file = self._body("偷换的正文")
            with self.assertRaises(UserError):
                doc.with_user(user).title = "改过的标题"
        with self.assertRaises(UserError):
            doc.sudo().main_recipient_ids = [(4, self.province.id)]
        self.assertEqual(doc.body_sha256, old_hash)
        self.assertTrue(doc.body_intact)

        with self.assertRaises(AccessError):
            doc.with_user(self.it_staff).action_back_to_review("改")
        doc.with_user(self.budget_staff).action_back_to_review("领导要求补充第四条。")
        self.assertEqual(doc.state, "review")
        self.assertFalse(doc.signer_id)
        self.assertFalse(doc.body_sha256)
        new_body = "正文（补充第四条）"
        doc.with_user(self.clerk).body_file = self._body(new_body)
        self._office_review(doc)
        self._sign(doc, self.director, self.leader, self.principal)
        self.assertEqual(doc.state, "signed")
        self.assertEqual(doc.body_sha256, hashlib.sha256(new_body.encode()).hexdigest())
        self.assertNotEqual(doc.body_sha256, old_hash)
        self.assertIn("领导要求补充第四条", self._messages(doc))

    def test_sign_off_round_locks_and_can_be_withdrawn(self):
        doc = self._outgoing()
        self._to_review(doc)
        self._office_review(doc)
        with self.assertRaises(UserError):
            doc.with_user(self.clerk).with_context(
                skip_validation_check=True
            ).body_file = self._body("改过的正文")
        approval = self.env.ref("office_base.mail_act_office_approval")
        self.assertTrue(doc._office_activities(approval))
        doc.with_user(self.budget_staff).action_back_to_review("撤回补充材料。")
        self.assertEqual(doc.state, "review")
        self.assertFalse(doc.sudo().review_ids)
        self.assertFalse(doc._office_activities(approval))
        doc.with_user(self.clerk).body_file = self._body("正文（补充材料）")
        self._office_review(doc)
        self._sign(doc, self.director, self.leader, self.principal)
        self.assertEqual(doc.state, "signed")

    def test_number_cannot_be_undone(self):
        doc = self._signed()
        doc.with_user(self.clerk).action_first_read()
        doc.with_user(self.clerk).action_number()
        with self.assertRaises(UserError):
            doc.with_user(self.clerk).action_back_to_review("改")
        with self.assertRaises(UserError):
            doc.with_user(self.director).action_cancel()
        with self.assertRaises(UserError):
            doc.sudo().unlink()

    # ------------------------------------------------------------------
    # Classified distribution
    # ------------------------------------------------------------------

    def test_secret_document_never_by_ordinary_mail(self):
        doc = self._outgoing(
            user=self.budget_head, secrecy_level="secret",
            copy_recipient_ids=[(6, 0, self.province.ids)],
        )  # fmt: skip
        self._to_review(doc)
        self._office_review(doc)
        self._sign(doc, self.director, self.leader, self.principal)
        doc.with_user(self.clerk).action_first_read()
        doc.with_user(self.clerk).action_number()
        doc.with_user(self.clerk).print_copies = 3
        doc.with_user(self.clerk).action_mark_printed()
        self.assertEqual(doc.copy_number_range, "000001–000003")
        Distribution = self.env["office.outgoing.distribution"].with_user(self.clerk)
        for channel in ("ordinary_mail", "email", "fax"):
            with self.assertRaises(ValidationError):
                Distribution.create(
                    {
                        "document_id": doc.id,
                        "partner_id": self.district.id,
                        "channel": channel,
                    }
                )
        Distribution.create(
            {
                "document_id": doc.id,
                "partner_id": self.district.id,
                "channel": "confidential_courier",
                "copies": 2,
            }
        )
        line = Distribution.create(
            {
                "document_id": doc.id,
                "partner_id": self.province.id,
                "channel": "secure_network",
                "copies": 2,
            }
        )
        # five copies asked, three printed
        with self.assertRaises(UserError):
            doc.with_user(self.clerk).action_distribute()
        line.copies = 1
        doc.with_user(self.clerk).action_distribute()
        self.assertEqual(
            doc.distribution_ids.sorted("id").mapped("copy_numbers"),
            ["000001–000002", "000003"],
        )

    # ------------------------------------------------------------------
    # Drafts
    # ------------------------------------------------------------------

    def test_drafter_must_be_an_active_employee(self):
        nobody = new_test_user(
            self.env, login="t_no_employee", groups="office_base.group_office_user"
        )
        with self.assertRaises(ValidationError):
            self._outgoing(drafter_id=nobody.id)
        self.budget_staff.employee_ids.active = False
        with self.assertRaises(ValidationError):
            self._outgoing(user=self.clerk, drafter_id=self.budget_staff.id)

    def test_drafts_belong_to_their_drafter(self):
        doc = self._outgoing()
        # someone of another department neither sees nor changes it
        self.assertFalse(
            self.env["office.outgoing.document"]
            .with_user(self.it_staff)
            .search([("id", "=", doc.id)])
        )
        with self.assertRaises(AccessError):
            doc.with_user(self.it_staff).write({"title": "别人的稿"})
        with self.assertRaises(AccessError):
            doc.with_user(self.it_staff).action_submit()
        # the drafter cancels and deletes the draft
        doc.with_user(self.budget_staff).action_cancel()
        self.assertEqual(doc.state, "cancel")
        doc.with_user(self.budget_staff).unlink()
        self.assertFalse(doc.exists())

    def test_body_and_recipients_are_required(self):
        doc = self._outgoing(body_file=False)
        with self.assertRaises(UserError):
            doc.with_user(self.budget_staff).action_submit()
        doc.with_user(self.budget_staff).write(
            {"body_file": base64.b64encode(b"x"), "main_recipient_ids": [(5,)]}
        )
        with self.assertRaises(UserError):
            doc.with_user(self.budget_staff).action_submit()

    def test_workflow_fields_cannot_be_forged(self):
        for vals in (
            {"state": "filed"},
            {"number": "益财发〔2026〕99号"},
            {"signer_id": self.principal.id},
            {"body_sha256": "0" * 64},
        ):
            with self.assertRaises(UserError):
                self._outgoing(**vals)
        doc = self._outgoing()
        with self.assertRaises(UserError):
            self.env["office.outgoing.cosign"].with_user(self.budget_staff).create(
                {
                    "document_id": doc.id,
                    "department_id": self.dep_legal.id,
                    "state": "agreed",
                }
            )
        with self.assertRaises(UserError):
            doc.with_user(self.budget_staff).write({"state": "review"})
