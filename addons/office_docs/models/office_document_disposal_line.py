from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError


class OfficeDocumentDisposalLine(models.Model):
    """One document of the year-end disposal list: returned to its issuer
    (清退) or destroyed (销毁) (002 公文处理制度 十)."""

    _name = "office.document.disposal.line"
    _description = "Year-end Document Disposal Line"
    _order = "disposal_id, id"
    _check_company_auto = True

    disposal_id = fields.Many2one(
        "office.document.disposal", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        related="disposal_id.company_id", store=True, index=True
    )
    document_id = fields.Many2one(
        "office.incoming.document",
        required=True,
        ondelete="restrict",
        index=True,
        check_company=True,
    )
    action = fields.Selection(
        [("returned", "Returned to the issuer"), ("destroyed", "Destroyed")],
        required=True,
        default="destroyed",
    )
    copies = fields.Integer(default=1)
    note = fields.Char()

    _sql_constraints = [
        (
            "document_disposal_uniq",
            "unique(disposal_id, document_id)",
            "A document appears once on a list.",
        ),
    ]

    # ------------------------------------------------------------------
    # ORM: lines change only while their list is a draft, by the office
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._check_editable()
        return lines

    def write(self, vals):
        self._check_editable()
        res = super().write(vals)
        self._check_editable()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_submitted(self):
        self._check_editable()

    def _check_editable(self):
        if not self.env.user.has_group("office_base.group_office_clerk"):
            raise AccessError(self.env._("Only the office lists documents to dispose."))
        if self.disposal_id.filtered(lambda d: d.state != "draft"):
            raise UserError(self.env._("A submitted list is no longer changed."))

    # ------------------------------------------------------------------
    # Rules
    # ------------------------------------------------------------------

    def _check_disposable(self):
        """Only the list year's documents, handled, with no copy or loan still
        out, and on no other list."""
        for line in self:
            document = line.document_id.sudo()
            year = document._office_to_local(document.received_at).year
            if year != line.disposal_id.year:
                raise UserError(
                    self.env._(
                        "%(document)s was received in %(year)s: it belongs to that "
                        "year's list.",
                        document=document.name,
                        year=year,
                    )
                )
            if document.state != "closed" or document.disposal:
                raise UserError(
                    self.env._(
                        "%(document)s is not closed or already disposed of.",
                        document=document.name,
                    )
                )
            out = self.env["office.document.loan"].sudo().search_count(
                [("document_id", "=", document.id), ("state", "=", "lent")]
            ) or self.env["office.document.copy"].sudo().search_count(
                [("document_id", "=", document.id), ("state", "=", "forwarded")]
            )
            if out:
                raise UserError(
                    self.env._(
                        "%(document)s has copies or loans still out: recover them "
                        "first.",
                        document=document.name,
                    )
                )
            other = self.search_count(
                [
                    ("document_id", "=", document.id),
                    ("id", "!=", line.id),
                    ("disposal_id.state", "not in", ("cancel", "draft")),
                ]
            )
            if other:
                raise UserError(
                    self.env._(
                        "%(document)s is already on another list.",
                        document=document.name,
                    )
                )
