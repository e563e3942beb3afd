from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    office_fleet_major_repair_amount = fields.Monetary(
        string="Major repair from",
        currency_field="currency_id",
        default=5000.0,
        help="Repairs estimated at this amount or more are major repairs: the leader "
        "in charge of the office, the leader in charge of finance and the principal "
        "leader approve them.",
    )
    office_fleet_analytic_account_id = fields.Many2one(
        "account.analytic.account",
        string="Vehicle running costs account",
        help="Analytic account of the official-vehicle running costs (三公经费).",
    )

    def _office_fleet_analytic_account(self):
        self.ensure_one()
        return self.office_fleet_analytic_account_id or self.env.ref(
            "office_fleet.analytic_account_vehicle_running", raise_if_not_found=False
        )
