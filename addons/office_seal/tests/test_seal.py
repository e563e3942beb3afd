from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import OfficeSealCase


@tagged("post_install", "-at_install")
class TestSeal(OfficeSealCase):
    def test_custodians_are_seal_keepers(self):
        Seal = self.env["office.seal"]
        with self.assertRaises(ValidationError):
            Seal.create({"name": "错误的章", "custodian_id": self.staff.id})
        with self.assertRaises(ValidationError):
            Seal.create(
                {
                    "name": "错误的章",
                    "custodian_id": self.keeper.id,
                    "deputy_custodian_id": self.keeper.id,
                }
            )

    def test_only_the_director_manages_seals(self):
        with self.assertRaises(AccessError):
            self.seal.with_user(self.keeper).write({"storage": "抽屉"})
        with self.assertRaises(AccessError):
            self.seal.with_user(self.keeper).change_state("suspend", "检修")
        self.seal.with_user(self.director).write({"storage": "二号保险柜"})

    def test_state_changes_need_a_reason(self):
        seal = self.seal.with_user(self.director)
        with self.assertRaises(UserError):
            seal.change_state("deactivate", "")
        with self.assertRaises(UserError):
            seal.change_state("destroy", "缴销")
        with self.assertRaises(UserError):
            seal.write({"state": "lost"})
        action = seal.action_deactivate()
        wizard = (
            self.env["office.reason.wizard"]
            .with_user(self.director)
            .with_context(**action["context"])
            .create({"reason": "单位更名，旧章停用"})
        )
        wizard.action_confirm()
        self.assertEqual(self.seal.state, "deactivated")
        self.assertEqual(self.seal.state_reason, "单位更名，旧章停用")
        seal.change_state("destroy", "已交回档案室销毁")
        self.assertEqual(self.seal.state, "destroyed")

    def test_a_used_seal_is_not_deleted(self):
        request = self._approved_request()
        request.with_user(self.keeper).stamp(1)
        with self.assertRaises(UserError):
            self.seal.with_user(self.director).unlink()

    def test_smart_buttons(self):
        request = self._approved_request()
        request.with_user(self.keeper).stamp(1)
        seal = self.seal.with_user(self.keeper)
        self.assertEqual(seal.ledger_count, 1)
        self.assertEqual(seal.request_count, 1)
        action = seal.action_view_ledger()
        self.assertEqual(action["domain"], [("seal_id", "in", self.seal.ids)])
        self.assertEqual(
            self.env["office.seal.ledger"]
            .with_user(self.keeper)
            .search(action["domain"]),
            request.sudo().ledger_ids,
        )
