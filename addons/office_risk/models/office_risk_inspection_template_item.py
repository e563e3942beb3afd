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
    requirement_ids = fields.One2many(
        "office.risk.inspection.template.requirement",
        "item_id",
        string="Checklist",
        copy=True,
        help="When the item has a checklist, its score is the maximum points "
        "less the deductions of the requirements not met.",
    )
    error_area_id = fields.Many2one(
        "office.risk.error.area",
        string="Zero-error area",
        help="The area of the zero-error requirements (004 一) the item checks.",
    )

    def _score_vals(self):
        """A unit starts with full points and every requirement met."""
        return {
            "item_id": self.id,
            "score": self.max_points,
            "check_ids": [
                fields.Command.create({"requirement_id": requirement.id})
                for requirement in self.requirement_ids
            ],
        }

    @api.constrains("max_points")
    def _check_max_points(self):
        for item in self:
            if item.max_points <= 0:
                raise ValidationError(
                    self.env._("The maximum points of an item must be positive.")
                )
