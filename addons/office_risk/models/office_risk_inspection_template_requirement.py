from odoo import api, fields, models
from odoo.exceptions import ValidationError


class OfficeRiskInspectionTemplateRequirement(models.Model):
    """A requirement of a score-sheet item's checklist, e.g. one numbered
    zero-error requirement of 004 一 (一)–(八). An inspection ticks each one
    met or not; every requirement not met deducts its points from the
    item."""

    _name = "office.risk.inspection.template.requirement"
    _description = "Score Sheet Checklist Requirement"
    _order = "item_id, sequence, id"

    item_id = fields.Many2one(
        "office.risk.inspection.template.item",
        required=True,
        ondelete="cascade",
        index=True,
    )
    company_id = fields.Many2one(
        related="item_id.company_id", store=True, index=True, precompute=True
    )
    sequence = fields.Integer(default=10)
    code = fields.Char(help="Where the requirement is written, e.g. 004 一(一)3.")
    name = fields.Text(string="Requirement", required=True)
    deduction = fields.Float(
        required=True,
        default=1,
        help="Points the item loses when the requirement is not met. The seeds "
        "name no points: the shipped checklist of 004 一 splits each area's "
        "points evenly over its requirements.",
    )

    @api.constrains("deduction")
    def _check_deduction(self):
        for requirement in self:
            if requirement.deduction <= 0:
                raise ValidationError(
                    self.env._("A requirement not met must deduct some points.")
                )
