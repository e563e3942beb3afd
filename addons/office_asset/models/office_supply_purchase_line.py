from odoo import api, fields, models
from odoo.exceptions import ValidationError


class OfficeSupplyPurchaseLine(models.Model):
    """A line of the purchase list, with its market price (002 财务财物管理
    制度 三: 拟定购置清单及市场价格)."""

    _name = "office.supply.purchase.line"
    _description = "Office Supply Purchase Line"

    purchase_id = fields.Many2one(
        "office.supply.purchase", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="purchase_id.company_id", store=True, index=True
    )
    currency_id = fields.Many2one(related="purchase_id.currency_id")
    item_id = fields.Many2one("office.supply.item", string="Supply", required=True)
    quantity = fields.Float(required=True, default=1.0)
    market_price = fields.Monetary(
        string="Market price",
        compute="_compute_market_price",
        store=True,
        readonly=False,
        precompute=True,
    )
    amount = fields.Monetary(compute="_compute_amount", store=True)

    @api.depends("item_id")
    def _compute_market_price(self):
        for line in self:
            if not line.market_price:
                line.market_price = line.item_id.market_price

    @api.depends("quantity", "market_price")
    def _compute_amount(self):
        for line in self:
            line.amount = line.quantity * line.market_price

    @api.constrains("quantity", "market_price")
    def _check_quantity(self):
        if any(line.quantity <= 0 or line.market_price < 0 for line in self):
            raise ValidationError(
                self.env._("A purchase line needs a positive quantity and a price.")
            )

    def write(self, vals):
        self.purchase_id._office_check_lines_editable()
        return super().write(vals)

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines.purchase_id._office_check_lines_editable()
        return lines

    @api.ondelete(at_uninstall=False)
    def _unlink_except_submitted(self):
        self.purchase_id._office_check_lines_editable()
