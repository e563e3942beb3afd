from odoo import fields, models


class OfficeExpenseRegion(models.Model):
    """A destination region of business travel (a province-level division):
    its lodging and meal standards are office.expense.standard records."""

    _name = "office.expense.region"
    _description = "Travel Region"
    _order = "sequence, name"

    name = fields.Char(required=True)
    code = fields.Char()
    sequence = fields.Integer(default=10)
    in_province = fields.Boolean(
        string="The agency's province",
        help="Travel within the agency's own province.",
    )
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        index=True,
        help="Empty: shared by every agency.",
    )

    _sql_constraints = [
        ("code_uniq", "unique(code)", "The code of a travel region is unique."),
    ]
