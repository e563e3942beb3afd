from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.office_base.tools import granted

from .office_fleet_cost import COST_BOOKING

ALERT_LEVELS = [("none", "None"), ("80", "80 % consumed"), ("100", "Exceeded")]


class OfficeFleetBudget(models.Model):
    """The yearly budget of the official-vehicle running costs (one of the
    三公经费). Its consumption adds up the cars' running costs of the year;
    the finance staff and the office director are alerted at 80 % and at
    100 %."""

    _name = "office.fleet.budget"
    _description = "Official Car Running Cost Budget"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "year desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    year = fields.Integer(required=True, default=lambda self: fields.Date.today().year)
    amount = fields.Monetary(string="Budget", required=True, tracking=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    analytic_account_id = fields.Many2one(
        "account.analytic.account",
        string="Analytic account",
        default=lambda self: self.env.company._office_fleet_analytic_account(),
    )
    cost_ids = fields.One2many("office.fleet.cost", "budget_id", readonly=True)
    consumed = fields.Monetary(compute="_compute_consumption", store=True)
    remaining = fields.Monetary(compute="_compute_consumption", store=True)
    consumption_pct = fields.Float(
        string="Consumed (%)",
        compute="_compute_consumption",
        store=True,
        aggregator=None,
    )
    alert_level = fields.Selection(
        ALERT_LEVELS,
        default="none",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    _sql_constraints = [
        (
            "year_company_uniq",
            "unique(year, company_id)",
            "There is one vehicle running cost budget per year.",
        )
    ]

    @api.depends("year")
    def _compute_name(self):
        for budget in self:
            budget.name = self.env._("Vehicle running costs %(year)s", year=budget.year)

    @api.depends("amount", "cost_ids.amount")
    def _compute_consumption(self):
        for budget in self:
            budget.consumed = sum(budget.cost_ids.mapped("amount"))
            budget.remaining = budget.amount - budget.consumed
            budget.consumption_pct = (
                budget.consumed / budget.amount * 100 if budget.amount else 0.0
            )

    @api.constrains("amount", "year")
    def _check_amount(self):
        for budget in self:
            if budget.amount <= 0:
                raise ValidationError(self.env._("A budget is a positive amount."))
            if not 2000 <= budget.year <= 2100:
                raise ValidationError(
                    self.env._("Give the budget year in full, e.g. 2026.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        budgets = super().create(vals_list)
        costs = self.env["office.fleet.cost"].search(
            [("year", "in", budgets.mapped("year")), ("budget_id", "=", False)]
        )
        with granted(COST_BOOKING, costs):
            costs._compute_budget_id()
        budgets._check_alerts()
        return budgets

    def write(self, vals):
        res = super().write(vals)
        if "amount" in vals:
            self._check_alerts()
        return res

    def _check_alerts(self):
        """Alert once when the consumption crosses 80 % and once at 100 %."""
        self.flush_recordset()
        for budget in self.sudo():
            pct = budget.consumption_pct
            level = "100" if pct >= 100 else "80" if pct >= 80 else "none"
            if level == budget.alert_level:
                continue
            rising = int(level if level != "none" else 0) > int(
                budget.alert_level if budget.alert_level != "none" else 0
            )
            budget.alert_level = level
            if not rising:
                continue
            message = self.env._(
                "The vehicle running cost budget %(year)s is %(pct).1f %% consumed "
                "(%(consumed).2f of %(amount).2f).",
                year=budget.year,
                pct=pct,
                consumed=budget.consumed,
                amount=budget.amount,
            )
            budget.message_post(body=message, subtype_xmlid="mail.mt_note")
            users = (
                self.env.ref("office_fleet.group_fleet_finance").users
                | self.env.ref("office_base.group_office_director").users
            ).filtered(lambda u: not u.share and not u.has_group("base.group_system"))
            for user in users[:5]:
                budget.activity_schedule(
                    "office_fleet.mail_act_office_fleet_budget",
                    user_id=user.id,
                    summary=message,
                )
