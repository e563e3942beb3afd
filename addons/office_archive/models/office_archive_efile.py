import hashlib

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.office_base.tools import granted, is_granted

# recording an electronic file and its digest at filing: Python-only
EFILE_DIGEST = "office_archive_efile_digest"


class OfficeArchiveEfile(models.Model):
    """An electronic file of an archive item: its SHA-256 digest is recorded
    when the item is filed and re-checked by a scheduled action (DA/T 70-2018,
    integrity)."""

    _name = "office.archive.efile"
    _description = "Electronic Archive File"
    _order = "item_id, id"

    item_id = fields.Many2one(
        "office.archive.item", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        related="item_id.company_id", store=True, index=True, precompute=True
    )
    name = fields.Char(related="attachment_id.name", string="File name")
    datas = fields.Binary(
        string="Stored file",
        attachment=False,
        compute="_compute_datas",
        inverse="_inverse_datas",
    )
    filename = fields.Char()
    attachment_id = fields.Many2one("ir.attachment", readonly=True, ondelete="restrict")
    sha256 = fields.Char(string="SHA-256 at filing", readonly=True, copy=False)
    current_sha256 = fields.Char(
        string="SHA-256 at last check", readonly=True, copy=False
    )
    file_size = fields.Integer(related="attachment_id.file_size")
    state = fields.Selection(
        [
            ("unchecked", "Not checked"),
            ("ok", "Intact"),
            ("mismatch", "Altered or missing"),
        ],
        default="unchecked",
        readonly=True,
        copy=False,
    )
    checked_at = fields.Datetime(readonly=True, copy=False)

    def _compute_datas(self):
        for efile in self:
            efile.datas = efile.sudo().attachment_id.datas

    def _inverse_datas(self):
        for efile in self:
            if efile.sha256:
                raise UserError(
                    self.env._("A filed electronic file cannot be replaced.")
                )
            attachment = (
                self.env["ir.attachment"]
                .sudo()
                .create(
                    {
                        "name": efile.filename or efile.item_id.title or "file",
                        "datas": efile.datas,
                        "res_model": "office.archive.item",
                        "res_id": efile.item_id.id,
                    }
                )
            )
            with granted(EFILE_DIGEST, efile):
                efile.sudo().attachment_id = attachment

    @api.model_create_multi
    def create(self, vals_list):
        efiles = super().create(vals_list)
        if efiles.item_id.filtered(lambda i: i.state != "draft"):
            # added to a filed item: fix its digest now
            efiles.filtered(lambda f: f.item_id.state != "draft")._record_digest()
        return efiles

    def write(self, vals):
        if set(vals) & {"attachment_id", "sha256", "item_id"} and not is_granted(
            EFILE_DIGEST, self
        ):
            raise UserError(
                self.env._("An electronic file's record cannot be changed.")
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_filed(self):
        if self.filtered("sha256"):
            raise UserError(
                self.env._("The electronic files of a filed item cannot be deleted.")
            )

    def _digest(self):
        self.ensure_one()
        attachment = self.sudo().attachment_id
        if not attachment:
            return False
        try:
            raw = attachment.raw
        except OSError:
            return False
        if raw is False or raw is None:
            return False
        return hashlib.sha256(raw).hexdigest()

    def _record_digest(self):
        now = fields.Datetime.now()
        for efile in self.sudo():
            if efile.sha256:
                continue
            digest = efile._digest()
            with granted(EFILE_DIGEST, efile):
                efile.write(
                    {
                        "sha256": digest,
                        "current_sha256": digest,
                        "state": "ok" if digest else "mismatch",
                        "checked_at": now,
                    }
                )

    def _verify(self):
        now = fields.Datetime.now()
        for efile in self.sudo():
            # read the file as stored now, not a cached value
            efile.attachment_id.invalidate_recordset(["raw", "datas"])
            digest = efile._digest()
            efile.write(
                {
                    "current_sha256": digest,
                    "state": "ok" if digest and digest == efile.sha256 else "mismatch",
                    "checked_at": now,
                }
            )
