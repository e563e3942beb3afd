from odoo import api, fields, models
from odoo.exceptions import ValidationError


class OfficeRiskInspectionTemplateItem(models.Model):
    """An item of a score sheet: what is checked and its maximum points."""

    _name = "office.risk.inspection.template.item"
    _description = "Score Sheet Item"
    _order = "template_id, sequence, id"

    template_id = fields.Many2one(
        "office.risk.inspection.template", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        related="template_id.company_id", store=True, index=True, precompute=True
    )
    sequence = fields.Integer(default=10)
    domain_id = fields.Many2one("office.risk.domain")
    name = fields.Char(string="Item", required=True)
    criteria = fields.Text(help="How points are deducted.")
    max_points = fields.Float(required=True, default=10)

    @api.constrains("max_points")
    def _check_max_points(self):
        for item in self:
            if item.max_points <= 0:
                raise ValidationError(
                    self.env._("The maximum points of an item must be positive.")
                )
