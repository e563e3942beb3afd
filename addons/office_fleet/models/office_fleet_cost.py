from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.office_base.tools import granted, is_granted

#: the booking of a cost (its analytic line or vendor bill, its budget)
COST_BOOKING = "office_fleet_cost_booking"

COST_TYPES = [
    ("fuel", "Fuel"),
    ("repair", "Repair and maintenance"),
    ("insurance", "Insurance"),
    ("toll", "Tolls"),
    ("parking", "Parking"),
    ("rental", "Car rental"),
    ("other", "Other"),
]

BILLED_TYPES = ("repair", "insurance", "rental")


class OfficeFleetCost(models.Model):
    """A running cost of an official car (公务用车运行维护费). Each cost goes
    to accounting under the analytic account of the vehicle running costs:
    repairs, insurance and rentals with a vendor as a draft vendor bill whose
    line carries the analytic distribution, the others (fuel paid with the
    card, tolls, parking) as analytic lines. The yearly budget adds them up."""

    _name = "office.fleet.cost"
    _description = "Official Car Running Cost"
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Description", required=True)
    vehicle_id = fields.Many2one(
        "fleet.vehicle", string="Car", required=True, index=True, check_company=True
    )
    cost_type = fields.Selection(COST_TYPES, string="Type", required=True, index=True)
    amount = fields.Monetary(required=True, aggregator="sum")
    currency_id = fields.Many2one(related="company_id.currency_id")
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    year = fields.Integer(compute="_compute_year", store=True, index=True)
    partner_id = fields.Many2one("res.partner", string="Vendor")
    trip_id = fields.Many2one("office.fleet.trip", index=True)
    repair_id = fields.Many2one("office.fleet.repair", index=True)
    budget_id = fields.Many2one(
        "office.fleet.budget", compute="_compute_budget_id", store=True, index=True
    )
    analytic_account_id = fields.Many2one(
        "account.analytic.account", string="Analytic account", readonly=True
    )
    analytic_line_id = fields.Many2one(
        "account.analytic.line", readonly=True, copy=False
    )
    move_id = fields.Many2one(
        "account.move", string="Vendor bill", readonly=True, copy=False
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    @api.depends("date")
    def _compute_year(self):
        for cost in self:
            cost.year = cost.date.year if cost.date else 0

    @api.depends("year", "company_id")
    def _compute_budget_id(self):
        budgets = self.env["office.fleet.budget"].search(
            [("year", "in", list(set(self.mapped("year"))))]
        )
        for cost in self:
            cost.budget_id = budgets.filtered(
                lambda b, c=cost: b.year == c.year and b.company_id == c.company_id
            )[:1]

    @api.constrains("amount")
    def _check_amount(self):
        if any(cost.amount < 0 for cost in self):
            raise ValidationError(self.env._("A cost cannot be negative."))

    @api.model_create_multi
    def create(self, vals_list):
        costs = super().create(vals_list)
        costs._post_to_accounting()
        costs.budget_id._check_alerts()
        return costs

    def write(self, vals):
        if set(vals) - {"name"} and not is_granted(COST_BOOKING, self):
            raise UserError(self.env._("A booked cost is corrected by a new cost."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_booked(self):
        if any(cost.analytic_line_id or cost.move_id for cost in self):
            raise UserError(self.env._("A booked cost is corrected by a new cost."))

    def _label(self):
        self.ensure_one()
        return f"{self.vehicle_id.license_plate or ''} {self.name}".strip()

    def _purchase_journal(self, company):
        return (
            self.env["account.journal"]
            .sudo()
            .search(
                [("type", "=", "purchase"), ("company_id", "=", company.id)], limit=1
            )
        )

    def _post_to_accounting(self):
        for cost in self.sudo():
            account = cost.company_id._office_fleet_analytic_account()
            if not account:
                continue
            vals = {"analytic_account_id": account.id}
            journal = cost._purchase_journal(cost.company_id)
            if cost.cost_type in BILLED_TYPES and cost.partner_id and journal:
                move = (
                    self.env["account.move"]
                    .sudo()
                    .with_company(cost.company_id)
                    .create(
                        {
                            "move_type": "in_invoice",
                            "partner_id": cost.partner_id.id,
                            "journal_id": journal.id,
                            "invoice_date": cost.date,
                            "ref": cost.name,
                            "invoice_line_ids": [
                                fields.Command.create(
                                    {
                                        "name": cost._label(),
                                        "quantity": 1,
                                        "price_unit": cost.amount,
                                        "tax_ids": [fields.Command.clear()],
                                        "analytic_distribution": {str(account.id): 100},
                                    }
                                )
                            ],
                        }
                    )
                )
                vals["move_id"] = move.id
            else:
                line = (
                    self.env["account.analytic.line"]
                    .sudo()
                    .create(
                        {
                            "name": cost._label(),
                            "auto_account_id": account.id,
                            "amount": -cost.amount,
                            "date": cost.date,
                            "partner_id": cost.partner_id.id,
                            "company_id": cost.company_id.id,
                        }
                    )
                )
                vals["analytic_line_id"] = line.id
            with granted(COST_BOOKING, cost):
                cost.write(vals)
