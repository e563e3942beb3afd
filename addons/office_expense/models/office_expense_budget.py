from odoo import api, fields, models
from odoo.exceptions import ValidationError

#: the three public expenses (三公经费, 003 第三十五条)
PUBLIC_CATEGORIES = [
    ("abroad", "Travel abroad"),
    ("vehicle", "Official vehicles"),
    ("reception", "Official reception"),
]

CATEGORY_ACCOUNTS = {
    "abroad": "office_expense.analytic_account_abroad",
    "reception": "office_expense.analytic_account_reception",
    "vehicle": "office_fleet.analytic_account_vehicle_running",
}

ALERT_LEVELS = [("none", "None"), ("80", "80 % consumed"), ("100", "Exceeded")]


class OfficeExpenseBudget(models.Model):
    """The yearly budget of one of the three public expenses (三公经费: travel
    abroad, official vehicles, official reception), under total control
    (003 机关运行和政务风险防控办法 第三十五条). What is spent is read from the
    accounting (the analytic lines of its account in the year: posted
    expense reports, vendor bills, the cars' running costs), never kept
    twice. The finance section and the office director are alerted when 80 %
    and when 100 % are reached; the year's budgets print as the publication
    table (PDF and xlsx)."""

    _name = "office.expense.budget"
    _description = "Three Public Expenses Budget"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "year desc, category"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    year = fields.Integer(
        required=True,
        default=lambda self: self.env["office.calendar"].today().year,
        tracking=True,
    )
    category = fields.Selection(PUBLIC_CATEGORIES, required=True, tracking=True)
    analytic_account_id = fields.Many2one(
        "account.analytic.account",
        string="Analytic account",
        compute="_compute_analytic_account_id",
        store=True,
        precompute=True,
        readonly=False,
        required=True,
        check_company=True,
    )
    amount = fields.Monetary(string="Budget", required=True, tracking=True)
    spent = fields.Monetary(compute="_compute_spent")
    remaining = fields.Monetary(compute="_compute_spent")
    consumption_pct = fields.Float(string="Consumed (%)", compute="_compute_spent")
    alert_level = fields.Selection(
        ALERT_LEVELS, default="none", required=True, readonly=True, copy=False
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    _sql_constraints = [
        (
            "year_category_company_uniq",
            "unique(year, category, company_id)",
            "There is one budget per year and public expense.",
        )
    ]

    @api.depends("year", "category")
    def _compute_name(self):
        categories = dict(self._fields["category"]._description_selection(self.env))
        for budget in self:
            budget.name = f"{budget.year} {categories.get(budget.category, '')}"

    @api.depends("category")
    def _compute_analytic_account_id(self):
        for budget in self:
            xmlid = CATEGORY_ACCOUNTS.get(budget.category)
            account = xmlid and self.env.ref(xmlid, raise_if_not_found=False)
            budget.analytic_account_id = account or budget.analytic_account_id

    @api.depends("amount", "analytic_account_id", "year")
    def _compute_spent(self):
        spent = self._spent_by_budget()
        for budget in self:
            budget.spent = spent.get(budget.id, 0.0)
            budget.remaining = budget.amount - budget.spent
            budget.consumption_pct = (
                budget.spent / budget.amount * 100 if budget.amount else 0.0
            )

    def _spent_by_budget(self):
        """{budget id: amount spent}: the costs booked in the year on the
        budget's analytic account, one grouped query per analytic plan."""
        Line = self.env["account.analytic.line"].sudo()
        result = {}
        budgets = self.filtered(lambda b: b.analytic_account_id and b.year)
        for plan in budgets.analytic_account_id.root_plan_id:
            column = plan._column_name()
            of_plan = budgets.filtered(
                lambda b, p=plan: b.analytic_account_id.root_plan_id == p
            )
            years = set(of_plan.mapped("year"))
            groups = Line._read_group(
                [
                    (column, "in", of_plan.analytic_account_id.ids),
                    ("date", ">=", f"{min(years)}-01-01"),
                    ("date", "<=", f"{max(years)}-12-31"),
                    ("company_id", "in", of_plan.company_id.ids + [False]),
                ],
                [column, "date:year"],
                ["amount:sum"],
            )
            totals = {
                (account.id, year.year): amount for account, year, amount in groups
            }
            for budget in of_plan:
                # costs are negative amounts on the analytic lines
                result[budget.id] = -totals.get(
                    (budget.analytic_account_id.id, budget.year), 0.0
                )
        return result

    @api.constrains("amount", "year")
    def _check_amount(self):
        for budget in self:
            if budget.amount <= 0:
                raise ValidationError(self.env._("A budget is a positive amount."))
            if not 2000 <= budget.year <= 2100:
                raise ValidationError(
                    self.env._("Give the budget year in full, e.g. 2026.")
                )

    # ------------------------------------------------------------------
    # Alerts
    # ------------------------------------------------------------------

    @api.model
    def _cron_check_alerts(self):
        year = self.env["office.calendar"].today().year
        self.search([("year", "=", year)])._check_alerts()

    def _check_alerts(self):
        """Alert once when the consumption reaches 80 % and once at 100 %."""
        for budget in self:
            pct = budget.consumption_pct
            level = "100" if pct >= 100 else "80" if pct >= 80 else "none"
            if level == budget.alert_level:
                continue
            rising = _rank(level) > _rank(budget.alert_level)
            budget.alert_level = level
            if rising:
                budget._alert()

    def _alert(self):
        message = self.env._(
            "The budget %(budget)s is %(pct).1f %% consumed (%(spent).2f of "
            "%(amount).2f).",
            budget=self.name,
            pct=self.consumption_pct,
            spent=self.spent,
            amount=self.amount,
        )
        self.message_post(body=message, subtype_xmlid="mail.mt_note")
        users = (
            self.env.ref("office_expense.group_expense_finance").users
            - self.env.ref("base.group_system").users
        ).filtered(lambda u: not u.share and u.active)
        for user in users:
            self.activity_schedule(
                "office_expense.mail_act_office_expense_budget",
                user_id=user.id,
                summary=message,
            )

    # ------------------------------------------------------------------
    # Publication table
    # ------------------------------------------------------------------

    def _publication_rows(self):
        """The rows of the publication table: one per budget, in the order
        of the three public expenses, and the total."""
        order = [key for key, _label in PUBLIC_CATEGORIES]
        budgets = self.sorted(lambda b: (b.year, order.index(b.category)))
        rows = [
            {
                "year": budget.year,
                "label": budget.name,
                "amount": budget.amount,
                "spent": budget.spent,
                "remaining": budget.remaining,
                "pct": budget.consumption_pct,
            }
            for budget in budgets
        ]
        amount = sum(row["amount"] for row in rows)
        spent = sum(row["spent"] for row in rows)
        total = {
            "label": self.env._("Total"),
            "amount": amount,
            "spent": spent,
            "remaining": amount - spent,
            "pct": spent / amount * 100 if amount else 0.0,
        }
        return rows, total


def _rank(level):
    return 0 if level == "none" else int(level)
