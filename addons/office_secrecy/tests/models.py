from odoo import fields, models


class OfficeSecrecyTestDocument(models.Model):
    """A confidential record, for tests only."""

    _name = "office.secrecy.test.document"
    _description = "Secrecy Test Document"
    _inherit = ["mail.thread", "office.confidential.mixin"]

    name = fields.Char(required=True)
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)
