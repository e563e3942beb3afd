from odoo import fields, models


class OfficeSealTakeoutReturnWizard(models.TransientModel):
    """The keeper checks a taken-out seal back in: the impressions made
    outside (appended to the seal ledger) and a note."""

    _name = "office.seal.takeout.return.wizard"
    _description = "Check a Taken-out Seal In"

    takeout_id = fields.Many2one(
        "office.seal.takeout", required=True, readonly=True, ondelete="cascade"
    )
    impressions_used = fields.Integer(string="Impressions made outside")
    note = fields.Text()

    def action_confirm(self):
        self.ensure_one()
        self.takeout_id.check_in(self.impressions_used, self.note)
        return {"type": "ir.actions.act_window_close"}
