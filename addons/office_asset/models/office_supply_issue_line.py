from odoo import api, fields, models
from odoo.exceptions import ValidationError


class OfficeSupplyIssueLine(models.Model):
    _name = "office.supply.issue.line"
    _description = "Office Supply Issue Line"

    issue_id = fields.Many2one(
        "office.supply.issue", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="issue_id.company_id", store=True, index=True)
    item_id = fields.Many2one("office.supply.item", string="Supply", required=True)
    quantity = fields.Float(required=True, default=1.0)

    @api.constrains("quantity")
    def _check_quantity(self):
        if any(line.quantity <= 0 for line in self):
            raise ValidationError(self.env._("Issue a positive quantity."))

    def write(self, vals):
        self.issue_id._office_check_lines_editable()
        return super().write(vals)

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines.issue_id._office_check_lines_editable()
        return lines

    @api.ondelete(at_uninstall=False)
    def _unlink_except_issued(self):
        self.issue_id._office_check_lines_editable()
