from odoo import fields, models

from .office_risk_error_penalty import LIABILITIES, default_currency


class OfficeRiskErrorDeduction(models.Model):
    """A performance deduction (绩效扣罚) decided by the penalty matrix for a
    confirmed error: for the person at fault or, by joint liability, the
    supervising leader. The monthly list for the performance office (绩效办)
    is made of these lines."""

    _name = "office.risk.error.deduction"
    _description = "Performance Deduction"
    _order = "month desc, user_id, id"

    error_id = fields.Many2one(
        "office.risk.error", required=True, ondelete="cascade", index=True
    )
    user_id = fields.Many2one("res.users", string="Person", required=True, index=True)
    liability = fields.Selection(LIABILITIES, required=True)
    month = fields.Date(required=True, index=True, help="First day of the month.")
    amount = fields.Monetary(string="Deduction", currency_field="currency_id")
    percent = fields.Float(string="Deduction (%)")
    award_bar = fields.Boolean(string="No award this year")
    measure = fields.Text(string="Measures")
    occurrence = fields.Integer()
    classification = fields.Selection(related="error_id.classification", store=True)
    area_id = fields.Many2one(related="error_id.area_id", store=True)
    error_user_id = fields.Many2one(
        related="error_id.user_id", store=True, string="Person at fault"
    )
    supervisor_id = fields.Many2one(related="error_id.supervisor_id", store=True)
    currency_id = fields.Many2one(
        "res.currency", default=lambda self: default_currency(self.env)
    )
    company_id = fields.Many2one(related="error_id.company_id", store=True, index=True)
