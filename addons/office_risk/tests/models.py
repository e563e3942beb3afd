from odoo import fields, models


class OfficeRiskTestSource(models.Model):
    """A confidential record for the sensors' tests only."""

    _name = "office.risk.test.source"
    _description = "Risk Test Source"
    _inherit = ["mail.thread", "office.confidential.mixin"]

    name = fields.Char(required=True)
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)
