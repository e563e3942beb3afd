import contextlib
import logging
import os

from odoo import models
from odoo.exceptions import UserError

_logger = logging.getLogger(__name__)


class IrAttachment(models.Model):
    """Core logs a failed file-store write (full disk, read-only volume) at
    INFO and still saves the attachment, pointing at a missing or truncated
    file. Here the write is checked and a failure refuses the whole save."""

    _inherit = "ir.attachment"

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
