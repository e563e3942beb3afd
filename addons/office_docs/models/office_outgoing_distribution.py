import base64

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.office_base.tools import is_granted

from .office_outgoing_document import (
    CHANNELS,
    CHANNELS_FORBIDDEN_FOR_SECRETS,
    DISTRIBUTION,
    ELECTRONIC_CHANNELS,
)


class OfficeOutgoingDistribution(models.Model):
    """分发: one recipient of an outgoing document, the channel and the
    copies sent. A classified document never goes by ordinary mail, e-mail or
    fax, and its copies carry their copy numbers (份号)."""

    _name = "office.outgoing.distribution"
    _description = "Outgoing Document Distribution"
    _order = "sequence, id"
    _rec_name = "partner_id"

    document_id = fields.Many2one(
        "office.outgoing.document", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    partner_id = fields.Many2one("res.partner", string="Recipient", required=True)
    recipient_kind = fields.Selection(
        [("main", "Main"), ("copy", "Copy"), ("other", "Other")],
        compute="_compute_recipient_kind",
        string="Kind",
    )
    channel = fields.Selection(CHANNELS, required=True, default="exchange")
    copies = fields.Integer(default=1, required=True)
    copy_numbers = fields.Char(readonly=True, copy=False)
    sent_at = fields.Datetime(readonly=True, copy=False)
    note = fields.Char()
    copy_file = fields.Binary(
        string="Electronic copy", attachment=True, readonly=True, copy=False
    )
    copy_filename = fields.Char(readonly=True, copy=False)
    watermark = fields.Char(
        readonly=True,
        copy=False,
        help="The text stamped across the electronic copy: recipient, copy "
        "number and date, so that a leaked copy names its holder.",
    )
    company_id = fields.Many2one(related="document_id.company_id", store=True)

    _sql_constraints = [
        (
            "partner_document_uniq",
            "unique(document_id, partner_id)",
            "A recipient appears once on the distribution list.",
        ),
        ("copies_positive", "CHECK(copies > 0)", "Send at least one copy."),
    ]

    @api.depends("partner_id", "document_id.main_recipient_ids")
    def _compute_recipient_kind(self):
        for line in self:
            document = line.document_id
            if line.partner_id in document.main_recipient_ids:
                line.recipient_kind = "main"
            elif line.partner_id in document.copy_recipient_ids:
                line.recipient_kind = "copy"
            else:
                line.recipient_kind = "other"

    @api.constrains("channel", "document_id")
    def _check_channel(self):
        labels = dict(self._fields["channel"]._description_selection(self.env))
        for line in self:
            if (
                line.document_id.sudo().secrecy_rank
                and line.channel in CHANNELS_FORBIDDEN_FOR_SECRETS
            ):
                raise ValidationError(
                    self.env._(
                        "“%(name)s” is classified: it cannot go to %(partner)s by "
                        "%(channel)s. Use the confidential courier, the secure "
                        "network or the document exchange.",
                        name=line.document_id.display_name,
                        partner=line.partner_id.display_name,
                        channel=labels[line.channel],
                    )
                )

    def _office_make_electronic_copies(self):
        """At distribution: one PDF of the formatted document per recipient
        sent electronically, stamped with the recipient, the copy number and
        the date."""
        Report = self.env["ir.actions.report"].sudo()
        if Report.get_wkhtmltopdf_state() == "install":
            # no PDF engine on this server: the copies are sent on paper
            for document in self.document_id:
                document._office_log(
                    self.env._(
                        "No electronic copies were made: the PDF engine "
                        "(wkhtmltopdf) is not installed."
                    )
                )
            return
        report = self.env.ref("office_docs.office_outgoing_document_report_formatted")
        copy_index = 0
        for line in self.sorted(lambda d: (d.sequence, d.id)):
            first_copy = copy_index + 1
            copy_index += line.copies
            if line.channel not in ELECTRONIC_CHANNELS:
                continue
            document = line.document_id.sudo()
            copy_number = (line.copy_numbers or f"{first_copy:06d}").split("–")[0]
            date = document._office_format_date_cn(line.sent_at)
            watermark = self.env._(
                "%(recipient)s · copy %(copy)s · %(date)s",
                recipient=line.partner_id.name,
                copy=copy_number,
                date=date,
            )
            content, _type = Report._render_qweb_pdf(
                report,
                res_ids=document.ids,
                data={"watermark": watermark, "copy_number": copy_number},
            )
            if isinstance(content, str):  # HTML in test mode
                content = content.encode()
            name = f"{document.number or document.title}-{line.partner_id.name}"
            line.sudo().write(
                {
                    "copy_file": base64.b64encode(content),
                    "copy_filename": f"{name}.pdf",
                    "watermark": watermark,
                }
            )

    @api.model_create_multi
    def create(self, vals_list):
        if any(vals.get("sent_at") or vals.get("copy_numbers") for vals in vals_list):
            raise UserError(self.env._("Copies are numbered and sent by distributing."))
        lines = super().create(vals_list)
        lines._check_editable()
        return lines

    def write(self, vals):
        self._check_editable()
        if not is_granted(DISTRIBUTION, self) and {
            "sent_at",
            "copy_numbers",
            "copy_file",
            "copy_filename",
            "watermark",
        } & set(vals):
            raise UserError(self.env._("Copies are numbered and sent by distributing."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_sent(self):
        self._check_editable()

    def _check_editable(self):
        if is_granted(DISTRIBUTION, self):
            # the distribution itself writes the copy numbers and dates
            return
        if not self.env.user.has_group("office_base.group_office_clerk"):
            raise AccessError(
                self.env._("Only the office keeps the distribution list.")
            )
        if self.filtered("sent_at") or self.document_id.filtered(
            lambda d: d.state in ("distributed", "filed", "cancel")
        ):
            raise UserError(self.env._("The distribution is done; it stays as it was."))
