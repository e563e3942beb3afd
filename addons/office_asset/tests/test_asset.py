from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import OfficeAssetCase


@tagged("post_install", "-at_install")
class TestAsset(OfficeAssetCase):
    def test_every_change_of_user_is_recorded(self):
        asset = self._asset(holder=self.staff)
        self.assertEqual(asset.keeper_id, self.staff2, "the department's keeper")
        self.assertEqual(len(asset.assignment_ids), 1)
        with self.assertRaises(UserError):
            asset.with_user(self.manager).write(
                {"holder_id": self.staff2.employee_id.id}
            )
        with self.assertRaises(AccessError):
            asset.with_user(self.staff).assign(self.staff2.employee_id.id)
        asset.with_user(self.manager).assign(self.staff2.employee_id.id, "调岗")
        self.assertEqual(asset.holder_id, self.staff2.employee_id)
        last = asset.assignment_ids[:1]
        self.assertEqual(
            (last.previous_holder_id, last.holder_id, last.user_id),
            (self.staff.employee_id, self.staff2.employee_id, self.manager),
        )
        with self.assertRaises(UserError):
            last.write({"note": "改"})
        with self.assertRaises(UserError):
            last.unlink()

    def test_an_asset_is_disposed_of_only_by_an_approved_disposal(self):
        asset = self._asset(cost=40000)
        self.assertTrue(asset.is_major)
        with self.assertRaises(UserError):
            asset.with_user(self.manager)._workflow_run("dispose")
        disposal = (
            self.env["office.asset.disposal"]
            .with_user(self.staff2)
            .create(
                {
                    "asset_ids": [(6, 0, asset.ids)],
                    "kind": "scrap",
                    "reason": "损坏无法修复",
                }
            )
        )
        disposal.with_user(self.staff2).action_submit()
        with self.assertRaises(UserError):
            disposal.with_user(self.finance).action_done()
        self._approve(disposal, self.director)
        self._approve(disposal, self.deputy)
        self._approve(disposal, self.finance_leader)
        self.assertEqual(disposal.state, "approved")
        disposal.with_user(self.finance).action_done()
        self.assertEqual((asset.state, asset.disposal_id), ("disposed", disposal))
        self.assertFalse(asset.equipment_id.active)

    def test_register_needs_the_historical_cost_and_rights(self):
        asset = (
            self.env["office.asset"]
            .with_user(self.manager)
            .create(
                {
                    "name": "椅子",
                    "kind": "furniture",
                    "department_id": self.dep_budget.id,
                }
            )
        )
        with self.assertRaises(UserError):
            asset.with_user(self.manager).action_register()
        asset.historical_cost = 300
        with self.assertRaises(AccessError):
            asset.with_user(self.staff).action_register()
        asset.with_user(self.finance).action_register()
        self.assertEqual(asset.state, "in_use")
        self.assertTrue(asset.code.startswith("ZC2026-"))
