from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import consteq
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)

ROLES = [
    ("chair", "Chair"),
    ("member", "Member"),
    ("attendee", "Attending"),
    ("recorder", "Recorder"),
    ("staff", "Meeting staff"),
]
ROLE_RANK = {"chair": 0, "member": 1, "attendee": 2, "recorder": 3, "staff": 4}

ATTENDANCE = [
    ("invited", "Invited"),
    ("excuse_requested", "Excuse asked"),
    ("excused", "Excused"),
    ("present", "Present"),
    ("absent", "Absent without leave"),
]


class OfficeMeetingAttendee(models.Model):
    """A participant of a meeting and his attendance (002 会议有关要求 1, 6):
    an absence only with the chair's approval before the meeting, naming a
    stand-in (代会); sign-in by the meeting's QR code or by the clerk; who
    neither signed in nor was excused is absent without leave (旷工) when the
    meeting closes.

    Rights: the participant asks to be excused and signs in with the QR code;
    the chair excuses; the organizer, the recorder and the office clerks
    sign people in; closing the meeting marks the absences."""

    _name = "office.meeting.attendee"
    _description = "Meeting Participant"
    _inherit = ["office.workflow.mixin"]
    _order = "meeting_id, seat_no, id"
    _workflow_transitions = {
        "request_excuse": {
            "from": ("invited",),
            "to": "excuse_requested",
            "label": _lt("ask to be excused"),
        },
        "excuse": {
            "from": ("excuse_requested",),
            "to": "excused",
            "label": _lt("excuse"),
        },
        "refuse_excuse": {
            "from": ("excuse_requested",),
            "to": "invited",
            "label": _lt("refuse the excuse"),
        },
        "sign_in": {
            "from": ("invited", "excuse_requested"),
            "to": "present",
            "label": _lt("sign in"),
        },
        "mark_absent": {
            "from": ("invited", "excuse_requested"),
            "to": "absent",
            "label": _lt("mark absent"),
        },
    }
    _workflow_editable_states = ("invited",)
    _workflow_deletable_states = ("invited",)
    _workflow_locked_fields = (
        "meeting_id",
        "user_id",
        "role",
        "stand_in_id",
        "excuse_reason",
    )
    _workflow_owner_field = "user_id"

    meeting_id = fields.Many2one(
        "office.meeting", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="meeting_id.company_id", store=True)
    date_start = fields.Datetime(related="meeting_id.date_start", store=True)
    date_end = fields.Datetime(related="meeting_id.date_end", store=True)
    meeting_state = fields.Selection(related="meeting_id.state", string="Meeting state")
    user_id = fields.Many2one(
        "res.users", string="Participant", required=True, index=True
    )
    department_id = fields.Many2one(
        "hr.department", compute="_compute_department_id", store=True
    )
    role = fields.Selection(ROLES, required=True, default="attendee")
    seat_no = fields.Integer(string="Seat")
    state = fields.Selection(
        ATTENDANCE,
        string="Attendance",
        default="invited",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    excuse_reason = fields.Char(string="Reason of absence")
    stand_in_id = fields.Many2one(
        "res.users",
        string="Stand-in",
        help="Who attends instead (002 会议有关要求 1: 经同意后方可安排代会).",
    )
    stands_in_for_id = fields.Many2one(
        "office.meeting.attendee", string="Stands in for", readonly=True
    )
    excused_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    signed_in_at = fields.Datetime(readonly=True, copy=False)
    sign_in_method = fields.Selection(
        [("qr", "QR code"), ("clerk", "Ticked by the clerk")],
        readonly=True,
        copy=False,
    )

    _sql_constraints = [
        (
            "meeting_user_uniq",
            "unique(meeting_id, user_id)",
            "A person is listed once per meeting.",
        ),
    ]

    def _workflow_check_write(self, vals):
        res = super()._workflow_check_write(vals)
        recorded = {
            "stands_in_for_id",
            "excused_by_id",
            "signed_in_at",
            "sign_in_method",
        } & set(vals)
        if recorded:
            raise UserError(
                self.env._("The attendance is recorded by the actions only.")
            )
        return res

    @api.depends("user_id")
    def _compute_department_id(self):
        for attendee in self:
            attendee.department_id = attendee.user_id.sudo().employee_id.department_id

    @api.depends("user_id", "meeting_id")
    def _compute_display_name(self):
        for attendee in self:
            attendee.display_name = attendee.user_id.name or ""

    def _seating_key(self):
        leader = self.user_id.has_group("office_base.group_office_leader")
        return (
            ROLE_RANK.get(self.role, 9),
            0 if leader else 1,
            self.department_id.complete_name or "",
            self.user_id.name or "",
        )

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        late = records.filtered(
            lambda a: (
                a.meeting_id.state not in ("draft", "approved", "notified")
                and not a.stands_in_for_id
            )
        )
        if late:
            raise UserError(
                self.env._(
                    "Participants are listed before the meeting: %(meeting)s is "
                    "“%(state)s”.",
                    meeting=late[:1].meeting_id.display_name,
                    state=late[:1].meeting_id._workflow_state_label(
                        late[:1].meeting_id.state
                    ),
                )
            )
        return records

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_request_excuse(self):
        return self._workflow_run("request_excuse")

    def action_excuse(self):
        return self._workflow_run("excuse")

    def action_refuse_excuse(self):
        return self._workflow_run("refuse_excuse")

    def action_sign_in(self):
        return self._workflow_run("sign_in")

    def sign_in(self, token=None):
        """Sign in; usable over XML-RPC. A participant signs himself in with
        the token of the meeting's QR code; the clerk ticks without it."""
        return self._workflow_run("sign_in", token=token)

    # ------------------------------------------------------------------
    # Transitions: checks and steps
    # ------------------------------------------------------------------

    def _check_before_meeting(self):
        now = self._workflow_now()
        if any(attendee.date_start <= now for attendee in self):
            raise UserError(
                self.env._("An absence is asked and approved before the meeting.")
            )

    def _check_can_request_excuse(self, **_kwargs):
        self._workflow_check_owner("request_excuse")
        self._check_before_meeting()
        for attendee in self:
            if not (attendee.excuse_reason or "").strip() or not attendee.stand_in_id:
                raise UserError(
                    self.env._(
                        "Give the reason of the absence and the stand-in who attends "
                        "instead."
                    )
                )

    def _check_chair(self):
        if any(self.env.user != attendee.meeting_id.chair_id for attendee in self):
            raise AccessError(
                self.env._("An absence is approved by the chair of the meeting.")
            )

    def _check_can_excuse(self, **_kwargs):
        self._check_chair()
        self._check_before_meeting()

    def _do_excuse(self, **_kwargs):
        self._workflow_set_state("excuse", {"excused_by_id": self.env.user.id})
        for attendee in self:
            meeting = attendee.meeting_id
            if attendee.stand_in_id in meeting.attendee_ids.user_id:
                continue
            # the stand-in takes the seat of the person excused
            self.create(
                {
                    "meeting_id": meeting.id,
                    "user_id": attendee.stand_in_id.id,
                    "role": attendee.role,
                    "seat_no": attendee.seat_no,
                    "stands_in_for_id": attendee.id,
                }
            )
        return True

    def _check_can_refuse_excuse(self, **_kwargs):
        self._check_chair()

    def _is_meeting_clerk(self, meeting):
        user = self.env.user
        return user.has_group("office_base.group_office_clerk") or user in (
            meeting.applicant_id | meeting.recorder_id | meeting.chair_id
        )

    def _check_can_sign_in(self, token=None, **_kwargs):
        for attendee in self:
            meeting = attendee.meeting_id
            if meeting.state not in ("notified", "held"):
                raise UserError(
                    self.env._(
                        "Sign-in opens once the notices of %(meeting)s are out.",
                        meeting=meeting.display_name,
                    )
                )
            if self._is_meeting_clerk(meeting):
                continue
            if attendee.user_id != self.env.user:
                raise AccessError(self.env._("You sign yourself in only."))
            expected = meeting.sudo().access_token or ""
            if not token or not consteq(str(token), expected):
                raise AccessError(
                    self.env._("Scan the QR code shown at the meeting to sign in.")
                )

    def _do_sign_in(self, token=None, **_kwargs):
        for attendee in self:
            own = attendee.user_id == self.env.user and token
            attendee._workflow_set_state(
                "sign_in",
                {
                    "signed_in_at": self._workflow_now(),
                    "sign_in_method": "qr" if own else "clerk",
                },
            )
        return True

    def _check_can_mark_absent(self, **_kwargs):
        for attendee in self:
            if attendee.meeting_id.state != "held":
                raise UserError(
                    self.env._("Absences are recorded when the meeting closes.")
                )
            if not self._is_meeting_clerk(attendee.meeting_id):
                raise AccessError(
                    self.env._("The organizer of the meeting records absences.")
                )

    def _do_mark_absent(self, **_kwargs):
        self._workflow_set_state("mark_absent")
        for attendee in self:
            attendee.meeting_id.message_post(
                body=self.env._(
                    "%(name)s was absent without leave.",
                    name=attendee.user_id.name,
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    # ------------------------------------------------------------------
    # Activities
    # ------------------------------------------------------------------

    def activity_update(self):
        """The chair decides each excuse asked."""
        xmlid = "office_meeting.mail_act_office_meeting_excuse"
        asked = self.filtered(lambda a: a.state == "excuse_requested")
        (self - asked).sudo().activity_unlink([xmlid])
        for attendee in asked:
            attendee._office_schedule_missing(
                xmlid,
                attendee.meeting_id.chair_id,
                summary=self.env._(
                    "%(name)s asks to be excused: %(reason)s",
                    name=attendee.user_id.name,
                    reason=attendee.excuse_reason,
                ),
            )
