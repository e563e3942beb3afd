from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.office_base.tools import granted

from .common import OfficeSealCase


@tagged("post_install", "-at_install")
class TestSealUseRequest(OfficeSealCase):
    def test_category_2_is_approved_by_the_deputy_in_charge_only(self):
        request = self._request(use_category="cat2", leader_id=self.deputy.id)
        self.assertEqual(request.state, "to_approve")
        review = self._pending_review(request)
        self.assertEqual(review.reviewer_ids, self.deputy)
        for intruder in (self.deputy_other, self.principal, self.director, self.staff):
            with self.assertRaises(AccessError):
                review.with_user(intruder).action_office_approve()
        self.assertEqual(request.state, "to_approve")
        review.with_user(self.deputy).action_office_approve()
        self.assertEqual(request.state, "approved")
        self.assertEqual(request.approver_ids, self.deputy)

    def test_office_director_approves_office_seal_use_004_1_6_2(self):
        # 004 一(六) 2: 使用本单位、办公室印章，须经办公室主任批准 — the default
        self.env.company.office_seal_director_rule = "004"
        self.assertEqual(
            self.env["res.company"]
            ._fields["office_seal_director_rule"]
            .default(self.env["res.company"]),
            "004",
        )
        self.assertTrue(self.seal.director_approval)
        request = self._request(use_category="cat2", leader_id=self.deputy.id)
        self.assertTrue(request.director_step)
        review = self._pending_review(request)
        self.assertIn(self.director, review.reviewer_ids)
        with self.assertRaises(AccessError):
            review.with_user(self.deputy).action_office_approve()
        self._approve(request, self.director)
        self.assertEqual(request.state, "to_approve")
        self._approve(request, self.deputy)
        self.assertEqual(request.state, "approved")
        self.assertEqual(request.approver_ids, self.director | self.deputy)
        # a seal not marked for the rule keeps 002's route
        self.seal2.director_approval = False
        other = self._request(
            use_category="cat2",
            leader_id=self.deputy.id,
            seal_ids=[(6, 0, self.seal2.ids)],
        )
        self.assertFalse(other.director_step)
        self.assertEqual(self._pending_review(other).reviewer_ids, self.deputy)
        # 002's rule as the company's choice: the leaders only
        self.env.company.office_seal_director_rule = "002"
        plain = self._request(use_category="cat2", leader_id=self.deputy.id)
        self.assertFalse(plain.director_step)
        self.assertEqual(self._pending_review(plain).reviewer_ids, self.deputy)

    def test_use_request_for_a_deactivated_seal_is_refused_naming_the_seal(self):
        request = self._request(submit=False)
        with granted("office_workflow_transition", self.seal):
            self.seal.sudo().write({"state": "deactivated"})
        with self.assertRaisesRegex(UserError, self.seal.name):
            request.action_submit()
        self.assertEqual(request.state, "draft")
        with self.assertRaisesRegex(UserError, self.seal.name):
            self._request(submit=False)

    def test_category_1_is_approved_by_the_principal_leader_only(self):
        request = self._request(use_category="cat1")
        review = self._pending_review(request)
        self.assertIn(self.principal, review.reviewer_ids)
        for intruder in (self.deputy, self.director, self.staff, self.keeper):
            with self.assertRaises(AccessError):
                review.with_user(intruder).action_office_approve()
        self.assertEqual(request.state, "to_approve")
        review.with_user(self.principal).action_office_approve()
        self.assertEqual(request.state, "approved")
        self.assertEqual(request.approver_ids, self.principal)

    def test_categories_3_and_4_go_to_the_principal_leader(self):
        for category in ("cat3", "cat4"):
            request = self._request(use_category=category)
            review = self._pending_review(request)
            self.assertIn(self.principal, review.reviewer_ids)
            self.assertNotIn(self.deputy, review.reviewer_ids)

    def test_category_2_needs_the_leader_in_charge(self):
        request = self._request(use_category="cat2", submit=False)
        with self.assertRaises(UserError):
            request.action_submit()
        self.assertEqual(request.state, "draft")
        self.assertFalse(request.review_ids)

    def test_leader_in_charge_must_be_a_leader(self):
        with self.assertRaises(UserError):
            self._request(use_category="cat2", leader_id=self.keeper.id, submit=False)

    def test_only_the_applicant_submits(self):
        request = self._request(submit=False)
        with self.assertRaises(AccessError):
            request.with_user(self.staff2).action_submit()

    def test_refusal_then_new_round(self):
        request = self._request()
        review = self._pending_review(request)
        review.with_user(self.principal).office_refuse("用途不明确")
        self.assertEqual(request.state, "refused")
        self.assertEqual(request.refused_by_id, self.principal)
        request.action_draft()
        self.assertEqual(request.state, "draft")
        self.assertFalse(request.review_ids)
        self.assertEqual(len(request.approval_history_ids), 1)
        request.write({"summary": "关于申请追加预算的请示（补充材料）"})
        request.action_submit()
        self._approve(request, self.principal)
        self.assertEqual(request.state, "approved")

    def test_nothing_changes_after_submission(self):
        request = self._request()
        with self.assertRaises(UserError):
            request.write({"stamp_count": 20})
        with self.assertRaises(UserError):
            request.write({"state": "approved"})
        approved = self._approve(request, self.principal)
        with self.assertRaises(UserError):
            approved.with_user(self.staff).write({"stamp_count": 20})
        self.assertEqual(approved.stamp_count, 2)

    def test_submission_refused_without_approval_steps(self):
        self.env.ref("office_seal.tier_definition_use_request_principal").active = False
        request = self._request(submit=False)
        with self.assertRaises(UserError):
            request.action_submit()
        self.assertEqual(request.state, "draft")

    def test_the_file_to_stamp_or_a_reason_for_paper_only(self):
        request = self._request(paper_only_reason="  ", submit=False)
        with self.assertRaises(UserError):
            request.action_submit()
        self.assertEqual(request.state, "draft")
        attachment = (
            self.env["ir.attachment"]
            .with_user(self.staff)
            .create({"name": "请示.pdf", "raw": b"%PDF-1.4 demo"})
        )
        request.write({"attachment_ids": [(6, 0, attachment.ids)]})
        request.action_submit()
        self.assertEqual(request.state, "to_approve")

    def test_blank_paper_needs_a_template_and_the_principal(self):
        request = self._request(
            use_category="cat2",
            leader_id=self.deputy.id,
            blank_paper=True,
            stamp_count=10,
            submit=False,
        )
        with self.assertRaises(UserError):
            request.action_submit()
        request.blank_template = "介绍信专用格式，仅用于外出联系工作"
        request.action_submit()
        # the deputy in charge first, then the principal leader
        self._approve(request, self.deputy)
        self.assertEqual(request.state, "to_approve")
        with self.assertRaises(AccessError):
            self._pending_review(request).with_user(self.deputy).action_office_approve()
        self._approve(request, self.principal)
        self.assertEqual(request.state, "approved")
        request.with_user(self.keeper).stamp(10)
        self.assertEqual(request.state, "done")

    def test_blank_paper_without_the_principal_is_not_stamped(self):
        # an admin removed the principal's step: the keeper still refuses
        self.env.ref("office_seal.tier_definition_use_request_principal").active = False
        request = self._request(
            use_category="cat2",
            leader_id=self.deputy.id,
            blank_paper=True,
            blank_template="空白合同，仅用于物业服务合同",
        )
        self._approve(request, self.deputy)
        self.assertEqual(request.state, "approved")
        with self.assertRaises(UserError):
            request.with_user(self.keeper).stamp(1)
        self.assertFalse(request.sudo().ledger_ids)

    def test_prior_approval_lets_the_keeper_stamp_before_the_signature(self):
        request = self._request(
            prior_approval=True,
            prior_approver_id=self.principal.id,
            prior_approval_note="局长出差，9时电话同意",
        )
        self.assertEqual(request.state, "to_approve")
        self.assertTrue(request.with_user(self.keeper).can_stamp)
        entry = self.env["office.seal.ledger"].browse(
            request.with_user(self.keeper).stamp(1)
        )
        self.assertEqual(request.state, "done")
        self.assertEqual(entry.approver_ids, self.principal)
        self.assertIn("局长出差", entry.approval_note)
        # the leader signs afterwards
        self._approve(request, self.principal)
        self.assertEqual(request.validation_status, "validated")
        self.assertEqual(request.state, "done")

    def test_prior_approval_only_by_the_leader_who_signs(self):
        request = self._request(
            prior_approval=True,
            prior_approver_id=self.deputy.id,
            prior_approval_note="分管领导电话同意",
        )
        with self.assertRaises(UserError):
            request.with_user(self.keeper).stamp(1)
        self.assertFalse(request.sudo().ledger_ids)

    def test_prior_approval_needs_a_note(self):
        request = self._request(
            prior_approval=True, prior_approver_id=self.principal.id, submit=False
        )
        with self.assertRaises(UserError):
            request.action_submit()

    def test_cancel_and_delete(self):
        request = self._request()
        with self.assertRaises(UserError):
            request.unlink()
        with self.assertRaises(AccessError):
            request.with_user(self.staff2).action_cancel()
        request.action_cancel()
        self.assertEqual(request.state, "cancel")
        self.assertFalse(request.review_ids)
        request.unlink()

    def test_visibility(self):
        request = self._request()
        other = self._request(user=self.staff2, seal_ids=[(6, 0, self.seal2.ids)])
        Request = self.env["office.seal.use.request"]
        self.assertEqual(Request.with_user(self.staff).search([]), request)
        with self.assertRaises(AccessError):
            other.with_user(self.staff).read(["summary"])
        # keepers see the requests for their seals
        self.assertIn(request, Request.with_user(self.keeper).search([]))
        self.assertNotIn(other, Request.with_user(self.keeper).search([]))
        self.assertIn(other, Request.with_user(self.other_keeper).search([]))
        # reviewers see what they review, the director and internal control all
        self.assertIn(request, Request.with_user(self.principal).search([]))
        for user in (self.director, self.auditor):
            self.assertEqual(
                Request.with_user(user).search([("id", "in", (request | other).ids)]),
                request | other,
            )
        with self.assertRaises(AccessError):
            request.with_user(self.auditor).action_cancel()

    def test_approval_form_report(self):
        request = self._approved_request()
        request.with_user(self.keeper).stamp(2)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "office_seal.office_seal_use_request_document", request.ids
            )[0]
            .decode()
        )
        self.assertIn(request.name, html)
        self.assertIn(self.principal.name, html)
        self.assertIn(self.keeper.name, html)
