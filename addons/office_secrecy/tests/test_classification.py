from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import OfficeSecrecyCase


@tagged("post_install", "-at_install")
class TestClassification(OfficeSecrecyCase):
    def _classified(self, level="confidential"):
        """A record classified by an approved decision."""
        doc = self.Document.with_user(self.drafter).create(
            {"name": "预算草案", "secrecy_level": level}
        )
        decision = self._decisions(doc)
        self._approve(decision, self.principal)
        return doc, decision

    def test_level_given_at_creation_protects_and_is_proposed(self):
        doc = self.Document.with_user(self.drafter).create(
            {"name": "机密预算草案", "secrecy_level": "confidential"}
        )
        self.assertEqual(doc.secrecy_level, "confidential", "protected at once")
        decision = self._decisions(doc)
        self.assertEqual(len(decision), 1)
        self.assertEqual(decision.kind, "classify")
        self.assertEqual(decision.state, "to_approve")
        self.assertEqual(decision.proposer_id, self.drafter)
        self.assertEqual(self._pending_review(decision).reviewer_ids, self.principal)
        self.assertFalse(decision.is_current)
        self._approve(decision, self.principal)
        self.assertEqual(decision.state, "approved")
        self.assertTrue(decision.is_current)
        self.assertEqual(decision.decided_by_id, self.principal)
        self.assertEqual(decision.expiry_date.year - decision.period_start.year, 20)

    def test_level_cannot_be_set_or_lowered_by_writing(self):
        plain = self.Document.with_user(self.drafter).create({"name": "普通材料"})
        self.assertFalse(self._decisions(plain))
        with self.assertRaises(UserError):
            plain.with_user(self.drafter).write({"secrecy_level": "secret"})
        doc, _decision = self._classified()
        for vals in (
            {"secrecy_level": "secret"},
            {"secrecy_level": "none"},
            {"secrecy_years": 5},
            {"secrecy_release": "会议召开后"},
        ):
            with self.assertRaises(UserError):
                doc.with_user(self.drafter).write(vals)
        self.assertEqual(doc.secrecy_level, "confidential")
        # writing the same values or other fields is fine
        doc.with_user(self.drafter).write(
            {"name": "预算草案（修改）", "secrecy_level": "confidential"}
        )

    def test_change_applies_only_once_approved(self):
        doc, first = self._classified()
        change = (
            self.env["office.classification.decision"]
            .with_user(self.drafter)
            .create(
                {
                    "kind": "change",
                    "res_model": doc._name,
                    "res_id": doc.id,
                    "secrecy_level": "secret",
                    "release_kind": "date",
                    "release_date": "2030-06-30",
                    "need_to_know_user_ids": [(6, 0, self.dept_head.ids)],
                    "basis": "预算已公开部分内容",
                    "officer_id": self.principal.id,
                }
            )
        )
        self.assertEqual(change.previous_level, "confidential")
        change.with_user(self.drafter).action_submit()
        self.assertEqual(doc.secrecy_level, "confidential", "not before approval")
        self.assertIn(self.principal, doc.need_to_know_user_ids, "the officer reads it")
        self._approve(change, self.principal)
        self.assertEqual(doc.secrecy_level, "secret")
        self.assertEqual(doc.secrecy_mark, "秘密★2030年6月30日解密")
        self.assertIn(self.dept_head, doc.need_to_know_user_ids)
        self.assertTrue(change.is_current)
        self.assertFalse(first.is_current)
        self.assertEqual(change.expiry_date, date(2030, 6, 30))

    def test_refused_change_changes_nothing(self):
        doc, _first = self._classified()
        change = self.env["office.classification.decision"].create(
            {
                "kind": "declassify",
                "res_model": doc._name,
                "res_id": doc.id,
                "secrecy_level": "none",
                "officer_id": self.principal.id,
            }
        )
        change.action_submit()
        self._pending_review(change).with_user(self.principal).office_refuse("仍需保密")
        self.assertEqual(change.state, "refused")
        self.assertEqual(doc.secrecy_level, "confidential")

    def test_only_an_officer_covering_the_level_decides(self):
        doc, _first = self._classified()
        # a designated officer up to secret cannot decide on a confidential record
        self.env["office.classification.officer"].create(
            {
                "user_id": self.deputy.id,
                "kind": "designated",
                "designated_by_id": self.principal.id,
                "max_level": "secret",
                "date_from": "2020-01-01",
            }
        )
        change = self.env["office.classification.decision"].create(
            {
                "kind": "declassify",
                "res_model": doc._name,
                "res_id": doc.id,
                "secrecy_level": "none",
                "officer_id": self.deputy.id,
            }
        )
        with self.assertRaises(UserError):
            change.action_submit()
        # the authority is not delegated to a substitute
        self.env["office.delegation"].with_user(self.principal).create(
            {
                "user_id": self.principal.id,
                "substitute_id": self.staff.id,
                "date_from": "2020-01-01",
                "date_to": "2099-12-31",
            }
        ).action_confirm()
        change.officer_id = self.principal
        change.action_submit()
        review = self._pending_review(change)
        self.assertIn(self.staff, review.reviewer_ids)
        with self.assertRaises(UserError):
            review.with_user(self.staff).action_office_approve()
        self.assertEqual(doc.secrecy_level, "confidential")
        with self.assertRaises(ValidationError):
            self.env["office.classification.officer"].create(
                {"user_id": self.deputy.id, "kind": "statutory"}
            )

    def test_declassification_is_proposed_never_released(self):
        doc, decision = self._classified("secret")
        Decision = self.env["office.classification.decision"]
        early = Decision._cron_propose_declassification()
        self.assertFalse(early.filtered(lambda d: d.res_model == doc._name))
        with freeze_time(decision.expiry_date):
            proposals = Decision._cron_propose_declassification()
            proposal = proposals.filtered(
                lambda d: d.res_model == doc._name and d.res_id == doc.id
            )
            self.assertEqual(len(proposal), 1)
            self.assertEqual(decision.declassification_id, proposal)
            self.assertEqual(proposal.kind, "declassify")
            self.assertEqual(proposal.state, "draft")
            self.assertEqual(proposal.officer_id, self.principal)
            self.assertEqual(proposal.activity_ids.user_id, self.principal)
            self.assertEqual(doc.secrecy_level, "secret", "nothing released")
            self.assertFalse(Decision._cron_propose_declassification(), "idempotent")
            proposal.with_user(self.principal).action_submit()
            self._approve(proposal, self.principal)
        self.assertEqual(doc.secrecy_level, "none")
        self.assertFalse(decision.is_current)

    def test_decision_needs_a_confidential_record(self):
        with self.assertRaises(ValidationError):
            self.env["office.classification.decision"].create(
                {
                    "res_model": "res.partner",
                    "res_id": self.env.user.partner_id.id,
                    "secrecy_level": "secret",
                }
            )
        doc = self.Document.create({"name": "普通材料"})
        with self.assertRaises(ValidationError):
            self.env["office.classification.decision"].create(
                {
                    "res_model": doc._name,
                    "res_id": doc.id,
                    "secrecy_level": "secret",
                    "secrecy_years": 15,
                }
            )

    def test_company_setting_and_received_markings(self):
        self.env.company.office_secrecy_received_models = "office.secrecy.test.document"
        doc = self.Document.with_user(self.drafter).create(
            {"name": "上级来文", "secrecy_level": "secret"}
        )
        self.assertFalse(self._decisions(doc), "a received marking is no proposal")
        with self.assertRaises(UserError):
            doc.with_user(self.drafter).write({"secrecy_level": "none"})
        self.env.company.office_secrecy_enforce = False
        doc.with_user(self.drafter).write({"secrecy_level": "none"})
        self.assertEqual(doc.secrecy_level, "none")

    def test_proposer_sees_own_decisions_only(self):
        doc, decision = self._classified()
        Decision = self.env["office.classification.decision"]
        self.assertIn(decision, Decision.with_user(self.drafter).search([]))
        self.assertNotIn(decision, Decision.with_user(self.staff).search([]))
        self.assertIn(decision, Decision.with_user(self.officer_clerk).search([]))
        self.assertEqual(doc.classification_decision_count, 1)
