import datetime

from odoo import fields, models
from odoo.exceptions import UserError


class OfficeArchiveTransferList(models.Model):
    _inherit = "office.archive.transfer.list"

    document_retention_id = fields.Many2one(
        "office.archive.retention",
        string="Retention of documents",
        default=lambda self: self.env.ref(
            "office_archive.retention_d30", raise_if_not_found=False
        ),
        help="Retention period given to the items filled from documents; "
        "change it item by item where the rules say otherwise.",
    )

    def _document_period(self):
        """UTC bounds of the list's year."""
        self.ensure_one()
        start = datetime.datetime(self.year, 1, 1)
        return start, datetime.datetime(self.year + 1, 1, 1)

    def _documents_to_archive(self):
        """The department's incoming documents closed and outgoing documents
        filed during the year, not archived yet."""
        self.ensure_one()
        start, end = self._document_period()
        Item = self.env["office.archive.item"].sudo().with_context(active_test=False)
        incoming = (
            self.env["office.incoming.document"]
            .sudo()
            .search(
                [
                    ("state", "=", "closed"),
                    ("lead_department_id", "=", self.department_id.id),
                    ("closed_at", ">=", start),
                    ("closed_at", "<", end),
                    ("company_id", "=", self.company_id.id),
                ],
                order="received_at, id",
            )
        )
        outgoing = (
            self.env["office.outgoing.document"]
            .sudo()
            .search(
                [
                    ("state", "=", "filed"),
                    ("department_id", "=", self.department_id.id),
                    ("filed_at", ">=", start),
                    ("filed_at", "<", end),
                    ("company_id", "=", self.company_id.id),
                ],
                order="document_date, id",
            )
        )
        archived = Item.search(
            [
                "|",
                ("incoming_document_id", "in", incoming.ids),
                ("outgoing_document_id", "in", outgoing.ids),
            ]
        )
        return (
            incoming - archived.incoming_document_id,
            outgoing - archived.outgoing_document_id,
        )

    def action_fill_from_documents(self):
        """Add the department's closed and filed documents of the year to the
        list, with their electronic files; usable over XML-RPC. Returns the
        number of items added."""
        self.ensure_one()
        if self.state not in ("draft", "returned"):
            raise UserError(
                self.env._("Only a draft or returned transfer list can be filled.")
            )
        self.check_access("write")
        if not self.document_retention_id:
            raise UserError(
                self.env._("Choose the retention period of the documents first.")
            )
        incoming, outgoing = self._documents_to_archive()
        base = {
            "transfer_list_id": self.id,
            "fonds_id": self.fonds_id.id,
            "category_id": self.category_id.id,
            "year": self.year,
            "retention_id": self.document_retention_id.id,
            "unit_id": self.unit_id.id,
            "department_id": self.department_id.id,
            "company_id": self.company_id.id,
        }
        vals_list = []
        files = []
        for doc in incoming:
            vals_list.append(
                {
                    **base,
                    "incoming_document_id": doc.id,
                    "title": doc.title,
                    "responsible": doc.sender_id.name,
                    "document_number": doc.sender_ref,
                    "document_date": doc.received_at and doc.received_at.date(),
                    "pages": doc.pages,
                    "carrier": "paper",
                    "secrecy_level": doc.secrecy_level,
                    "secrecy_years": doc.secrecy_years,
                    "secrecy_release": doc.secrecy_release,
                }
            )
            files.append([(a.name, a.raw) for a in doc.attachment_ids])
        for doc in outgoing:
            vals_list.append(
                {
                    **base,
                    "outgoing_document_id": doc.id,
                    "title": doc.title,
                    "responsible": doc.company_id.name,
                    "document_number": doc.number,
                    "document_date": doc.document_date,
                    "carrier": "paper",
                    "secrecy_level": doc.secrecy_level,
                    "secrecy_years": doc.secrecy_years,
                    "secrecy_release": doc.secrecy_release,
                }
            )
            body = []
            if doc.body_file:
                attachment = (
                    self.env["ir.attachment"]
                    .sudo()
                    .search(
                        [
                            ("res_model", "=", doc._name),
                            ("res_id", "=", doc.id),
                            ("res_field", "=", "body_file"),
                        ],
                        limit=1,
                    )
                )
                body.append((doc.body_filename or doc.title, attachment.raw))
            files.append(body)
        # the department's compilers may not read classified documents'
        # metadata otherwise: created as superuser, visible by the rules
        items = self.env["office.archive.item"].sudo().create(vals_list)
        Attachment = self.env["ir.attachment"].sudo()
        efiles = []
        for item, item_files in zip(items, files, strict=True):
            for name, raw in item_files:
                if raw is False or raw is None:
                    continue
                attachment = Attachment.create(
                    {
                        "name": name,
                        "raw": raw,
                        "res_model": item._name,
                        "res_id": item.id,
                    }
                )
                efiles.append({"item_id": item.id, "attachment_id": attachment.id})
        self.env["office.archive.efile"].sudo().create(efiles)
        if items:
            self.sudo().message_post(
                body=self.env._(
                    "%(count)s items added from the department's documents.",
                    count=len(items),
                ),
                subtype_xmlid="mail.mt_note",
            )
        return len(items)
