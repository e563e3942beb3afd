from odoo import api, fields, models
from odoo.exceptions import UserError


class OfficeAssetAssignment(models.Model):
    """Every change of an asset's user (003 表18: 未对需登记的资产…使用人员变更
    进行登记 — 一般风险): written by the asset's ``assign`` transition only;
    an entry is never changed or deleted."""

    _name = "office.asset.assignment"
    _description = "Change of Asset User"
    _order = "date desc, id desc"

    asset_id = fields.Many2one(
        "office.asset", required=True, index=True, ondelete="cascade", readonly=True
    )
    company_id = fields.Many2one(related="asset_id.company_id", store=True, index=True)
    previous_holder_id = fields.Many2one(
        "hr.employee", string="Previous user", readonly=True
    )
    holder_id = fields.Many2one("hr.employee", string="New user", readonly=True)
    user_id = fields.Many2one("res.users", string="Recorded by", readonly=True)
    date = fields.Datetime(readonly=True, required=True)
    note = fields.Char(readonly=True)

    def write(self, vals):
        if vals:
            raise UserError(self.env._("A change of user is never edited."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("A change of user is never deleted."))
