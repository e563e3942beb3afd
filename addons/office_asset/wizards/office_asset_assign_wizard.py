from odoo import fields, models


class OfficeAssetAssignWizard(models.TransientModel):
    """Hand an asset to a new user; the asset's ``assign`` transition checks
    and records it."""

    _name = "office.asset.assign.wizard"
    _description = "Hand an Asset to a New User"

    asset_id = fields.Many2one("office.asset", required=True, readonly=True)
    employee_id = fields.Many2one(
        "hr.employee", string="New user", help="Leave empty: back to the keeper."
    )
    note = fields.Char()

    def action_confirm(self):
        self.ensure_one()
        self.asset_id.assign(self.employee_id.id, self.note)
        return {"type": "ir.actions.act_window_close"}
