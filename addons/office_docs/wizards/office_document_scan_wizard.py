import re
from urllib.parse import parse_qs, urlparse

from odoo import api, fields, models
from odoo.exceptions import UserError

QR_MODELS = ("office.incoming.document", "office.outgoing.document")


class OfficeDocumentScanWizard(models.TransientModel):
    """扫码查找: scan the QR code of a processing slip or label (phone camera
    or USB scanner), or type a registration or document number, and open the
    document. Only documents the user may read are found."""

    _name = "office.document.scan.wizard"
    _description = "Find a Document by QR Code or Number"

    code = fields.Char(
        string="QR code or number",
        help="Scan the QR code of the processing slip or label, or type the "
        "registration number (收文〔2026〕15号), the document number "
        "(益财发〔2026〕12号) or the sender reference.",
    )

    @api.model
    def _office_find(self, code):
        """The document the scanned or typed code names (or empty)."""
        code = (code or "").strip()
        if not code:
            return self.env["office.incoming.document"]
        parsed = urlparse(code)
        if parsed.query:
            query = parse_qs(parsed.query)
            model = (query.get("model") or [""])[0]
            res_id = (query.get("res_id") or [""])[0]
            if model in QR_MODELS and res_id.isdigit():
                return self.env[model].search([("id", "=", int(res_id))], limit=1)
        match = re.fullmatch(r"(IN|OUT)-(\d+)", code)
        if match:
            model = QR_MODELS[0] if match.group(1) == "IN" else QR_MODELS[1]
            return self.env[model].search([("id", "=", int(match.group(2)))], limit=1)
        incoming = self.env["office.incoming.document"].search(
            ["|", ("name", "=", code), ("sender_ref", "=", code)], limit=1
        )
        if incoming:
            return incoming
        return self.env["office.outgoing.document"].search(
            [("number", "=", code)], limit=1
        )

    def action_open(self):
        self.ensure_one()
        document = self._office_find(self.code)
        if not document:
            raise UserError(
                self.env._(
                    "No document you may read matches “%(code)s”.", code=self.code or ""
                )
            )
        return {
            "type": "ir.actions.act_window",
            "res_model": document._name,
            "res_id": document.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }
