from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.office_base.tools import is_granted

from .office_outgoing_document import BODY_VERSION, OUTGOING_STATES


class OfficeOutgoingBodyVersion(models.Model):
    """痕迹保留: a body file put on an outgoing document, kept with who put it,
    when, in which step and its SHA-256. Versions are never changed nor
    deleted; replacing the body after sign-off stays refused by the
    document's lock."""

    _name = "office.outgoing.body.version"
    _description = "Outgoing Document Body Version"
    _order = "document_id, version desc"
    _rec_name = "body_filename"

    document_id = fields.Many2one(
        "office.outgoing.document", required=True, ondelete="cascade", index=True
    )
    version = fields.Integer(required=True, readonly=True)
    body_file = fields.Binary(string="Body", attachment=True, readonly=True)
    body_filename = fields.Char(string="File name", readonly=True)
    sha256 = fields.Char(string="SHA-256", readonly=True)
    state_at_upload = fields.Selection(OUTGOING_STATES, string="Step", readonly=True)
    user_id = fields.Many2one("res.users", string="By", required=True, readonly=True)
    create_date = fields.Datetime(string="On", readonly=True)
    is_current = fields.Boolean(compute="_compute_is_current", string="Current")
    company_id = fields.Many2one(related="document_id.company_id", store=True)

    _sql_constraints = [
        (
            "version_uniq",
            "unique(document_id, version)",
            "A body version number is given once per document.",
        ),
    ]

    @api.depends("document_id.body_version_ids")
    def _compute_is_current(self):
        for version in self:
            version.is_current = (
                version.document_id.sudo().body_version_ids[:1] == version
            )

    @api.model_create_multi
    def create(self, vals_list):
        if not is_granted(BODY_VERSION):
            raise UserError(self.env._("Body versions are kept by the document."))
        return super().create(vals_list)

    def write(self, vals):
        if not is_granted(BODY_VERSION, self):
            raise UserError(self.env._("A body version is kept as it was."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_kept(self):
        if not is_granted(BODY_VERSION, self):
            raise UserError(self.env._("A body version is kept as it was."))
