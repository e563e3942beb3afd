from odoo import api, fields, models


class OfficeRiskInspectionTemplate(models.Model):
    """A score sheet (检查打分表): items with their maximum points, grouped by
    risk domain, used by inspection campaigns."""

    _name = "office.risk.inspection.template"
    _description = "Inspection Score Sheet"
    _order = "name"

    name = fields.Char(required=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        index=True,
        help="Empty: shared by every agency.",
    )
    note = fields.Text()
    item_ids = fields.One2many(
        "office.risk.inspection.template.item", "template_id", string="Items", copy=True
    )
    max_total = fields.Float(compute="_compute_max_total", string="Maximum score")

    @api.depends("item_ids.max_points")
    def _compute_max_total(self):
        for template in self:
            template.max_total = sum(template.item_ids.mapped("max_points"))
