from odoo import fields, models


class OfficeIncomingRegisterMixin(models.AbstractModel):
    """An entry of a register about one incoming document (copies forwarded,
    loans): the document, its agency and its registration number, stored so
    the register reads and sorts without the document."""

    _name = "office.incoming.register.mixin"
    _description = "Register Entry of an Incoming Document"

    document_id = fields.Many2one(
        "office.incoming.document",
        required=True,
        ondelete="restrict",
        index=True,
        check_company=True,
    )
    company_id = fields.Many2one(
        related="document_id.company_id", store=True, index=True
    )
    document_number = fields.Char(
        related="document_id.name", string="Registration number", store=True
    )
