from odoo import fields, models

RESULTS = [
    ("pending", "Not scanned yet"),
    ("found", "Found"),
    ("missing", "Missing"),
    ("unexpected", "Unexpected"),
]


class OfficeAssetStocktakeLine(models.Model):
    """One asset of a stock-take: expected (pending until scanned, found or
    missing at the end) or scanned without being expected (unexpected: an
    asset of another department or place, or a label not on the ledger).
    Written by the stock-take only."""

    _name = "office.asset.stocktake.line"
    _description = "Asset Stock-take Line"
    _order = "result, code"

    stocktake_id = fields.Many2one(
        "office.asset.stocktake",
        required=True,
        index=True,
        ondelete="cascade",
        readonly=True,
    )
    company_id = fields.Many2one(
        related="stocktake_id.company_id", store=True, index=True
    )
    asset_id = fields.Many2one("office.asset", readonly=True, index=True)
    code = fields.Char(string="Label", required=True, readonly=True, index=True)
    department_id = fields.Many2one(related="asset_id.department_id")
    location = fields.Char(related="asset_id.location")
    holder_id = fields.Many2one(related="asset_id.holder_id")
    historical_cost = fields.Monetary(related="asset_id.historical_cost")
    currency_id = fields.Many2one(related="asset_id.currency_id")
    result = fields.Selection(
        RESULTS, required=True, default="pending", readonly=True, index=True
    )
    scanned_at = fields.Datetime(readonly=True)
    scanned_by_id = fields.Many2one("res.users", readonly=True)
    note = fields.Char(help="What the keeper says about a missing or unexpected asset.")

    _sql_constraints = [
        (
            "code_unique",
            "UNIQUE(stocktake_id, code)",
            "An asset appears once in a stock-take.",
        ),
    ]

    def _scan_vals(self, result):
        return {
            "result": result,
            "scanned_at": fields.Datetime.now(),
            "scanned_by_id": self.env.user.id,
        }
