from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    office_expense_currency_id = fields.Many2one(
        "res.currency", related="company_id.currency_id", string="Expense currency"
    )
    office_expense_finance_leader_id = fields.Many2one(
        related="company_id.office_expense_finance_leader_id", readonly=False
    )
    office_expense_admin_leader_id = fields.Many2one(
        related="company_id.office_expense_admin_leader_id", readonly=False
    )
    office_expense_claim_days = fields.Integer(
        related="company_id.office_expense_claim_days", readonly=False
    )
    office_expense_cash_limit = fields.Monetary(
        related="company_id.office_expense_cash_limit",
        readonly=False,
        currency_field="office_expense_currency_id",
    )
    office_expense_hosts_max = fields.Integer(
        related="company_id.office_expense_hosts_max", readonly=False
    )
    office_expense_hosts_small_group = fields.Integer(
        related="company_id.office_expense_hosts_small_group", readonly=False
    )
    office_expense_hosts_ratio = fields.Integer(
        related="company_id.office_expense_hosts_ratio", readonly=False
    )
