from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    office_fleet_currency_id = fields.Many2one(
        "res.currency", related="company_id.currency_id", string="Fleet currency"
    )
    office_fleet_major_repair_amount = fields.Monetary(
        related="company_id.office_fleet_major_repair_amount",
        readonly=False,
        currency_field="office_fleet_currency_id",
    )
    office_fleet_analytic_account_id = fields.Many2one(
        related="company_id.office_fleet_analytic_account_id", readonly=False
    )
    office_fleet_fuel_rolling_logs = fields.Integer(
        related="company_id.office_fleet_fuel_rolling_logs", readonly=False
    )
    office_fleet_fuel_anomaly_ratio = fields.Float(
        related="company_id.office_fleet_fuel_anomaly_ratio", readonly=False
    )
    office_fleet_sealing_min_days = fields.Integer(
        related="company_id.office_fleet_sealing_min_days", readonly=False
    )
    office_fleet_sealing_lookahead_days = fields.Integer(
        related="company_id.office_fleet_sealing_lookahead_days", readonly=False
    )
    office_fleet_contract_first_reminder_days = fields.Integer(
        related="company_id.office_fleet_contract_first_reminder_days",
        readonly=False,
    )
    office_fleet_contract_last_reminder_days = fields.Integer(
        related="company_id.office_fleet_contract_last_reminder_days", readonly=False
    )
    office_fleet_bonus_forfeit_from = fields.Selection(
        related="company_id.office_fleet_bonus_forfeit_from", readonly=False
    )
