from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.office_seal.models.office_seal_use_request import (
    OfficeSealUseRequest as BaseUseRequest,
)

# the outgoing document is sealed once numbered (印制/用印 after 编号)
SEALABLE_STATES = ("numbered", "printed", "distributed", "filed")


class OfficeSealUseRequest(models.Model):
    _inherit = "office.seal.use.request"
    _workflow_locked_fields = (
        *BaseUseRequest._workflow_locked_fields,
        "outgoing_document_id",
    )

    outgoing_document_id = fields.Many2one(
        "office.outgoing.document",
        string="Outgoing document",
        index=True,
        check_company=True,
        tracking=True,
        domain=[("state", "in", SEALABLE_STATES)],
        help="The numbered outgoing document (发文) this seal use stamps.",
    )

    @api.depends("outgoing_document_id.signer_id")
    def _compute_on_signed_document(self):
        # the signed 发文稿纸 is the approval (002 公章管理制度 三)
        for request in self:
            request.on_signed_document = bool(
                request.sudo().outgoing_document_id.signer_id
            )

    def _office_approvers(self):
        """On a signed document: its signer approved the use."""
        self.ensure_one()
        document = self.sudo().outgoing_document_id
        if self.on_signed_document and document:
            return document.signer_id
        return super()._office_approvers()

    @api.onchange("outgoing_document_id")
    def _onchange_outgoing_document_id(self):
        document = self.outgoing_document_id
        if document:
            self.summary = self.summary or document.title
            self.document_ref = document.number or document.title
            self.use_category = self.use_category or document._office_seal_category()

    @api.constrains("outgoing_document_id")
    def _check_outgoing_document(self):
        for request in self:
            document = request.sudo().outgoing_document_id
            if document and document.state not in SEALABLE_STATES:
                raise ValidationError(
                    self.env._(
                        "“%(document)s” is not numbered yet: an outgoing document "
                        "is sealed after its numbering.",
                        document=document.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        requests = super().create(vals_list)
        for request in requests.filtered("outgoing_document_id"):
            request.sudo().outgoing_document_id._office_log(
                self.env._(
                    "Seal use requested: %(request)s.", request=request.display_name
                )
            )
        return requests

    def write(self, vals):
        # the seal use request reaches "done" through its workflow (its state
        # is written by office_seal's transition, never by a caller): note it
        # on the outgoing document
        res = super().write(vals)
        if vals.get("state") == "done":
            for request in self.filtered("outgoing_document_id"):
                request.sudo().outgoing_document_id._office_log(
                    self.env._("Sealed: %(request)s.", request=request.display_name)
                )
        return res

    def _seal_file_missing(self):
        """The numbered outgoing document carries the file the keeper checks."""
        return not self.outgoing_document_id and super()._seal_file_missing()
