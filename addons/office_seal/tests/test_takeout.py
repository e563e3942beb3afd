from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import OfficeSealCase


@tagged("post_install", "-at_install")
class TestSealTakeout(OfficeSealCase):
    def _takeout(self, companions=None, submit=True, **vals):
        now = fields.Datetime.now()
        companions = companions if companions is not None else self.staff | self.staff2
        takeout = (
            self.env["office.seal.takeout"]
            .with_user(self.staff)
            .create(
                {
                    "seal_id": self.seal.id,
                    "companion_ids": [(6, 0, companions.ids)],
                    "purpose": "到人民银行办理预留印鉴变更",
                    "use_category": "cat1",
                    "date_out": now,
                    "expected_return": now + timedelta(hours=4),
                    **vals,
                }
            )
        )
        if submit:
            takeout.action_submit()
        return takeout

    def test_two_named_people_are_required(self):
        takeout = self._takeout(companions=self.staff, submit=False)
        with self.assertRaisesRegex(UserError, "at least two people"):
            takeout.action_submit()
        self.assertEqual(takeout.state, "draft")
        self.assertFalse(takeout.review_ids)

    def test_the_error_is_translated(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        takeout = self._takeout(companions=self.staff, submit=False)
        with self.assertRaisesRegex(UserError, "至少两人"):
            takeout.with_context(lang="zh_CN").action_submit()

    def test_only_the_principal_leader_approves(self):
        takeout = self._takeout()
        review = self._pending_review(takeout)
        for intruder in (self.deputy, self.director, self.keeper):
            with self.assertRaises(AccessError):
                review.with_user(intruder).action_office_approve()
        # the seal stays in the office until the principal approves
        with self.assertRaises(UserError):
            takeout.with_user(self.keeper).action_hand_out()
        self.assertEqual(self.seal.state, "active")
        review.with_user(self.principal).action_office_approve()
        self.assertEqual(takeout.state, "approved")
        self.assertEqual(takeout.approver_ids, self.principal)

    def test_refused_without_an_approval_step(self):
        self.env.ref("office_seal.tier_definition_takeout_principal").active = False
        takeout = self._takeout(submit=False)
        with self.assertRaises(UserError):
            takeout.action_submit()
        self.assertEqual(takeout.state, "draft")

    def test_out_and_back_with_the_ledger(self):
        takeout = self._approve(self._takeout(), self.principal)
        request = self._approved_request()
        with self.assertRaises(AccessError):
            takeout.with_user(self.other_keeper).action_hand_out()
        with self.assertRaises(AccessError):
            takeout.with_user(self.staff).action_hand_out()
        takeout.with_user(self.keeper).action_hand_out()
        self.assertEqual(takeout.state, "out")
        self.assertEqual(self.seal.state, "out")
        # no stamping in the office while the seal is out
        with self.assertRaises(UserError):
            request.with_user(self.keeper).stamp(1)
        # a second take-out of the same seal is not possible
        with self.assertRaises(UserError):
            self._takeout()
        action = takeout.with_user(self.keeper2).action_return()
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.keeper2)
            .with_context(**action["context"])
            .create({"impressions_used": 2, "note": "合同两份"})
        )
        wizard.action_confirm()
        self.assertEqual(takeout.state, "returned")
        self.assertEqual(takeout.returned_to_id, self.keeper2)
        self.assertEqual(self.seal.state, "active")
        entry = takeout.sudo().ledger_ids
        self.assertEqual(entry.impressions, 2)
        self.assertEqual(entry.approver_ids, self.principal)
        self.assertEqual(entry.applicant_id, self.staff)
        self.assertTrue(self.seal.verify_chain()["ok"])

    def test_overdue_return_reminds_the_keeper_once(self):
        past = fields.Datetime.now() - timedelta(days=2)
        takeout = self._approve(
            self._takeout(date_out=past, expected_return=past + timedelta(hours=3)),
            self.principal,
        )
        takeout.with_user(self.keeper).action_hand_out()
        self.assertTrue(takeout.is_overdue)
        Takeout = self.env["office.seal.takeout"]
        self.assertIn(takeout, Takeout.search([("is_overdue", "=", True)]))
        self.assertNotIn(takeout, Takeout.search([("is_overdue", "=", False)]))
        reminder = self.env.ref("office_seal.mail_act_office_seal_return")
        for _run in range(2):
            Takeout._cron_remind_overdue()
            activities = takeout.sudo().activity_ids.filtered(
                lambda a: a.activity_type_id == reminder
            )
            self.assertEqual(len(activities), 1)
            self.assertEqual(activities.user_id, self.keeper)
        takeout.with_user(self.keeper).check_in(0)
        self.assertFalse(takeout.sudo().activity_ids)
        self.assertFalse(takeout.sudo().ledger_ids)

    def test_not_overdue_is_not_reminded(self):
        takeout = self._approve(self._takeout(), self.principal)
        takeout.with_user(self.keeper).action_hand_out()
        self.env["office.seal.takeout"]._cron_remind_overdue()
        self.assertFalse(takeout.sudo().activity_ids)

    def test_people_in_charge_see_it(self):
        takeout = self._takeout(companions=self.staff2 | self.keeper)
        Takeout = self.env["office.seal.takeout"]
        self.assertIn(takeout, Takeout.with_user(self.staff2).search([]))
        self.assertIn(takeout, Takeout.with_user(self.keeper2).search([]))
        self.assertNotIn(takeout, Takeout.with_user(self.other_keeper).search([]))
