from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import OfficeAssetCase


@tagged("post_install", "-at_install")
class TestSupply(OfficeAssetCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.paper = cls.env["office.supply.item"].create(
            {"name": "A4纸（测试）", "unit": "箱", "market_price": 130}
        )
        cls.company.office_asset_supply_bulk_amount = 2000

    def _purchase(self, quantity, **vals):
        purchase = (
            self.env["office.supply.purchase"]
            .with_user(self.staff)
            .create(
                {
                    "purpose": "日常补充",
                    "line_ids": [
                        (0, 0, {"item_id": self.paper.id, "quantity": quantity})
                    ],
                    **vals,
                }
            )
        )
        purchase.with_user(self.staff).action_submit()
        return purchase

    def test_small_purchase_is_approved_by_the_deputy_in_charge(self):
        purchase = self._purchase(5)
        self.assertEqual(purchase.amount_total, 650)
        self.assertFalse(purchase.is_large)
        self._approve(purchase, self.deputy)
        self.assertEqual(purchase.state, "approved")
        purchase.with_user(self.manager).action_receive()
        self.assertEqual(self.paper.qty_on_hand, 5)
        with self.assertRaises(UserError):
            purchase.line_ids.with_user(self.manager).write({"quantity": 50})

    def test_bulk_purchase_is_reviewed_by_the_deputy_and_approved_by_finance(self):
        purchase = self._purchase(20)
        self.assertTrue(purchase.is_large)
        self._approve(purchase, self.deputy)
        self.assertEqual(purchase.state, "to_approve")
        self._approve(purchase, self.finance_leader)
        self.assertEqual(purchase.state, "approved")
        marked = self._purchase(1, bulk=True)
        self.assertTrue(marked.is_large)

    def test_issues_to_departments_are_recorded_and_never_exceed_the_store(self):
        purchase = self._purchase(5)
        self._approve(purchase, self.deputy)
        purchase.with_user(self.manager).action_receive()
        issue = (
            self.env["office.supply.issue"]
            .with_user(self.manager)
            .create(
                {
                    "department_id": self.dep_budget.id,
                    "recipient_id": self.staff.employee_id.id,
                    "line_ids": [(0, 0, {"item_id": self.paper.id, "quantity": 6})],
                }
            )
        )
        with self.assertRaises(UserError):
            issue.with_user(self.manager).action_issue()
        issue.line_ids.quantity = 4
        issue.with_user(self.manager).action_issue()
        self.paper.invalidate_recordset(["qty_on_hand"])
        self.assertEqual(self.paper.qty_on_hand, 1)
        with self.assertRaises(UserError):
            issue.line_ids.write({"quantity": 1})
