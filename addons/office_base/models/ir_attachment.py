import base64
import contextlib
import logging
import os

from odoo import api, models
from odoo.exceptions import UserError

# what makes an attachment's content and the record it belongs to
CONTENT_FIELDS = {
    "datas",
    "raw",
    "db_datas",
    "store_fname",
    "url",
    "type",
    "res_model",
    "res_id",
    "res_field",
}

_logger = logging.getLogger(__name__)


class IrAttachment(models.Model):
    """Core logs a failed file-store write (full disk, read-only volume) at
    INFO and still saves the attachment, pointing at a missing or truncated
    file. Here the write is checked and a failure refuses the whole save.

    The files of a locked office record (a signed outgoing document: its
    model's ``_office_frozen_attachment_records``) are neither replaced, moved
    nor deleted, by anybody; new files may still be added. A write that
    keeps the same content (the file store moved by the admin) passes."""

    _inherit = "ir.attachment"

    def write(self, vals):
        if CONTENT_FIELDS & set(vals):
            self._office_check_not_frozen(vals)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_frozen_record(self):
        self._office_check_not_frozen()

    def _office_check_not_frozen(self, vals=None):
        frozen = self._office_frozen()
        if vals is not None:
            frozen = frozen.filtered(lambda a: not a._office_same_content(vals))
        if frozen:
            raise UserError(
                self.env._(
                    "The file “%(name)s” belongs to a record that is locked "
                    "(signed or filed): it can be neither replaced nor deleted. "
                    "Add a new file instead, or send the record back first.",
                    name=frozen[:1].name,
                )
            )

    def _office_frozen(self):
        frozen = self.browse()
        attachments = self.sudo()
        for model in set(attachments.mapped("res_model")):
            if not model or model not in self.env:
                continue
            Model = self.env[model].sudo()
            if not hasattr(Model, "_office_frozen_attachment_records"):
                continue
            mine = attachments.filtered(lambda a, m=model: a.res_model == m)
            records = Model.browse(set(mine.mapped("res_id"))).exists()
            locked = records._office_frozen_attachment_records()
            frozen |= mine.filtered(lambda a, ids=set(locked.ids): a.res_id in ids)
        return frozen.with_env(self.env)

    def _office_same_content(self, vals):
        """A write that moves the file (same bytes) but changes nothing."""
        if set(vals) - {"raw", "datas", "mimetype", "store_fname", "db_datas"}:
            return False
        raw = vals.get("raw")
        if raw is None and vals.get("datas"):
            raw = base64.b64decode(vals["datas"])
        if raw is None:
            return False
        if isinstance(raw, str):
            raw = raw.encode()
        return self._compute_checksum(raw) == self.sudo().checksum

    def _file_write(self, bin_value, checksum):
        try:
            fname = super()._file_write(bin_value, checksum)
            full_path = self._full_path(fname)
            if os.path.getsize(full_path) == len(bin_value):
                return fname
        except OSError:
            _logger.warning("file store write failed", exc_info=True)
        else:
            _logger.warning("file store write truncated: %s", full_path)
            with contextlib.suppress(OSError):
                os.unlink(full_path)
        raise UserError(
            self.env._(
                "The file could not be stored: the attachment storage is full or "
                "not writable. Nothing was saved; ask the administrator to free "
                "space, then try again."
            )
        )
