from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    office_petition_acceptance_days = fields.Integer(
        related="company_id.office_petition_acceptance_days", readonly=False
    )
    office_petition_answer_days = fields.Integer(
        related="company_id.office_petition_answer_days", readonly=False
    )
    office_petition_extension_days = fields.Integer(
        related="company_id.office_petition_extension_days", readonly=False
    )
    office_petition_review_days = fields.Integer(
        related="company_id.office_petition_review_days", readonly=False
    )
    office_petition_group_size = fields.Integer(
        related="company_id.office_petition_group_size", readonly=False
    )
    office_petition_remind_days = fields.Integer(
        related="company_id.office_petition_remind_days", readonly=False
    )
