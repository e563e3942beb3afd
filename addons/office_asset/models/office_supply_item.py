from odoo import api, fields, models


class OfficeSupplyItem(models.Model):
    """An office supply kept by the office (paper, toner, pens…): bought in
    by approved purchases, issued to departments (002 财务财物管理制度 三;
    机关管理 十一: 小件办公用品由办公室统一购买). The quantity on hand is
    what was received less what was issued."""

    _name = "office.supply.item"
    _description = "Office Supply"
    _order = "name"
    _check_company_auto = True

    name = fields.Char(required=True)
    unit = fields.Char(required=True, default="件")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    market_price = fields.Monetary(string="Market price")
    min_qty = fields.Float(string="Reorder below")
    qty_on_hand = fields.Float(string="On hand", compute="_compute_qty_on_hand")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "name_unique",
            "UNIQUE(company_id, name, unit)",
            "This supply already exists.",
        ),
    ]

    def _compute_qty_on_hand(self):
        received = dict(
            self.env["office.supply.purchase.line"]._read_group(
                [("item_id", "in", self.ids), ("purchase_id.state", "=", "received")],
                ["item_id"],
                ["quantity:sum"],
            )
        )
        issued = dict(
            self.env["office.supply.issue.line"]._read_group(
                [("item_id", "in", self.ids), ("issue_id.state", "=", "issued")],
                ["item_id"],
                ["quantity:sum"],
            )
        )
        for item in self:
            item.qty_on_hand = received.get(item, 0.0) - issued.get(item, 0.0)

    @api.depends("name", "unit")
    def _compute_display_name(self):
        for item in self:
            item.display_name = (
                f"{item.name}（{item.unit}）" if item.unit else item.name
            )
