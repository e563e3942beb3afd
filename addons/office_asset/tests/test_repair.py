from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import OfficeAssetCase


@tagged("post_install", "-at_install")
class TestRepair(OfficeAssetCase):
    def _repair(self, amount, submit=True, user=None):
        user = user or self.staff
        asset = self._asset(holder=user)
        repair = (
            self.env["office.asset.repair"]
            .with_user(user)
            .create(
                {
                    "asset_id": asset.id,
                    "description": "打印卡纸",
                    "estimated_amount": amount,
                }
            )
        )
        if submit:
            repair.with_user(user).action_submit()
        return repair

    def test_600_yuan_repair_waits_for_the_finance_deputy_after_the_deputy_in_charge(
        self,
    ):
        repair = self._repair(600)
        self.assertTrue(repair.needs_finance)
        self.assertEqual(repair.supplier_id, self.supplier)
        self._approve(repair, self.director)
        self._approve(repair, self.deputy)
        self.assertEqual(repair.state, "to_approve")
        self.assertIn(self.finance_leader, self._pending_review(repair).reviewer_ids)
        with self.assertRaises(UserError):
            repair.with_user(self.manager).action_start()
        self._approve(repair, self.finance_leader)
        self.assertEqual(repair.state, "approved")
        start = self.env.ref("office_asset.mail_activity_repair_start")
        todo = repair.activity_ids.filtered(lambda a: a.activity_type_id == start)
        self.assertIn(self.manager, todo.user_id, "the asset manager sends it")
        repair.with_user(self.manager).action_start()
        self.assertFalse(
            repair.activity_ids.filtered(lambda a: a.activity_type_id == start)
        )
        self.assertEqual(
            repair.approver_ids, self.director | self.deputy | self.finance_leader
        )

    def test_400_yuan_repair_is_approved_by_the_deputy_in_charge_only(self):
        repair = self._repair(400)
        self.assertFalse(repair.needs_finance)
        self.assertEqual(len(repair.sudo().review_ids), 2)
        self._approve(repair, self.director)
        self._approve(repair, self.deputy)
        self.assertEqual(repair.state, "approved")

    def test_500_yuan_is_not_above_the_threshold_and_the_threshold_is_a_setting(self):
        self.assertFalse(self._repair(500).needs_finance)
        self.company.office_asset_repair_finance_amount = 300
        self.assertTrue(self._repair(400).needs_finance)

    def test_repair_history_stays_with_the_asset_equipment(self):
        repair = self._repair(400)
        self._approve(repair, self.director)
        self._approve(repair, self.deputy)
        with self.assertRaises(AccessError):
            repair.with_user(self.staff).action_start()
        repair.with_user(self.manager).action_start()
        self.assertEqual(repair.state, "in_repair")
        request = repair.maintenance_request_id
        self.assertEqual(request.equipment_id, repair.asset_id.equipment_id)
        repair.with_user(self.manager).register_done(380)
        self.assertEqual((repair.state, repair.amount), ("done", 380))
        self.assertTrue(request.stage_id.done)
        self.assertEqual(repair.asset_id.repair_count, 1)

    def test_only_the_reporter_submits(self):
        repair = self._repair(400, submit=False)
        with self.assertRaises(AccessError):
            repair.with_user(self.staff2).action_submit()
        with self.assertRaises(UserError):
            repair.with_user(self.staff).write({"state": "approved"})

    def test_a_refused_repair_keeps_the_reviewers_reason(self):
        repair = self._repair(400)
        self._pending_review(repair).with_user(self.director).office_refuse(
            "不属于维修范围"
        )
        self.assertEqual(repair.state, "refused")
        self.assertIn("不属于维修范围", repair.refuse_reason)
        repair.with_user(self.staff).action_draft()
        self.assertEqual(repair.state, "draft")
        self.assertFalse(repair.refuse_reason)
