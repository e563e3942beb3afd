from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    office_licence_expiring_days = fields.Integer(
        related="company_id.office_licence_expiring_days", readonly=False
    )
    office_licence_first_reminder_days = fields.Integer(
        related="company_id.office_licence_first_reminder_days", readonly=False
    )
    office_licence_second_reminder_days = fields.Integer(
        related="company_id.office_licence_second_reminder_days", readonly=False
    )
    office_seal_key_expiring_days = fields.Integer(
        related="company_id.office_seal_key_expiring_days", readonly=False
    )
    office_seal_key_first_reminder_days = fields.Integer(
        related="company_id.office_seal_key_first_reminder_days", readonly=False
    )
    office_seal_key_second_reminder_days = fields.Integer(
        related="company_id.office_seal_key_second_reminder_days", readonly=False
    )
    office_seal_director_rule = fields.Selection(
        related="company_id.office_seal_director_rule", readonly=False
    )
    office_letter_paper_keeper_id = fields.Many2one(
        related="company_id.office_letter_paper_keeper_id", readonly=False
    )
