from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import OfficeExpenseCase


@tagged("post_install", "-at_install")
class TestBudget(OfficeExpenseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a database with demo data has this year's budgets and bookings: the
        # test sets its own, on an account of its own
        cls.env["office.expense.budget"].search([("year", "=", 2026)]).unlink()
        cls.account = cls.env["account.analytic.account"].create(
            {
                "name": "公务接待费（测试）",
                "plan_id": cls.env.ref(
                    "office_expense.analytic_plan_office_expense"
                ).id,
            }
        )
        cls.budget = cls.env["office.expense.budget"].create(
            {"year": 2026, "category": "reception", "amount": 10000}
        )

    def setUp(self):
        super().setUp()
        self.budget.analytic_account_id = self.account

    def _book(self, amount, date="2026-05-06"):
        column = self.account.root_plan_id._column_name()
        self.env["account.analytic.line"].create(
            {"name": "接待费", "amount": -amount, "date": date, column: self.account.id}
        )
        self.env.invalidate_all()

    def test_the_account_follows_the_item(self):
        budget = self.env["office.expense.budget"].create(
            {"year": 2035, "category": "abroad", "amount": 1000}
        )
        self.assertEqual(
            budget.analytic_account_id,
            self.env.ref("office_expense.analytic_account_abroad"),
        )

    def test_spending_is_read_from_the_accounting_of_the_year(self):
        self._book(3000)
        self._book(5000, date="2025-12-31")
        self.assertEqual(self.budget.spent, 3000)
        self.assertEqual(self.budget.remaining, 7000)

    def test_alerts_at_80_and_at_100_percent_once_each(self):
        Budget = self.env["office.expense.budget"]
        activity_type = self.env.ref("office_expense.mail_act_office_expense_budget")

        def alerts():
            return self.budget.activity_ids.filtered(
                lambda a: (
                    a.activity_type_id == activity_type
                    and a.user_id == self.finance_clerk
                )
            )

        self._book(7900)
        Budget._cron_check_alerts()
        self.assertEqual(self.budget.alert_level, "none")
        self._book(100)
        Budget._cron_check_alerts()
        Budget._cron_check_alerts()
        self.assertEqual(self.budget.alert_level, "80")
        self.assertEqual(len(alerts()), 1)
        self._book(2000)
        Budget._cron_check_alerts()
        self.assertEqual(self.budget.alert_level, "100")
        self.assertEqual(len(alerts()), 2)

    def test_the_publication_table_prints(self):
        self._book(2500)
        vehicle_budget = self.env["office.expense.budget"].create(
            {
                "year": 2026,
                "category": "abroad",
                "amount": 5000,
            }
        )
        budgets = self.budget | vehicle_budget
        rows, total = budgets._publication_rows()
        self.assertEqual([row["spent"] for row in rows], [0.0, 2500.0])
        self.assertEqual(total["amount"], 15000)
        html = self.env["ir.actions.report"]._render_qweb_html(
            "office_expense.action_report_office_expense_budget", budgets.ids
        )[0]
        self.assertIn(b"2,500.00", html)
        xlsx, kind = self.env["ir.actions.report"]._render(
            "office_expense.action_report_office_expense_budget_xlsx", budgets.ids
        )
        self.assertEqual(kind, "xlsx")
        self.assertTrue(xlsx.startswith(b"PK"))

    def test_staff_cannot_read_the_budget(self):
        with self.assertRaises(AccessError):
            self.budget.with_user(self.staff).read(["amount"])
