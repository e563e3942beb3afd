from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    office_disclosure_proactive_days = fields.Integer(
        related="company_id.office_disclosure_proactive_days", readonly=False
    )
    office_disclosure_answer_days = fields.Integer(
        related="company_id.office_disclosure_answer_days", readonly=False
    )
    office_disclosure_extension_days = fields.Integer(
        related="company_id.office_disclosure_extension_days", readonly=False
    )
    office_disclosure_remind_days = fields.Integer(
        related="company_id.office_disclosure_remind_days", readonly=False
    )
    office_disclosure_report_month = fields.Integer(
        related="company_id.office_disclosure_report_month", readonly=False
    )
    office_disclosure_report_day = fields.Integer(
        related="company_id.office_disclosure_report_day", readonly=False
    )
