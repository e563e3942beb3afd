import uuid
from urllib.parse import quote

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL
from odoo.tools.translate import LazyTranslate

from odoo.addons.office_base.models.office_request_mixin import request_transitions
from odoo.addons.office_base.tools import granted, is_granted

_lt = LazyTranslate(__name__)

CLERK = "office_base.group_office_clerk"
LEADER = "office_base.group_office_leader"

MEETING_STATES = [
    ("draft", "Draft"),
    ("to_approve", "Plan to approve"),
    ("approved", "Plan approved"),
    ("notified", "Notified"),
    ("held", "In session"),
    ("done", "Closed"),
    ("refused", "Refused"),
    ("cancel", "Cancelled"),
]

#: Python-only permission of the meeting's own records (a leader's
#: clearance, the news check): never a context key
MEETING_RECORD = "office_meeting_record"
#: written by the meeting's actions only
RECORDED_FIELDS = (
    "statement_cleared_by_ids",
    "news_checked_by_id",
    "minutes_signed_by_id",
    "calendar_event_id",
    "access_token",
)

#: the states in which a meeting holds its room
BOOKING_STATES = ("draft", "to_approve", "approved", "notified", "held", "done")


class OfficeMeeting(models.Model):
    """A meeting of the agency, from its plan (会议方案) to its minutes (纪要)
    and the follow-up of its decisions (002 篇4 机关会议制度; 004 一(二)).

    The plan is approved by a leader before the notices go out; a meeting
    summoning the principal heads of more townships or departments than the
    company's threshold goes through the office director, then the principal
    leader (004 一(二)1) — ``tier.definition`` records. The room is booked
    without overlaps by a PostgreSQL exclusion constraint, which holds for two
    clerks booking at the same moment. A special meeting over its kind's
    limits is refused and offered the conversion to the kind's "hold instead
    as" (002 篇4 专项工作会议).

    Rights (transitions of ``office.workflow.mixin``, checked for the acting
    user, superuser or not):

    ================  ==========================  ===========================
    who               read                        act
    ================  ==========================  ===========================
    staff             meetings they attend        sign in, ask to be excused
    organizer         all (office clerks)         create, submit, notify,
    (clerk)                                       open, cancel, reset
    reviewers         what they review            approve, refuse the plan
    chair             all (leaders)               excuse absences, open,
                                                  close with the minutes
    office director   all                         all
    ================  ==========================  ===========================
    """

    _name = "office.meeting"
    _description = "Meeting"
    _inherit = ["office.request.mixin"]
    _order = "date_start desc, id desc"
    _check_company_auto = True
    _workflow_sequence_code = "office.meeting"
    _workflow_transitions = request_transitions(
        cancel={
            "from": ("draft", "to_approve", "approved", "notified"),
            "reason": True,
        },
        notify={
            "from": ("approved",),
            "to": "notified",
            "owner": True,
            "label": _lt("notify"),
        },
        hold={"from": ("notified",), "to": "held", "label": _lt("open")},
        close={"from": ("held",), "to": "done", "label": _lt("close")},
    )
    _workflow_locked_fields = (
        "kind_id",
        "chair_id",
        "plan_leader_id",
        "plan",
        "summoned_heads",
        "date_start",
        "date_end",
        "room_id",
        "location",
        "company_id",
        "applicant_id",
        "major_statement",
    )

    applicant_id = fields.Many2one(string="Organizer")
    subject = fields.Char(required=True, tracking=True)
    kind_id = fields.Many2one(
        "office.meeting.kind",
        required=True,
        tracking=True,
        index=True,
        ondelete="restrict",
    )
    state = fields.Selection(
        MEETING_STATES,
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    chair_id = fields.Many2one(
        "res.users",
        required=True,
        tracking=True,
        domain=lambda self: [("groups_id", "in", self.env.ref(LEADER).id)],
        help="Who convenes and chairs the meeting; he approves absences.",
    )
    recorder_id = fields.Many2one(
        "res.users",
        tracking=True,
        help="Who keeps the record (002 篇4 党组会议: 明确一名班子成员负责记录).",
    )
    plan_leader_id = fields.Many2one(
        "res.users",
        string="Plan approved by",
        compute="_compute_plan_leader_id",
        store=True,
        readonly=False,
        tracking=True,
        domain=lambda self: [("groups_id", "in", self.env.ref(LEADER).id)],
        help="The leader who approves the plan before the notices go out (004 一"
        "(二)1: 提前拟定会议方案, 经本单位领导批准后方可召开).",
    )
    date_start = fields.Datetime(
        string="Starts", required=True, tracking=True, index=True
    )
    date_end = fields.Datetime(string="Ends", required=True, tracking=True)
    room_id = fields.Many2one(
        "office.meeting.room",
        tracking=True,
        index=True,
        check_company=True,
        ondelete="restrict",
    )
    location = fields.Char(help="Where the meeting is held outside the rooms.")
    plan = fields.Html(help="会议方案: agenda, participants, logistics.")
    banner = fields.Char(string="Banner text", help="会标.")
    summoned_heads = fields.Integer(
        string="Principal heads summoned",
        help="How many principal heads of townships or departments are summoned.",
    )
    summons_many_heads = fields.Boolean(
        compute="_compute_summons_many_heads",
        store=True,
        help="More principal heads summoned than the company's threshold: the "
        "office director, then the principal leader approve the plan.",
    )
    attendee_ids = fields.One2many(
        "office.meeting.attendee", "meeting_id", string="Participants", copy=True
    )
    attendee_count = fields.Integer(compute="_compute_attendee_counts")
    present_count = fields.Integer(string="Present", compute="_compute_attendee_counts")
    excused_count = fields.Integer(string="Excused", compute="_compute_attendee_counts")
    absent_count = fields.Integer(
        string="Absent without leave", compute="_compute_attendee_counts"
    )
    topic_ids = fields.One2many(
        "office.meeting.topic", "meeting_id", string="Agenda items", readonly=True
    )
    topic_count = fields.Integer(compute="_compute_topic_count")
    needs_conversion = fields.Boolean(compute="_compute_needs_conversion")
    decision_ids = fields.One2many(
        "office.meeting.decision", "meeting_id", string="Decisions"
    )
    decision_count = fields.Integer(compute="_compute_decision_count")
    followup_decision_ids = fields.Many2many(
        "office.meeting.decision",
        string="Earlier decisions followed up",
        compute="_compute_followup_decision_ids",
        help="Decisions of earlier meetings of the kind still open, or closed since "
        "the last one (004 一(二)12).",
    )
    minutes = fields.Html(help="The record or 纪要 of the meeting.")
    minutes_signed_by_id = fields.Many2one(
        "res.users", string="Minutes signed by", readonly=True, copy=False
    )
    news_text = fields.Text(string="News release")
    news_checked_by_id = fields.Many2one(
        "res.users",
        string="News checked by",
        readonly=True,
        copy=False,
        help="News of an important meeting is released once the leader in charge "
        "or the general section has checked it (004 一(二)6).",
    )
    is_external = fields.Boolean(related="kind_id.is_external")
    external_organizer = fields.Char(
        string="Convened by", help="The organ that convenes an external meeting."
    )
    major_statement = fields.Boolean(
        string="Statement on a major matter",
        tracking=True,
        help="The agency speaks on a major matter at the external meeting: the "
        "statement is cleared beforehand with the leader in charge and the "
        "principal leader (003 第二十一条).",
    )
    statement_cleared_by_ids = fields.Many2many(
        "res.users",
        "office_meeting_statement_clearance_rel",
        "meeting_id",
        "user_id",
        string="Statement cleared by",
        readonly=True,
        copy=False,
    )
    calendar_event_id = fields.Many2one(
        "calendar.event", string="Calendar event", readonly=True, copy=False
    )
    access_token = fields.Char(
        copy=False,
        default=lambda self: uuid.uuid4().hex,
        groups="office_base.group_office_clerk,office_base.group_office_leader",
    )
    sign_in_url = fields.Char(
        compute="_compute_sign_in_url",
        groups="office_base.group_office_clerk,office_base.group_office_leader",
    )
    sign_in_qr = fields.Char(
        string="Sign-in QR code",
        compute="_compute_sign_in_url",
        groups="office_base.group_office_clerk,office_base.group_office_leader",
    )

    _sql_constraints = [
        (
            "room_booking_no_overlap",
            "EXCLUDE USING gist (int4range(room_id, room_id, '[]') WITH &&, "
            "tsrange(date_start, date_end) WITH &&) WHERE (room_id IS NOT NULL "
            "AND state NOT IN ('refused', 'cancel'))",
            "The room is already booked for an overlapping time: choose another "
            "room or another time.",
        ),
        (
            "dates_in_order",
            "CHECK (date_end > date_start)",
            "A meeting ends after it starts: check the times.",
        ),
    ]

    # ------------------------------------------------------------------
    # Computes and constraints
    # ------------------------------------------------------------------

    @api.depends("chair_id")
    def _compute_plan_leader_id(self):
        for meeting in self:
            meeting.plan_leader_id = meeting.plan_leader_id or meeting.chair_id

    @api.depends("summoned_heads", "company_id.office_meeting_summons_threshold")
    def _compute_summons_many_heads(self):
        for meeting in self:
            meeting.summons_many_heads = (
                meeting.summoned_heads
                > meeting.company_id.office_meeting_summons_threshold
            )

    @api.depends("attendee_ids.state")
    def _compute_attendee_counts(self):
        for meeting in self:
            states = meeting.attendee_ids.mapped("state")
            meeting.attendee_count = len(states)
            meeting.present_count = states.count("present")
            meeting.excused_count = states.count("excused")
            meeting.absent_count = states.count("absent")

    @api.depends("topic_ids")
    def _compute_topic_count(self):
        for meeting in self:
            meeting.topic_count = len(meeting.topic_ids)

    @api.depends("decision_ids")
    def _compute_decision_count(self):
        for meeting in self:
            meeting.decision_count = len(meeting.decision_ids)

    @api.depends("kind_id", "topic_ids", "attendee_ids.user_id")
    def _compute_needs_conversion(self):
        for meeting in self:
            meeting.needs_conversion = bool(
                meeting.state == "draft"
                and meeting.kind_id.convert_to_id
                and meeting._over_limits()
            )

    @api.depends("kind_id", "date_start")
    def _compute_followup_decision_ids(self):
        Decision = self.env["office.meeting.decision"]
        for meeting in self:
            if not (meeting.kind_id.follow_up_decisions and meeting.date_start):
                meeting.followup_decision_ids = Decision
                continue
            previous = self.search(
                [
                    ("kind_id", "=", meeting.kind_id.id),
                    ("company_id", "=", meeting.company_id.id),
                    ("date_start", "<", meeting.date_start),
                    ("state", "in", ("held", "done")),
                ],
                order="date_start desc",
                limit=1,
            )
            since = previous.date_start.date() if previous else meeting.date_start
            meeting.followup_decision_ids = Decision.search(
                [
                    ("kind_id", "=", meeting.kind_id.id),
                    ("company_id", "=", meeting.company_id.id),
                    ("meeting_date", "<", meeting.date_start),
                    "|",
                    ("state", "=", "open"),
                    ("date_done", ">=", since),
                ]
            )

    def _compute_sign_in_url(self):
        base = self.get_base_url()
        for meeting in self:
            if meeting.id and meeting.access_token:
                url = (
                    f"{base}/office_meeting/sign_in/{meeting.id}/{meeting.access_token}"
                )
                meeting.sign_in_url = url
                meeting.sign_in_qr = (
                    "/report/barcode/?barcode_type=QR&width=300&height=300&value="
                    + quote(url, safe="")
                )
            else:
                meeting.sign_in_url = meeting.sign_in_qr = False

    @api.depends("name", "subject")
    def _compute_display_name(self):
        for meeting in self:
            meeting.display_name = " ".join(
                part for part in (meeting.name, meeting.subject) if part
            )

    def _check_booking(self, vals_list):
        """Refuse bad times and a room booked by another meeting, with a clear
        message, before the row is written (the table's check and exclusion
        constraints would refuse it with a generic one; the exclusion
        constraint is what holds between concurrent transactions)."""
        BOOKINGS = ("room_id", "date_start", "date_end")
        # pending changes of other meetings (a cancellation) count
        self.flush_model([*BOOKINGS, "state"])
        for vals in vals_list:
            start = fields.Datetime.to_datetime(vals.get("date_start"))
            end = fields.Datetime.to_datetime(vals.get("date_end"))
            if start and end and end <= start:
                raise ValidationError(
                    self.env._("A meeting ends after it starts: check the times.")
                )
            room = self.env["office.meeting.room"].browse(vals.get("room_id"))
            if not (room and start and end):
                continue
            if vals.get("state", "draft") not in BOOKING_STATES:
                continue
            self.env.cr.execute(
                SQL(
                    """SELECT name FROM office_meeting
                       WHERE room_id = %s AND id != %s AND state = ANY(%s)
                         AND date_start < %s AND date_end > %s
                       ORDER BY date_start LIMIT 1""",
                    room.id,
                    vals.get("id") or 0,
                    list(BOOKING_STATES),
                    end,
                    start,
                )
            )
            row = self.env.cr.fetchone()
            if row:
                raise ValidationError(
                    self.env._(
                        "The room %(room)s is already booked by %(other)s for an "
                        "overlapping time: choose another room or another time.",
                        room=room.name,
                        other=row[0],
                    )
                )

    @api.constrains("summoned_heads")
    def _check_summoned_heads(self):
        if any(meeting.summoned_heads < 0 for meeting in self):
            raise ValidationError(
                self.env._("The number of principal heads cannot be negative.")
            )

    def _leader_share(self):
        """The share (%) of the agency's leaders among the participants."""
        self.ensure_one()
        leaders = self.env["res.users"].search(
            [
                ("groups_id", "in", self.env.ref(LEADER).id),
                ("share", "=", False),
                ("company_ids", "in", self.company_id.id),
            ]
        )
        if not leaders:
            return 0
        present = self.attendee_ids.user_id & leaders
        return 100 * len(present) // len(leaders)

    def _over_limits(self, extra_topics=0):
        self.ensure_one()
        return self.kind_id._over_limits(
            len(self.topic_ids) + extra_topics, self._leader_share()
        )

    def _check_limits(self, extra_topics=0):
        """Refuse a meeting over its kind's limits, offering the conversion."""
        for meeting in self:
            why = meeting._over_limits(extra_topics)
            if not why:
                continue
            target = meeting.kind_id.convert_to_id
            raise UserError(
                self.env._(
                    "“%(meeting)s” cannot be held as it is: %(why)s.%(offer)s",
                    meeting=meeting.display_name,
                    why=why,
                    offer=self.env._(
                        " Convert it to a %(kind)s (button “Convert”) and place "
                        "the topics there.",
                        kind=target.name,
                    )
                    if target
                    else "",
                )
            )

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        self._check_booking(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        if {"room_id", "date_start", "date_end", "state"} & set(vals):
            self._check_booking(
                [
                    {
                        "id": meeting.id,
                        "room_id": vals.get("room_id", meeting.room_id.id),
                        "date_start": vals.get("date_start", meeting.date_start),
                        "date_end": vals.get("date_end", meeting.date_end),
                        "state": vals.get("state", meeting.state),
                    }
                    for meeting in self
                ]
            )
        return super().write(vals)

    def _workflow_check_write(self, vals):
        res = super()._workflow_check_write(vals)
        recorded = set(vals) & set(RECORDED_FIELDS)
        if recorded and not is_granted(MEETING_RECORD, self):
            raise UserError(
                self.env._(
                    "%(fields)s of a meeting are recorded by its actions only.",
                    fields=", ".join(
                        self._fields[name]._description_string(self.env)
                        for name in sorted(recorded)
                    ),
                )
            )
        if "minutes" in vals:
            closed = self.filtered(lambda m: m.state in ("done", "cancel", "refused"))
            if closed:
                raise UserError(
                    self.env._(
                        "The minutes of %(meeting)s are signed: they are no longer "
                        "changed.",
                        meeting=closed[:1].display_name,
                    )
                )
        return res

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_notify(self):
        return self._workflow_run("notify")

    def action_hold(self):
        return self._workflow_run("hold")

    def action_close(self):
        return self._workflow_run("close")

    def action_convert(self):
        """Convert a draft meeting over its kind's limits to the kind it
        must be held as (002 篇4 专项工作会议)."""
        for meeting in self:
            meeting._workflow_check_owner("submit")
            target = meeting.kind_id.convert_to_id
            if meeting.state != "draft" or not target:
                raise UserError(
                    self.env._(
                        "Only a draft meeting of a kind with a “hold instead as” "
                        "kind is converted."
                    )
                )
            old = meeting.kind_id.name
            meeting.kind_id = target
            meeting.message_post(
                body=self.env._(
                    "Converted from %(old)s to %(new)s by %(user)s: choose its chair "
                    "again if needed.",
                    old=old,
                    new=target.name,
                    user=self.env.user.name,
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def action_check_news(self):
        """The leader in charge or the office checks the news release."""
        for meeting in self:
            if not (
                self.env.user.has_group(LEADER)
                or self.env.user.has_group("office_base.group_office_director")
            ):
                raise AccessError(
                    self.env._(
                        "The news of a meeting is checked by a leader or the office "
                        "director."
                    )
                )
            if not (meeting.news_text or "").strip():
                raise UserError(self.env._("Write the news release first."))
            with granted(MEETING_RECORD, meeting):
                meeting.news_checked_by_id = self.env.user
        return True

    def action_clear_statement(self):
        """A leader clears the statement the agency makes at an external
        meeting (003 第二十一条)."""
        if not self.env.user.has_group(LEADER):
            raise AccessError(self.env._("A statement is cleared by the leaders."))
        for meeting in self:
            if not (meeting.is_external and meeting.major_statement):
                raise UserError(
                    self.env._("Only a statement on a major matter is cleared.")
                )
            if meeting.state in ("done", "cancel", "refused"):
                raise UserError(self.env._("The meeting is over."))
            with granted(MEETING_RECORD, meeting):
                meeting.statement_cleared_by_ids = [
                    fields.Command.link(self.env.user.id)
                ]
            meeting.message_post(
                body=self.env._(
                    "Statement cleared by %(user)s.", user=self.env.user.name
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def action_arrange_seats(self):
        """Number the seats by rank and unit (004 一(二)7)."""
        self._check_organizer()
        for meeting in self:
            ordered = meeting.attendee_ids.sorted(lambda a: a._seating_key())
            for seat, attendee in enumerate(ordered, start=1):
                attendee.seat_no = seat
        return True

    def action_view_decisions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "office_meeting.office_meeting_decision_action"
        )
        action["domain"] = [("meeting_id", "=", self.id)]
        action["context"] = {"default_meeting_id": self.id}
        return action

    def action_view_topics(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "office_meeting.office_meeting_topic_action"
        )
        action["domain"] = [("meeting_id", "=", self.id)]
        action["context"] = {}
        return action

    # ------------------------------------------------------------------
    # Transitions: checks and steps
    # ------------------------------------------------------------------

    def _is_organizer(self):
        user = self.env.user
        return user.has_group("office_base.group_office_director") or all(
            user in (m.applicant_id | m.chair_id) for m in self
        )

    def _check_organizer(self):
        if not self._is_organizer():
            raise AccessError(
                self.env._("Only the organizer or the chair runs the meeting.")
            )

    def _check_can_submit(self, **_kwargs):
        for meeting in self:
            group = meeting.kind_id.chair_group_id
            if group and group not in meeting.chair_id.groups_id:
                raise UserError(
                    self.env._(
                        "A %(kind)s is chaired by a member of “%(group)s”: "
                        "%(chair)s is not.",
                        kind=meeting.kind_id.name,
                        group=group.name,
                        chair=meeting.chair_id.name,
                    )
                )
            if not meeting.room_id and not meeting.location:
                raise UserError(
                    self.env._("Choose the room or write where the meeting is held.")
                )
            if not meeting.attendee_ids:
                raise UserError(self.env._("List the participants of the meeting."))
            if meeting.room_id and meeting.attendee_count > meeting.room_id.capacity:
                raise UserError(
                    self.env._(
                        "The room %(room)s seats %(capacity)s: %(count)s are invited.",
                        room=meeting.room_id.name,
                        capacity=meeting.room_id.capacity,
                        count=meeting.attendee_count,
                    )
                )
        self._check_limits()

    def _check_can_notify(self, at=None, **_kwargs):
        # `at`: the moment of the notice, from Python only (demo data)
        now = fields.Datetime.to_datetime(at) or self._workflow_now()
        for meeting in self:
            if meeting.date_start <= now:
                raise UserError(
                    self.env._(
                        "%(meeting)s has started already: the notice is late.",
                        meeting=meeting.display_name,
                    )
                )

    def _do_notify(self, **kwargs):
        """The notice: a calendar event for every participant (with the
        invitation mail of Odoo calendar) and a message in the chatter."""
        for meeting in self:
            partners = meeting.attendee_ids.user_id.partner_id
            event = self.env["calendar.event"].create(
                {
                    "name": meeting.subject,
                    "start": meeting.date_start,
                    "stop": meeting.date_end,
                    "location": meeting.room_id.name or meeting.location,
                    "user_id": meeting.applicant_id.id,
                    "partner_ids": [fields.Command.set(partners.ids)],
                    "res_model_id": self.env["ir.model"]._get_id(self._name),
                    "res_id": meeting.id,
                    "description": meeting.kind_id.name,
                }
            )
            meeting._workflow_set_state("notify", {"calendar_event_id": event.id})
            meeting.message_post(
                body=self.env._(
                    "Notice of %(kind)s “%(subject)s”: %(when)s, %(where)s.",
                    kind=meeting.kind_id.name,
                    subject=meeting.subject,
                    when=fields.Datetime.context_timestamp(
                        meeting, meeting.date_start
                    ).strftime("%Y-%m-%d %H:%M"),
                    where=meeting.room_id.name or meeting.location,
                ),
                subtype_xmlid="mail.mt_comment",
                partner_ids=partners.ids,
            )
        return True

    def _check_can_hold(self, **_kwargs):
        self._check_organizer()
        principal = self.env.ref("office_base.group_office_principal")
        for meeting in self.filtered(lambda m: m.is_external and m.major_statement):
            cleared = meeting.statement_cleared_by_ids
            if not (
                cleared.filtered(lambda u: principal in u.groups_id)
                and cleared.filtered(lambda u: principal not in u.groups_id)
            ):
                raise UserError(
                    self.env._(
                        "The statement at %(meeting)s is cleared beforehand with "
                        "the leader in charge and the principal leader.",
                        meeting=meeting.display_name,
                    )
                )

    def _check_can_close(self, **_kwargs):
        for meeting in self:
            if meeting.kind_id.chair_signs_minutes:
                if self.env.user != meeting.chair_id:
                    raise AccessError(
                        self.env._(
                            "The minutes of a %(kind)s are signed by its chair.",
                            kind=meeting.kind_id.name,
                        )
                    )
            else:
                meeting._check_organizer()
            if not meeting._minutes_written():
                raise UserError(
                    self.env._(
                        "Write the written report of %(meeting)s before closing it.",
                        meeting=meeting.display_name,
                    )
                    if meeting.is_external
                    else self.env._(
                        "Write the minutes of %(meeting)s before closing it.",
                        meeting=meeting.display_name,
                    )
                )

    def _minutes_written(self):
        self.ensure_one()
        text = self.minutes or ""
        return bool(str(text).replace("<p>", "").replace("</p>", "").strip())

    def _do_close(self, **kwargs):
        """Who did not sign in and was not excused is absent without leave
        (002 会议有关要求 6: 无故缺席会议的视为旷工); the topics are discussed;
        secret materials are to be recalled."""
        for meeting in self:
            missing = meeting.attendee_ids.filtered(
                lambda a: a.state in ("invited", "excuse_requested")
            )
            if missing:
                missing._workflow_run("mark_absent")
            topics = meeting.topic_ids.filtered(lambda t: t.state == "scheduled")
            if topics:
                topics._workflow_run("discuss")
            meeting._workflow_set_state(
                "close", {"minutes_signed_by_id": self.env.user.id}
            )
        return True

    def _do_cancel(self, reason=None, **kwargs):
        events = self.calendar_event_id
        self._office_reset_reviews()
        self._workflow_set_state("cancel", {"calendar_event_id": False}, reason=reason)
        topics = self.topic_ids.filtered(lambda t: t.state == "scheduled")
        if topics:
            topics._workflow_run("unschedule")
        events.unlink()
        return True

    def _do_draft(self, vals=None, **kwargs):
        return super()._do_draft({"minutes_signed_by_id": False}, **kwargs)

    # ------------------------------------------------------------------
    # Activities
    # ------------------------------------------------------------------

    def activity_update(self):
        """The organizer sends the notices of an approved meeting."""
        xmlid = "office_meeting.mail_act_office_meeting_notify"
        approved = self.filtered(lambda m: m.state == "approved")
        (self - approved).sudo().activity_unlink([xmlid])
        for meeting in approved:
            meeting._office_schedule_missing(
                xmlid,
                meeting.applicant_id,
                summary=self.env._(
                    "Send the notices of “%(subject)s”", subject=meeting.subject
                ),
            )
