from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    office_risk_rectification_days = fields.Integer(
        related="company_id.office_risk_rectification_days", readonly=False
    )
    office_risk_remind_days = fields.Integer(
        related="company_id.office_risk_remind_days", readonly=False
    )
    office_risk_report_months = fields.Integer(
        related="company_id.office_risk_report_months", readonly=False
    )
    office_risk_report_due_days = fields.Integer(
        related="company_id.office_risk_report_due_days", readonly=False
    )
