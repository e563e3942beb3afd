from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)

DECISION_STATES = [
    ("open", "Being carried out"),
    ("done", "Closed"),
    ("cancel", "Cancelled"),
]


class OfficeMeetingDecision(models.Model):
    """A decision of a meeting (议定事项): an owner department and person, a
    deadline in working days of the office calendar, its state listed in the
    next meeting of the kind until it is closed (004 一(二)12: 会议议定事项的
    跟踪督办认真及时到位, 按照时限要求, 及时报告完成情况).

    Rights: the organizer, the chair and the office clerks record decisions
    while the meeting is in session; the owner or the office closes a
    decision with its result; the office director cancels or reopens one."""

    _name = "office.meeting.decision"
    _description = "Meeting Decision"
    _inherit = ["office.workflow.mixin"]
    _order = "date_deadline, id"
    _check_company_auto = True
    _workflow_transitions = {
        # the reason asked is the result reported
        "close": {
            "from": ("open",),
            "to": "done",
            "reason": True,
            "label": _lt("close"),
        },
        "cancel": {
            "from": ("open",),
            "to": "cancel",
            "groups": ("office_base.group_office_director",),
            "reason": True,
            "label": _lt("cancel"),
        },
        "reopen": {
            "from": ("done", "cancel"),
            "to": "open",
            "groups": ("office_base.group_office_director",),
            "reason": True,
            "label": _lt("reopen"),
        },
    }
    _workflow_editable_states = ("open",)
    _workflow_deletable_states = ()
    _workflow_locked_fields = (
        "name",
        "meeting_id",
        "topic_id",
        "department_id",
        "owner_id",
        "deadline_days",
        "date_deadline",
    )

    name = fields.Text(string="Decision", required=True, tracking=True)
    meeting_id = fields.Many2one(
        "office.meeting", required=True, index=True, ondelete="restrict"
    )
    company_id = fields.Many2one(
        related="meeting_id.company_id", store=True, index=True
    )
    kind_id = fields.Many2one(
        related="meeting_id.kind_id", store=True, index=True, string="Meeting kind"
    )
    meeting_date = fields.Datetime(
        related="meeting_id.date_start", store=True, string="Decided on"
    )
    topic_id = fields.Many2one(
        "office.meeting.topic",
        string="Agenda item",
        domain="[('meeting_id', '=', meeting_id)]",
        check_company=True,
    )
    department_id = fields.Many2one(
        "hr.department", string="Owner department", required=True, tracking=True
    )
    owner_id = fields.Many2one(
        "res.users",
        required=True,
        tracking=True,
        index=True,
        help="Who carries the decision out and reports its completion.",
    )
    deadline_days = fields.Integer(
        string="Deadline (working days)",
        default=lambda self: self.env.company.office_meeting_decision_days,
        help="Working days of the office calendar from the meeting.",
    )
    date_deadline = fields.Date(
        string="Deadline",
        compute="_compute_date_deadline",
        store=True,
        readonly=False,
        tracking=True,
        index=True,
    )
    state = fields.Selection(
        DECISION_STATES,
        default="open",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    result = fields.Text(readonly=True, copy=False, tracking=True)
    date_done = fields.Date(string="Closed on", readonly=True, copy=False)
    is_overdue = fields.Boolean(
        compute="_compute_is_overdue", search="_search_is_overdue"
    )

    @api.depends("meeting_id.date_start", "deadline_days")
    def _compute_date_deadline(self):
        calendar = self.env["office.calendar"]
        for decision in self:
            start = decision.meeting_id.date_start
            if start:
                day = fields.Datetime.context_timestamp(decision, start).date()
                decision.date_deadline = calendar.add_working_days(
                    day, decision.deadline_days, decision.company_id
                )

    def _compute_is_overdue(self):
        today = self.env["office.calendar"].today()
        for decision in self:
            decision.is_overdue = bool(
                decision.state == "open"
                and decision.date_deadline
                and decision.date_deadline < today
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on overdue decisions."))
        today = self.env["office.calendar"].today()
        domain = [("state", "=", "open"), ("date_deadline", "<", today)]
        if (operator == "=") == value:
            return domain
        return ["!", "&", *domain]

    @api.constrains("deadline_days")
    def _check_deadline_days(self):
        if any(decision.deadline_days <= 0 for decision in self):
            raise ValidationError(
                self.env._("A decision is carried out within one working day at least.")
            )

    @api.depends("name", "meeting_id")
    def _compute_display_name(self):
        for decision in self:
            text = (decision.name or "").splitlines()[0] if decision.name else ""
            decision.display_name = text[:80]

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        for decision in records:
            meeting = decision.meeting_id
            if meeting.state != "held":
                raise UserError(
                    self.env._(
                        "Decisions are recorded while the meeting is in session: "
                        "%(meeting)s is “%(state)s”.",
                        meeting=meeting.display_name,
                        state=meeting._workflow_state_label(meeting.state),
                    )
                )
            if not (
                self.env.user.has_group("office_base.group_office_clerk")
                or meeting._is_organizer()
                or self.env.user == meeting.recorder_id
            ):
                raise AccessError(
                    self.env._("The organizer or the recorder writes the decisions.")
                )
        return records

    def _workflow_check_write(self, vals):
        res = super()._workflow_check_write(vals)
        if {"result", "date_done"} & set(vals):
            raise UserError(
                self.env._("A decision is closed with its result by its action.")
            )
        return res

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def close(self, result):
        """Close the decision with its result; usable over XML-RPC."""
        return self._workflow_run("close", reason=result)

    def action_close(self):
        return self._workflow_run("close")

    def action_cancel(self):
        return self._workflow_run("cancel")

    def action_reopen(self):
        return self._workflow_run("reopen")

    # ------------------------------------------------------------------
    # Transitions: checks and steps
    # ------------------------------------------------------------------

    def _check_can_close(self, reason=None, **_kwargs):
        user = self.env.user
        if user.has_group("office_base.group_office_clerk"):
            return
        if any(decision.owner_id != user for decision in self):
            raise AccessError(self.env._("The owner or the office closes a decision."))

    def _do_close(self, reason=None, **_kwargs):
        return self._workflow_set_state(
            "close",
            {"result": reason, "date_done": self.env["office.calendar"].today()},
            reason=reason,
        )

    def _do_reopen(self, reason=None, **_kwargs):
        return self._workflow_set_state(
            "reopen", {"date_done": False, "result": False}, reason=reason
        )

    # ------------------------------------------------------------------
    # Activities and crons
    # ------------------------------------------------------------------

    def activity_update(self):
        """The owner carries out each open decision by its deadline."""
        xmlid = "office_meeting.mail_act_office_meeting_decision"
        open_ = self.filtered(lambda d: d.state == "open")
        (self - open_).sudo().activity_feedback([xmlid])
        for decision in open_:
            decision._office_schedule_missing(
                xmlid,
                decision.owner_id,
                deadline=decision.date_deadline,
                summary=self.env._(
                    "Carry out: %(decision)s", decision=decision.display_name
                ),
            )

    @api.model
    def _cron_overdue(self, limit=500):
        """The office director is told of each decision past its deadline
        (004 一(二)12: 不得出现延误、漏办情形)."""
        directors = self.env.ref("office_base.group_office_director").users.filtered(
            lambda u: not u.share and not u.has_group("base.group_system")
        )
        return self._office_remind(
            [("is_overdue", "=", True)],
            "office_meeting.mail_act_office_meeting_overdue",
            lambda decision: directors,
            deadline_field="date_deadline",
            summary=lambda decision: self.env._(
                "Overdue decision: %(decision)s", decision=decision.display_name
            ),
            limit=limit,
        ).ids
