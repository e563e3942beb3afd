from odoo import fields, models
from odoo.exceptions import UserError


class OfficeMeeting(models.Model):
    _inherit = "office.meeting"

    minutes_document_id = fields.Many2one(
        "office.outgoing.document",
        string="Minutes document",
        readonly=True,
        copy=False,
        help="The 纪要 drafted from the minutes, numbered and signed like every "
        "outgoing document.",
    )

    def _do_close(self, **kwargs):
        """Each decision of a kind whose decisions are followed up becomes a
        supervision item (004 一(二)12: 会议议定事项的跟踪督办)."""
        res = super()._do_close(**kwargs)
        decisions = self.filtered("kind_id.follow_up_decisions").decision_ids
        decisions.filtered(
            lambda d: d.state == "open" and not d.supervision_id
        )._office_open_supervision()
        return res

    def action_draft_minutes_document(self):
        """Draft the 纪要 of a closed meeting as an outgoing document of type
        纪要, with the minutes as its body."""
        doc_type = self.env.ref("office_docs.document_type_minutes")
        for meeting in self:
            meeting._check_organizer()
            if meeting.state != "done":
                raise UserError(
                    self.env._(
                        "The minutes document is drafted once the meeting is closed."
                    )
                )
            if meeting.minutes_document_id:
                raise UserError(
                    self.env._(
                        "The minutes document of %(meeting)s is drafted already.",
                        meeting=meeting.display_name,
                    )
                )
            document = self.env["office.outgoing.document"].create(
                {
                    "title": self.env._(
                        "Minutes of the %(kind)s: %(subject)s",
                        kind=meeting.kind_id.name,
                        subject=meeting.subject,
                    ),
                    "type_id": doc_type.id,
                    "company_id": meeting.company_id.id,
                    "body_html": meeting.minutes,
                }
            )
            meeting.minutes_document_id = document
        return self.action_view_minutes_document()

    def action_view_minutes_document(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "office.outgoing.document",
            "res_id": self.minutes_document_id.id,
            "view_mode": "form",
        }
