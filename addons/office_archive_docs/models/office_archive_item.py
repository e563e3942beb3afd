from odoo import fields, models


class OfficeArchiveItem(models.Model):
    _inherit = "office.archive.item"

    incoming_document_id = fields.Many2one(
        "office.incoming.document",
        string="Incoming document",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="restrict",
    )
    outgoing_document_id = fields.Many2one(
        "office.outgoing.document",
        string="Outgoing document",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="restrict",
    )

    _sql_constraints = [
        (
            "incoming_document_uniq",
            "unique(incoming_document_id)",
            "An incoming document is archived once.",
        ),
        (
            "outgoing_document_uniq",
            "unique(outgoing_document_id)",
            "An outgoing document is archived once.",
        ),
    ]
