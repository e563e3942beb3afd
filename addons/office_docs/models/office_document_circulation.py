from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools.translate import LazyTranslate

from odoo.addons.office_base.models.office_workflow_mixin import TRANSITION
from odoo.addons.office_base.tools import is_granted

_lt = LazyTranslate(__name__)


class OfficeDocumentCirculation(models.Model):
    """传阅: one reader of an incoming document, in order. The office hands
    the paper copy to each reader in turn (``action_hand_to_next_reader`` on
    the document); the reader marks it read, with an optional comment, and
    the copy goes back to the office — never straight to the next reader."""

    _name = "office.document.circulation"
    _inherit = ["office.workflow.mixin"]
    _description = "Document Circulation"
    _workflow_transitions = {
        # by the document's action_hand_to_next_reader
        "hand": {
            "from": ("pending",),
            "to": "current",
            "groups": ("office_base.group_office_clerk",),
            "label": _lt("hand over"),
        },
        "mark_read": {"from": ("current",), "to": "read", "label": _lt("mark read")},
        "read_with_comment": {
            "from": ("current",),
            "to": "read",
            "reason": True,
            "label": _lt("mark read with a comment"),
        },
    }
    _workflow_deletable_states = ("pending",)
    _order = "sequence, id"
    _rec_name = "reader_id"

    document_id = fields.Many2one(
        "office.incoming.document", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    reader_id = fields.Many2one("res.users", required=True, index=True)
    state = fields.Selection(
        [("pending", "Waiting"), ("current", "Reading"), ("read", "Read")],
        default="pending",
        required=True,
        index=True,
        copy=False,
    )
    handed_at = fields.Datetime(readonly=True, copy=False)
    read_at = fields.Datetime(readonly=True, copy=False)
    comment = fields.Text(readonly=True, copy=False)
    company_id = fields.Many2one(related="document_id.company_id", store=True)

    _sql_constraints = [
        (
            "reader_document_uniq",
            "unique(document_id, reader_id)",
            "A reader appears only once in the circulation of a document.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        if any(
            any(vals.get(name) for name in ("handed_at", "read_at", "comment"))
            for vals in vals_list
        ):
            raise UserError(
                self.env._("Readers mark a document read with their button.")
            )
        # the document's chatter records each hand-over and reading: a line
        # gets no creation message and no follower of its own (60 readers
        # would be 60 of each)
        lines = super(
            OfficeDocumentCirculation,
            self.with_context(mail_create_nolog=True, mail_create_nosubscribe=True),
        ).create(vals_list)
        lines._check_editable()
        return lines.with_env(self.env)

    def write(self, vals):
        if not is_granted(TRANSITION, self):
            self._check_editable()
            if set(vals) - {"sequence", "reader_id"}:
                raise UserError(
                    self.env._("Readers mark a document read with their button.")
                )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_started(self):
        self._check_editable()

    def _check_editable(self):
        if not self.env.user.has_group("office_base.group_office_clerk"):
            raise AccessError(self.env._("Only the office sets the readers."))
        if self.filtered(lambda c: c.state != "pending"):
            raise UserError(
                self.env._("A reader who has received the document stays on the list.")
            )
        if self.document_id.filtered(lambda d: d.state in ("closed", "returned")):
            raise UserError(self.env._("The circulation of this document is over."))

    def action_mark_read(self, comment=None):
        """The reader has read the document and gives it back to the office."""
        if comment:
            return self._workflow_run("read_with_comment", reason=comment)
        return self._workflow_run("mark_read")

    def action_read_with_comment(self):
        """Ask for the optional reading comment, then mark read."""
        return self._workflow_run("read_with_comment")

    def _do_hand(self):
        self._workflow_set_state("hand", {"handed_at": fields.Datetime.now()})

    def _check_can_mark_read(self, **_kwargs):
        for line in self:
            if line.reader_id != self.env.user:
                raise AccessError(
                    self.env._(
                        "Only %(reader)s can mark this reading done.",
                        reader=line.reader_id.name,
                    )
                )

    _check_can_read_with_comment = _check_can_mark_read

    def _do_read_with_comment(self, reason=None):
        self._do_mark_read(reason, verb="read_with_comment")

    def _do_mark_read(self, comment=None, verb="mark_read"):
        now = fields.Datetime.now()
        for line in self:
            line._workflow_set_state(
                verb, {"read_at": now, "comment": comment or False}
            )
            document = line.document_id
            document._office_done(
                (
                    "office_docs.mail_act_incoming_read",
                    "office_docs.mail_act_incoming_chase",
                ),
                users=line.reader_id,
            )
            if comment:
                body = self.env._(
                    "Read by %(reader)s: %(comment)s",
                    reader=line.reader_id.name,
                    comment=comment,
                )
            else:
                body = self.env._("Read by %(reader)s.", reader=line.reader_id.name)
            document._office_log(body)
            pending = document.sudo().circulation_ids.filtered(
                lambda c: c.state == "pending"
            )
            document._office_schedule(
                "office_docs.mail_act_incoming_read_back",
                document.registered_by_id,
                summary=(
                    self.env._("Hand to the next reader")
                    if pending
                    else self.env._("Circulation complete: close the document")
                ),
            )
