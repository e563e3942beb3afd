from odoo import api, fields, models
from odoo.exceptions import AccessError


class OfficeSealKeyUse(models.Model):
    """One use of an electronic seal or key (who, when, for what). Written by
    ``office.seal.key.use()`` and the stamping of electronic seals only;
    never changed or deleted."""

    _name = "office.seal.key.use"
    _description = "Use of an Electronic Seal or Key"
    _order = "used_at desc, id desc"
    _rec_name = "purpose"

    key_id = fields.Many2one(
        "office.seal.key", required=True, index=True, ondelete="restrict"
    )
    company_id = fields.Many2one(related="key_id.company_id", store=True)
    user_id = fields.Many2one("res.users", string="Used by", required=True)
    used_at = fields.Datetime(required=True, default=fields.Datetime.now)
    purpose = fields.Char(required=True)
    request_id = fields.Many2one("office.seal.use.request", index=True)

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            raise AccessError(
                self.env._("Uses of a key are recorded by the key's Use action only.")
            )
        return super().create(vals_list)

    def write(self, vals):  # pylint: disable=method-required-super
        raise AccessError(self.env._("The use log of a key cannot be changed."))

    def unlink(self):  # pylint: disable=method-required-super
        raise AccessError(self.env._("The use log of a key cannot be deleted."))
