from odoo import api, fields, models
from odoo.exceptions import UserError

from .office_seal_use_request import SEALABLE_STATES


class OfficeOutgoingDocument(models.Model):
    _inherit = "office.outgoing.document"

    seal_use_request_ids = fields.One2many(
        "office.seal.use.request", "outgoing_document_id", string="Seal uses"
    )
    seal_use_count = fields.Integer(compute="_compute_seal_use_count")
    can_request_sealing = fields.Boolean(compute="_compute_seal_use_count")

    @api.depends_context("uid")
    def _compute_seal_use_count(self):
        groups = (
            self.env["office.seal.use.request"]
            .sudo()
            ._read_group(
                [("outgoing_document_id", "in", self.ids), ("state", "!=", "cancel")],
                ["outgoing_document_id"],
                ["__count"],
            )
        )
        counts = {document.id: count for document, count in groups}
        is_clerk = self._office_is_clerk()
        for document in self:
            document.seal_use_count = counts.get(document.id, 0)
            document.can_request_sealing = is_clerk and document.state in (
                "numbered",
                "printed",
            )

    def action_request_sealing(self):
        """用印: open a seal use request for this numbered document."""
        self.ensure_one()
        self._office_check_clerk()
        if self.state not in SEALABLE_STATES:
            raise UserError(
                self.env._(
                    "“%(document)s” is sealed after its numbering.",
                    document=self.display_name,
                )
            )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Request sealing"),
            "res_model": "office.seal.use.request",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
            "context": {
                "default_outgoing_document_id": self.id,
                "default_summary": self.title,
                "default_document_ref": self.number,
                "default_use_category": self._office_seal_category(),
                "default_leader_id": self.leader_in_charge_id.id,
                "default_stamp_count": max(self.print_copies, 1),
                "default_counterpart": "、".join(
                    (self.main_recipient_ids | self.copy_recipient_ids).mapped("name")
                ),
            },
        }

    def _office_seal_category(self):
        """002 公章管理制度 二: a document in the agency's name is category ①,
        a letter (函件) category ②."""
        self.ensure_one()
        return "cat2" if self.is_letter else "cat1"

    def action_view_seal_uses(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Seal uses"),
            "res_model": "office.seal.use.request",
            "view_mode": "list,form",
            "domain": [("outgoing_document_id", "=", self.id)],
            "context": {"default_outgoing_document_id": self.id},
        }
