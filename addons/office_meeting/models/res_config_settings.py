from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    office_meeting_summons_threshold = fields.Integer(
        related="company_id.office_meeting_summons_threshold", readonly=False
    )
    office_meeting_decision_days = fields.Integer(
        related="company_id.office_meeting_decision_days", readonly=False
    )
