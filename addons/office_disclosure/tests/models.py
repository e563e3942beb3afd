from odoo import fields, models


class OfficeDisclosureTestDocument(models.Model):
    """A register entry that may be classified, for tests only (the
    documents of office_docs in a full installation)."""

    _name = "office.disclosure.test.document"
    _description = "Disclosure Test Document"
    _inherit = ["mail.thread", "office.confidential.mixin"]

    name = fields.Char(required=True)
