from odoo.exceptions import AccessError, ValidationError


class BudgetTests:
    """Mixed into a test case of common.OfficeFleetCase (one set-up for both)."""

    def _cost(self, amount, date="2030-06-01"):
        return (
            self.env["office.fleet.cost"]
            .sudo()
            .create(
                {
                    "vehicle_id": self.car1.id,
                    "cost_type": "toll",
                    "amount": amount,
                    "date": date,
                    "name": "通行费",
                    "company_id": self.company.id,
                }
            )
        )

    def test_alerts_at_80_and_100_percent(self):
        budget = (
            self.env["office.fleet.budget"]
            .with_user(self.finance)
            .create({"year": 2030, "amount": 10000, "company_id": self.company.id})
        )
        activity = self.env.ref("office_fleet.mail_act_office_fleet_budget")
        self._cost(7000)
        self.assertAlmostEqual(budget.consumption_pct, 70)
        self.assertEqual(budget.alert_level, "none")
        self.assertFalse(budget.activity_ids)
        self._cost(1000)
        self.assertAlmostEqual(budget.consumption_pct, 80)
        self.assertEqual(budget.alert_level, "80")
        self.assertIn(activity, budget.activity_ids.activity_type_id)
        self.assertIn(self.finance, budget.activity_ids.user_id)
        count = len(budget.activity_ids)
        self._cost(500)
        self.assertEqual(len(budget.activity_ids), count, "one alert per threshold")
        self._cost(1600)
        self.assertEqual(budget.alert_level, "100")
        self.assertGreater(len(budget.activity_ids), count)
        self.assertAlmostEqual(budget.remaining, -100)
        # other years do not count
        self._cost(5000, date="2029-12-31")
        self.assertAlmostEqual(budget.consumed, 10100)

    def test_costs_before_the_budget_count_too(self):
        self._cost(9000)
        budget = self.env["office.fleet.budget"].create(
            {"year": 2030, "amount": 10000, "company_id": self.company.id}
        )
        self.assertAlmostEqual(budget.consumption_pct, 90)
        self.assertEqual(budget.alert_level, "80")

    def test_one_budget_per_year_and_positive(self):
        with self.assertRaises(ValidationError):
            self.env["office.fleet.budget"].create(
                {"year": 2030, "amount": -1, "company_id": self.company.id}
            )

    def test_staff_do_not_see_costs(self):
        cost = self._cost(10)
        with self.assertRaises(AccessError):
            cost.with_user(self.staff).read(["amount"])
        self.assertEqual(cost.with_user(self.finance).amount, 10)
