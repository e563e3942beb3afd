from unittest.mock import patch

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import OfficeSealCase


@tagged("post_install", "-at_install")
class TestSealDeactivation(OfficeSealCase):
    def _deactivation(self, user=None, submit=True, **vals):
        record = (
            self.env["office.seal.deactivation"]
            .with_user(user or self.keeper)
            .create(
                {
                    "seal_id": self.seal.id,
                    "action": "deactivate",
                    "reason": "rename",
                    "description": "机构更名，旧章停用",
                    **vals,
                }
            )
        )
        if submit:
            record.action_submit()
        return record

    def test_asked_from_the_seal(self):
        action = self.seal.with_user(self.keeper).action_request_deactivation()
        self.assertEqual(action["res_model"], "office.seal.deactivation")
        record = (
            self.env["office.seal.deactivation"]
            .with_user(self.keeper)
            .with_context(**action["context"])
            .create({"reason": "damage", "description": "印面破损"})
        )
        self.assertEqual(record.seal_id, self.seal)
        self.assertEqual(record.action, "deactivate")
        self.assertEqual(record.requested_by_id, self.keeper)

    def test_only_keepers_or_the_director_ask(self):
        record = self._deactivation(user=self.director, submit=False)
        with self.assertRaises(AccessError):
            record.with_user(self.other_keeper).action_submit()
        # staff cannot even create one
        with self.assertRaises(AccessError):
            self._deactivation(user=self.staff, submit=False)
        record.with_user(self.director).action_submit()
        self.assertEqual(record.state, "to_approve")
        # one request at a time per seal
        second = self._deactivation(submit=False, reason="damage")
        with self.assertRaisesRegex(UserError, "already waiting"):
            second.action_submit()

    def test_principal_approves_and_the_seal_is_deactivated(self):
        record = self._deactivation()
        review = self._pending_review(record)
        for intruder in (self.deputy, self.director, self.keeper):
            with self.assertRaises(AccessError):
                review.with_user(intruder).action_office_approve()
        self.assertEqual(self.seal.state, "active")
        Deactivation = type(self.env["office.seal.deactivation"])
        with patch.object(
            Deactivation, "_office_archive_prepare", autospec=True
        ) as hook:
            review.with_user(self.principal).action_office_approve()
        self.assertEqual(record.state, "done")
        self.assertEqual(record.seal_state_before, "active")
        self.assertEqual(self.seal.state, "deactivated")
        self.assertIn("机构更名", self.seal.state_reason)
        self.assertEqual(record.approver_ids, self.principal)
        hook.assert_called_once()
        self.assertEqual(hook.call_args.args[0], record)
        # a void seal is no longer requested nor stamped
        with self.assertRaisesRegex(UserError, self.seal.name):
            self._request(submit=False)

    def test_destruction_and_refusal(self):
        record = self._deactivation(action="destroy", reason="damage")
        self._approve(record, self.principal)
        self.assertEqual(self.seal.state, "destroyed")
        # nothing more can be asked for a destroyed seal
        again = self._deactivation(user=self.director, submit=False)
        with self.assertRaisesRegex(UserError, "cannot be"):
            again.action_submit()
        refused = self._deactivation(
            user=self.other_keeper, seal_id=self.seal2.id, reason="loss"
        )
        self._pending_review(refused).with_user(self.principal).office_refuse(
            "尚未核实"
        )
        self.assertEqual(refused.state, "refused")
        self.assertEqual(self.seal2.state, "active")

    def test_a_seal_out_is_not_deactivated(self):
        self._seal_out(self.seal)
        record = self._deactivation(submit=False)
        with self.assertRaises(UserError):
            record.action_submit()
        self.assertEqual(record.state, "draft")

    def test_locked_once_submitted(self):
        record = self._deactivation()
        with self.assertRaises(UserError):
            record.with_user(self.keeper).write({"reason": "loss"})
        with self.assertRaises(UserError):
            record.with_user(self.keeper).write({"state": "done"})
        with self.assertRaises(UserError):
            record.with_user(self.keeper).action_print_notice()

    def test_the_notice(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        record = self._deactivation(reason="replacement", replacement_seal_id=False)
        self._approve(record, self.principal)
        action = record.with_user(self.keeper).action_print_notice()
        self.assertEqual(
            action["report_name"], "office_seal.office_seal_deactivation_document"
        )
        html = (
            self.env["ir.actions.report"]
            .with_context(lang="zh_CN")
            ._render_qweb_html(
                "office_seal.office_seal_deactivation_report", record.ids
            )[0]
            .decode()
        )
        self.assertIn(self.seal.name, html)
        self.assertIn("机构更名，旧章停用", html)
        self.assertIn(self.principal.name, html)
