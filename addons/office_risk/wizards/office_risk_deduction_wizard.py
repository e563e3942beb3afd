from odoo import api, fields, models
from odoo.exceptions import UserError


class OfficeRiskDeductionWizard(models.TransientModel):
    """Print the month's performance deduction list for the performance office."""

    _name = "office.risk.deduction.wizard"
    _description = "Monthly Deduction List"

    month = fields.Date(
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1),
        help="Any day of the month.",
    )
    line_count = fields.Integer(compute="_compute_line_count")

    @api.depends("month")
    def _compute_line_count(self):
        for wizard in self:
            wizard.line_count = len(wizard._lines()) if wizard.month else 0

    def _lines(self):
        self.ensure_one()
        return self.env["office.risk.error.deduction"].search(
            [
                ("month", "=", self.month.replace(day=1)),
                ("error_id.state", "=", "confirmed"),
            ],
            order="user_id, id",
        )

    def _totals(self):
        """Per person: fixed deductions, percentages and award bars."""
        totals = {}
        for line in self._lines():
            entry = totals.setdefault(
                line.user_id,
                {"amount": 0.0, "percent": 0.0, "award_bar": False, "count": 0},
            )
            entry["amount"] += line.amount
            entry["percent"] = max(entry["percent"], line.percent)
            entry["award_bar"] = entry["award_bar"] or line.award_bar
            entry["count"] += 1
        return totals

    def action_print(self):
        self.ensure_one()
        if not self._lines():
            raise UserError(self.env._("No deduction in this month."))
        return self.env.ref(
            "office_risk.action_report_office_risk_deduction"
        ).report_action(self)

    def action_print_xlsx(self):
        self.ensure_one()
        if not self._lines():
            raise UserError(self.env._("No deduction in this month."))
        return self.env.ref(
            "office_risk.action_report_office_risk_deduction_xlsx"
        ).report_action(self)
