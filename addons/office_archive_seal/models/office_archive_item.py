from odoo import fields, models


class OfficeArchiveItem(models.Model):
    _inherit = "office.archive.item"

    seal_deactivation_id = fields.Many2one(
        "office.seal.deactivation",
        string="Seal deactivation",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="restrict",
        help="The approved deactivation or destruction that sent this seal to "
        "the archives.",
    )
    seal_id = fields.Many2one(
        "office.seal",
        related="seal_deactivation_id.seal_id",
        store=True,
        index="btree_not_null",
        string="Seal",
    )

    _sql_constraints = [
        (
            "seal_deactivation_uniq",
            "unique(seal_deactivation_id)",
            "A seal deactivation is archived once.",
        ),
    ]

    def action_open_seal_deactivation(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "office.seal.deactivation",
            "res_id": self.seal_deactivation_id.id,
            "view_mode": "form",
        }
