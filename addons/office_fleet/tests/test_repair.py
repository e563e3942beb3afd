from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import OfficeFleetCase
from .test_budget import BudgetTests


@tagged("post_install", "-at_install")
class TestRepair(BudgetTests, OfficeFleetCase):
    allow_inherited_tests_method = True  # the mixed-in tests share this set-up

    def _repair(self, amount, submit=True, **vals):
        repair = (
            self.env["office.fleet.repair"]
            .with_user(self.driver_user)
            .create(
                {
                    "vehicle_id": self.car1.id,
                    "description": "刹车片磨损",
                    "estimated_amount": amount,
                    "leader_id": self.deputy.id,
                    "company_id": self.company.id,
                    **vals,
                }
            )
        )
        if submit:
            repair.with_user(self.driver_user).action_submit()
        return repair

    def _approve(self, record, user):
        review = self._pending_review(record)
        self.assertEqual(len(review), 1)
        review.with_user(user).action_office_approve()

    def test_ordinary_repair_office_then_leader(self):
        self.company.office_fleet_major_repair_amount = 5000
        repair = self._repair(800)
        self.assertFalse(repair.is_major)
        self.assertEqual(repair.garage_partner_id, self.garage)
        self._approve(repair, self.director)
        self.assertEqual(repair.state, "to_approve")
        self._approve(repair, self.deputy)
        self.assertEqual(repair.state, "approved")

    def test_major_repair_needs_the_three_approvals(self):
        self.company.office_fleet_major_repair_amount = 5000
        repair = self._repair(8000, submit=False)
        self.assertTrue(repair.is_major)
        with self.assertRaises(UserError):
            repair.with_user(self.driver_user).action_submit()
        repair.with_user(self.driver_user).finance_leader_id = self.finance_leader
        repair.with_user(self.driver_user).action_submit()
        self.assertEqual(len(repair.sudo().review_ids), 4)
        self._approve(repair, self.director)
        # the principal cannot approve before the leaders in charge
        with self.assertRaises(AccessError):
            self._pending_review(repair).with_user(
                self.principal
            ).action_office_approve()
        self._approve(repair, self.deputy)
        self.assertEqual(repair.state, "to_approve")
        with self.assertRaises(UserError):
            repair.with_user(self.dispatcher).action_start()
        self._approve(repair, self.finance_leader)
        self.assertEqual(repair.state, "to_approve")
        self._approve(repair, self.principal)
        self.assertEqual(repair.state, "approved")
        self.assertEqual(
            repair.approver_ids,
            self.director | self.deputy | self.finance_leader | self.principal,
        )
        # raising the threshold afterwards does not change the route taken
        self.company.office_fleet_major_repair_amount = 50000
        self.assertTrue(repair.is_major)

    def test_threshold_is_configurable(self):
        self.company.office_fleet_major_repair_amount = 10000
        repair = self._repair(8000)
        self.assertFalse(repair.is_major)
        self.assertEqual(len(repair.sudo().review_ids), 2)

    def test_another_garage_needs_a_reason_and_the_principal(self):
        repair = self._repair(300, submit=False, garage_partner_id=self.other_garage.id)
        self.assertTrue(repair.undesignated)
        with self.assertRaises(UserError):
            repair.with_user(self.driver_user).action_submit()
        repair.with_user(self.driver_user).undesignated_reason = "外地爆胎，就近修理"
        repair.with_user(self.driver_user).action_submit()
        self._approve(repair, self.director)
        self._approve(repair, self.deputy)
        self.assertEqual(repair.state, "to_approve")
        self._approve(repair, self.principal)
        self.assertEqual(repair.state, "approved")

    def test_done_repair_creates_the_service_log_and_the_cost(self):
        repair = self._repair(800)
        self._approve(repair, self.director)
        self._approve(repair, self.deputy)
        repair.with_user(self.dispatcher).action_start()
        self.assertEqual(self.car1.office_state, "repair")
        repair.with_user(self.dispatcher).register_done(760)
        self.assertEqual(repair.state, "done")
        self.assertEqual(self.car1.office_state, "available")
        log = repair.service_log_id
        self.assertEqual(
            (log.vehicle_id, log.amount, log.vendor_id), (self.car1, 760, self.garage)
        )
        self.assertEqual(log.state, "done")
        cost = repair.sudo().cost_ids
        self.assertEqual((cost.cost_type, cost.amount), ("repair", 760))
        account = self.env.ref("office_fleet.analytic_account_vehicle_running")
        self.assertEqual(cost.analytic_account_id, account)

    def test_repair_cost_becomes_a_vendor_bill_under_the_vehicle_account(self):
        """In a company with a purchase journal the repair is billed by the
        garage: the bill line carries the analytic distribution."""
        company = self.env.ref("base.main_company")
        Cost = self.env["office.fleet.cost"].with_company(company)
        self.assertTrue(
            Cost._purchase_journal(company), "the chart of accounts is installed"
        )
        car = self.env["fleet.vehicle"].create(
            {
                "model_id": self.car_model.id,
                "license_plate": "测A·B0001",
                "company_id": company.id,
            }
        )
        cost = Cost.create(
            {
                "vehicle_id": car.id,
                "cost_type": "repair",
                "amount": 9200,
                "partner_id": self.garage.id,
                "name": "大修",
                "company_id": company.id,
            }
        )
        account = self.env.ref("office_fleet.analytic_account_vehicle_running")
        self.assertEqual(cost.move_id.move_type, "in_invoice")
        self.assertEqual(cost.move_id.partner_id, self.garage)
        self.assertEqual(cost.move_id.amount_total, 9200)
        self.assertEqual(
            cost.move_id.invoice_line_ids.analytic_distribution, {str(account.id): 100}
        )
        self.assertFalse(cost.analytic_line_id)

    def test_only_the_dispatcher_sends_to_the_garage(self):
        repair = self._repair(800)
        self._approve(repair, self.director)
        self._approve(repair, self.deputy)
        with self.assertRaises(AccessError):
            repair.with_user(self.driver_user).action_start()
