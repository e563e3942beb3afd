from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    office_leave_executive_days = fields.Float(
        related="company_id.office_leave_executive_days", readonly=False
    )
    office_leave_principal_days = fields.Float(
        related="company_id.office_leave_principal_days", readonly=False
    )
    office_executive_deputy_id = fields.Many2one(
        related="company_id.office_executive_deputy_id", readonly=False
    )
    office_personal_leave_exclusion_days = fields.Float(
        related="company_id.office_personal_leave_exclusion_days", readonly=False
    )
    office_overtime_hours_per_day = fields.Float(
        related="company_id.office_overtime_hours_per_day", readonly=False
    )
    office_report_back_days = fields.Integer(
        related="company_id.office_report_back_days", readonly=False
    )
    office_discrepancy_days = fields.Integer(
        related="company_id.office_discrepancy_days", readonly=False
    )
