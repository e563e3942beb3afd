from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.http import request


class OfficeSecretAccessLog(models.Model):
    """Who read which classified record, when and through which channel.
    Entries are written by the system only and can never be changed."""

    _name = "office.secret.access.log"
    _description = "Classified Record Access Log"
    _order = "id desc"
    _rec_name = "res_name"

    user_id = fields.Many2one("res.users", required=True, readonly=True, index=True)
    model = fields.Char(required=True, readonly=True, index=True)
    model_name = fields.Char(compute="_compute_model_name")
    res_id = fields.Many2oneReference(model_field="model", readonly=True, index=True)
    res_name = fields.Char(string="Record", readonly=True)
    secrecy_level = fields.Char(string="Confidentiality", readonly=True)
    channel = fields.Selection(
        [("web", "Web client"), ("rpc", "External API"), ("other", "Other")],
        readonly=True,
    )
    ip_address = fields.Char(string="IP address", readonly=True)
    access_date = fields.Datetime(
        default=fields.Datetime.now, required=True, readonly=True, index=True
    )

    def _compute_model_name(self):
        for log in self:
            log.model_name = self.env["ir.model"]._get(log.model).name or log.model

    @api.model
    def _log(self, records, user):
        channel, ip_address = "other", False
        if request:
            path = request.httprequest.path or ""
            channel = "rpc" if path.startswith(("/xmlrpc", "/jsonrpc")) else "web"
            ip_address = request.httprequest.remote_addr
        self.sudo().create(
            [
                {
                    "user_id": user.id,
                    "model": record._name,
                    "res_id": record.id,
                    "res_name": record.display_name,
                    "secrecy_level": record.secrecy_mark,
                    "channel": channel,
                    "ip_address": ip_address,
                }
                for record in records
            ]
        )

    def write(self, vals):
        if vals:
            raise AccessError(
                self.env._("The access log of classified records cannot be changed.")
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_always(self):
        raise AccessError(
            self.env._("The access log of classified records cannot be deleted.")
        )
