from odoo import fields, models


class OfficeSeal(models.Model):
    _inherit = "office.seal"

    archive_item_ids = fields.One2many(
        "office.archive.item", "seal_id", string="Archive items", readonly=True
    )
    archive_item_count = fields.Integer(
        compute="_compute_archive_item_count", compute_sudo=True
    )

    def _compute_archive_item_count(self):
        for seal in self:
            seal.archive_item_count = len(seal.archive_item_ids)

    def action_view_archive_items(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Archive items"),
            "res_model": "office.archive.item",
            "view_mode": "list,form",
            "domain": [("seal_id", "=", self.id)],
        }
