from odoo import api, fields, models
from odoo.exceptions import AccessError

from odoo.addons.office_base.tools import granted, is_granted

#: the Python-only grant of ``office.seal.key._append_use``
KEY_USE_APPEND = "office_seal_key_use_append"


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
        if not is_granted(KEY_USE_APPEND):
            raise AccessError(
                self.env._("Uses of a key are recorded by the key's Use action only.")
            )
        return super().create(vals_list)

    @api.model
    def _append(self, vals):
        """Log a use; the key's Use action and the stamping call it once
        their checks have passed."""
        with granted(KEY_USE_APPEND):
            return self.sudo().create(vals)

    def write(self, vals):  # pylint: disable=method-required-super
        raise AccessError(self.env._("The use log of a key cannot be changed."))

    def unlink(self):  # pylint: disable=method-required-super
        raise AccessError(self.env._("The use log of a key cannot be deleted."))
