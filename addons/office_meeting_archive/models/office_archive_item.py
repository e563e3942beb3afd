from odoo import fields, models


class OfficeArchiveItem(models.Model):
    _inherit = "office.archive.item"

    meeting_id = fields.Many2one(
        "office.meeting",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="restrict",
    )

    _sql_constraints = [
        (
            "meeting_uniq",
            "unique(meeting_id)",
            "A meeting is archived once (一会一档).",
        ),
    ]
