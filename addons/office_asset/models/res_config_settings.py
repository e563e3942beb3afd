from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    office_asset_currency_id = fields.Many2one(
        "res.currency", related="company_id.currency_id", string="Asset currency"
    )
    office_asset_admin_leader_id = fields.Many2one(
        related="company_id.office_asset_admin_leader_id", readonly=False
    )
    office_asset_finance_leader_id = fields.Many2one(
        related="company_id.office_asset_finance_leader_id", readonly=False
    )
    office_asset_repair_finance_amount = fields.Monetary(
        related="company_id.office_asset_repair_finance_amount",
        readonly=False,
        currency_field="office_asset_currency_id",
    )
    office_asset_supply_bulk_amount = fields.Monetary(
        related="company_id.office_asset_supply_bulk_amount",
        readonly=False,
        currency_field="office_asset_currency_id",
    )
    office_asset_major_loss_amount = fields.Monetary(
        related="company_id.office_asset_major_loss_amount",
        readonly=False,
        currency_field="office_asset_currency_id",
    )
    office_asset_summer_ac_min = fields.Float(
        related="company_id.office_asset_summer_ac_min", readonly=False
    )
    office_asset_summer_month_from = fields.Integer(
        related="company_id.office_asset_summer_month_from", readonly=False
    )
    office_asset_summer_month_to = fields.Integer(
        related="company_id.office_asset_summer_month_to", readonly=False
    )
    office_asset_print_shop_id = fields.Many2one(
        related="company_id.office_asset_print_shop_id", readonly=False
    )
    office_asset_repair_partner_id = fields.Many2one(
        related="company_id.office_asset_repair_partner_id", readonly=False
    )
    office_asset_recall_days = fields.Integer(
        related="company_id.office_asset_recall_days", readonly=False
    )
