from odoo import fields, models


class OfficeRiskErrorArea(models.Model):
    """An area of the zero-error requirements (004 一): document handling,
    conferences, receptions, information disclosure, finance, seals and
    letters, security and secrecy, environment."""

    _name = "office.risk.error.area"
    _description = "Zero-error Area"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        index=True,
        help="Empty: shared by every agency.",
    )
    requirements = fields.Text(help="The zero-error requirements of the area.")
