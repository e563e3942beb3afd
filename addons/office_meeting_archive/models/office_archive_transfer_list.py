import datetime

from odoo import fields, models
from odoo.exceptions import UserError


class OfficeArchiveTransferList(models.Model):
    _inherit = "office.archive.transfer.list"

    meeting_retention_id = fields.Many2one(
        "office.archive.retention",
        string="Retention of meeting files",
        default=lambda self: self.env.ref(
            "office_archive.retention_y", raise_if_not_found=False
        ),
        help="Retention period given to the meeting files (一会一档); change it "
        "item by item where the rules say otherwise.",
    )

    def _meetings_to_archive(self):
        """The department's meetings closed during the year, not archived
        yet (004 一(二)13: 重要会议应建立会议档案, 一会一档)."""
        self.ensure_one()
        start = datetime.datetime(self.year, 1, 1)
        end = datetime.datetime(self.year + 1, 1, 1)
        # the archive office files what it may not read otherwise, as the
        # documents bridge does; nothing is written to the meetings
        meetings = (
            self.env["office.meeting"]
            .sudo()
            .search(
                [
                    ("state", "=", "done"),
                    ("department_id", "=", self.department_id.id),
                    ("date_start", ">=", start),
                    ("date_start", "<", end),
                    ("company_id", "=", self.company_id.id),
                ],
                order="date_start, id",
            )
        )
        archived = (
            self.env["office.archive.item"]
            .sudo()
            .with_context(active_test=False)
            .search([("meeting_id", "in", meetings.ids)])
        )
        return meetings - archived.meeting_id

    def _meeting_note(self, meeting):
        """What the meeting file holds, for the item's remarks."""
        lines = [
            self.env._(
                "Plan, notice and participants: %(count)s invited, "
                "%(present)s present, %(excused)s excused, %(absent)s "
                "absent without leave.",
                count=meeting.attendee_count,
                present=meeting.present_count,
                excused=meeting.excused_count,
                absent=meeting.absent_count,
            ),
            self.env._(
                "Agenda items: %(items)s.",
                items="; ".join(meeting.topic_ids.mapped("title")) or "-",
            ),
        ]
        for decision in meeting.decision_ids:
            lines.append(
                self.env._(
                    "Decision: %(decision)s — %(state)s.",
                    decision=decision.display_name,
                    state=decision._workflow_state_label(decision.state),
                )
            )
        return "\n".join(lines)

    def _meeting_files(self, meeting):
        """The minutes as a PDF, the agenda items' materials and the files
        attached to the meeting (photos, recordings)."""
        report = self.env.ref("office_meeting.action_report_office_meeting_minutes")
        pdf, _type = report.sudo()._render_qweb_pdf(report.report_name, meeting.ids)
        files = [(f"{meeting.name}-minutes.pdf", pdf)]
        attachments = meeting.topic_ids.material_ids | self.env[
            "ir.attachment"
        ].sudo().search(
            [("res_model", "=", meeting._name), ("res_id", "=", meeting.id)]
        )
        files += [(a.name, a.raw) for a in attachments]
        return files

    def action_fill_from_meetings(self):
        """Add one item per closed meeting of the department and year, with
        its files; usable over XML-RPC. Returns the number of items added."""
        self.ensure_one()
        if self.state not in ("draft", "returned"):
            raise UserError(
                self.env._("Only a draft or returned transfer list can be filled.")
            )
        self.check_access("write")
        if not self.meeting_retention_id:
            raise UserError(
                self.env._("Choose the retention period of the meeting files first.")
            )
        meetings = self._meetings_to_archive()
        Item = self.env["office.archive.item"].sudo()
        Attachment = self.env["ir.attachment"].sudo()
        efiles = []
        for meeting in meetings:
            item = Item.create(
                {
                    "transfer_list_id": self.id,
                    "fonds_id": self.fonds_id.id,
                    "category_id": self.category_id.id,
                    "year": self.year,
                    "retention_id": self.meeting_retention_id.id,
                    "unit_id": self.unit_id.id,
                    "department_id": self.department_id.id,
                    "company_id": self.company_id.id,
                    "meeting_id": meeting.id,
                    "title": self.env._(
                        "%(kind)s: %(subject)s (meeting file)",
                        kind=meeting.kind_id.name,
                        subject=meeting.subject,
                    ),
                    "responsible": meeting.company_id.name,
                    "document_date": meeting.date_start.date(),
                    "carrier": "paper",
                    "note": self._meeting_note(meeting),
                }
            )
            for name, raw in self._meeting_files(meeting):
                if not raw:
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
        if meetings:
            self.sudo().message_post(
                body=self.env._(
                    "%(count)s meeting files added (一会一档).", count=len(meetings)
                ),
                subtype_xmlid="mail.mt_note",
            )
        return len(meetings)
