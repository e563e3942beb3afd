from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    archive_loan_max_days = fields.Integer(
        related="company_id.archive_loan_max_days", readonly=False
    )
    archive_loan_max_renewals = fields.Integer(
        related="company_id.archive_loan_max_renewals", readonly=False
    )
    archive_secret_take_out = fields.Boolean(
        related="company_id.archive_secret_take_out", readonly=False
    )
    archive_room_entry_people = fields.Integer(
        related="company_id.archive_room_entry_people", readonly=False
    )
    archive_holiday_inspection_days = fields.Integer(
        related="company_id.archive_holiday_inspection_days", readonly=False
    )
    archive_object_handover_months = fields.Integer(
        related="company_id.archive_object_handover_months", readonly=False
    )
    archive_display_months = fields.Integer(
        related="company_id.archive_display_months", readonly=False
    )
    archive_primary_medium = fields.Selection(
        related="company_id.archive_primary_medium", readonly=False
    )
    archive_backup_check_months = fields.Integer(
        related="company_id.archive_backup_check_months", readonly=False
    )
