from odoo import api, models


class OfficeArchiveDemo(models.AbstractModel):
    """Lets the demo data act as the people of the story, through the real
    actions and their checks (demo data only: no production model carries
    these helpers)."""

    _name = "office.archive.demo"
    _inherit = ["office.demo"]
    _description = "Archive Demo Data"

    @api.model
    def _demo_accept(self, ids, user_id):
        """Accept the transfer lists `ids` as the given archivist, having
        counted every item listed."""
        for record in self.env["office.archive.transfer.list"].browse(ids):
            record.with_user(user_id).action_accept(record.item_count)
        return True
