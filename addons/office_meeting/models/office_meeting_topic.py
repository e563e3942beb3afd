from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools.translate import LazyTranslate

from odoo.addons.office_base.models.office_request_mixin import request_transitions
from odoo.addons.office_base.tools import granted, is_granted

#: Python-only permission of the recall of materials: never a context key
RECALL = "office_meeting_recall"

_lt = LazyTranslate(__name__)

TOPIC_STATES = [
    ("draft", "Draft"),
    ("to_approve", "With the leader in charge"),
    ("approved", "Passed"),
    ("scheduled", "On the agenda"),
    ("discussed", "Discussed"),
    ("refused", "Refused"),
    ("cancel", "Withdrawn"),
]


class OfficeMeetingTopic(models.Model):
    """An agenda item (议题): proposed by a department, passed by its leader
    in charge, placed on a meeting by its chair or organizer (002 篇4 党组会议
    4: 局属单位、股室要提交议题的须事先报告分管副局长, 由分管副局长报会议主持人确定).
    Its materials carry the secrecy level of the confidentiality mixin; secret
    materials are recalled after the meeting.

    Rights: the applicant drafts, submits, withdraws; the leader in charge
    passes or refuses (``tier.definition``); the chair or the organizer of a
    meeting places the item on it or takes it off; the office clerks record
    the recall of secret materials."""

    _name = "office.meeting.topic"
    _description = "Agenda Item"
    _inherit = ["office.request.mixin", "office.confidential.mixin"]
    _order = "id desc"
    _check_company_auto = True
    _workflow_sequence_code = "office.meeting.topic"
    _workflow_transitions = request_transitions(
        schedule={
            "from": ("approved",),
            "to": "scheduled",
            "label": _lt("place on a meeting"),
        },
        unschedule={
            "from": ("scheduled",),
            "to": "approved",
            "label": _lt("take off the agenda"),
        },
        discuss={"from": ("scheduled",), "to": "discussed", "label": _lt("discuss")},
    )
    _workflow_locked_fields = (
        "title",
        "kind_id",
        "leader_id",
        "summary",
        "applicant_id",
        "department_id",
        "company_id",
        "secrecy_level",
    )

    title = fields.Char(required=True, tracking=True)
    state = fields.Selection(
        TOPIC_STATES,
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    kind_id = fields.Many2one(
        "office.meeting.kind",
        string="For a meeting of kind",
        tracking=True,
        ondelete="restrict",
    )
    leader_id = fields.Many2one(
        "res.users",
        string="Leader in charge",
        tracking=True,
        domain=lambda self: [
            ("groups_id", "in", self.env.ref("office_base.group_office_leader").id)
        ],
        help="The deputy in charge of the department, who passes the item to the "
        "chair of the meeting.",
    )
    presenter_id = fields.Many2one("res.users", string="Presented by")
    summary = fields.Text()
    material_ids = fields.Many2many(
        "ir.attachment",
        "office_meeting_topic_material_rel",
        "topic_id",
        "attachment_id",
        string="Materials",
    )
    meeting_id = fields.Many2one(
        "office.meeting",
        readonly=True,
        copy=False,
        index=True,
        check_company=True,
        ondelete="restrict",
    )
    materials_recalled = fields.Boolean(readonly=True, copy=False, tracking=True)
    recall_needed = fields.Boolean(
        compute="_compute_recall_needed",
        help="Secret materials of a discussed item are recalled after the meeting.",
    )
    decision_ids = fields.One2many("office.meeting.decision", "topic_id")

    @api.depends("state", "secrecy_level", "materials_recalled")
    def _compute_recall_needed(self):
        for topic in self:
            topic.recall_needed = (
                topic.state == "discussed"
                and topic.secrecy_level != "none"
                and not topic.materials_recalled
            )

    @api.depends("name", "title")
    def _compute_display_name(self):
        for topic in self:
            topic.display_name = " ".join(
                part for part in (topic.name, topic.title) if part
            )

    def _workflow_check_write(self, vals):
        res = super()._workflow_check_write(vals)
        if "materials_recalled" in vals and not is_granted(RECALL, self):
            raise UserError(
                self.env._("The recall of the materials is recorded by its action.")
            )
        if "meeting_id" in vals:
            raise UserError(
                self.env._("An agenda item is placed on a meeting by its action.")
            )
        return res

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def schedule(self, meeting_id):
        """Place the items on the meeting; usable over XML-RPC."""
        return self._workflow_run("schedule", meeting_id=meeting_id)

    def action_unschedule(self):
        return self._workflow_run("unschedule")

    def action_recall_materials(self):
        """The office records that the secret materials came back."""
        if not self.env.user.has_group("office_base.group_office_clerk"):
            raise AccessError(
                self.env._("The office clerks recall the materials of a meeting.")
            )
        for topic in self:
            if not topic.recall_needed:
                raise UserError(
                    self.env._(
                        "“%(topic)s” has no secret materials to recall.",
                        topic=topic.display_name,
                    )
                )
            with granted(RECALL, topic):
                topic.materials_recalled = True
            topic.message_post(
                body=self.env._(
                    "Materials recalled by %(user)s.", user=self.env.user.name
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    # ------------------------------------------------------------------
    # Transitions: checks and steps
    # ------------------------------------------------------------------

    def _check_can_submit(self, **_kwargs):
        for topic in self:
            if not topic.leader_id:
                raise UserError(
                    self.env._(
                        "Name the leader in charge, who passes “%(topic)s” to the "
                        "chair.",
                        topic=topic.title,
                    )
                )

    def _check_can_schedule(self, meeting_id=None, **_kwargs):
        meeting = self.env["office.meeting"].browse(meeting_id or []).exists()
        if not meeting:
            raise UserError(self.env._("Choose the meeting."))
        meeting.check_access("read")
        if meeting.state not in ("draft", "approved", "notified"):
            raise UserError(
                self.env._(
                    "%(meeting)s is “%(state)s”: its agenda is set.",
                    meeting=meeting.display_name,
                    state=meeting._workflow_state_label(meeting.state),
                )
            )
        if not meeting._is_organizer():
            raise AccessError(
                self.env._("The chair or the organizer sets the agenda of a meeting.")
            )
        if any(topic.company_id != meeting.company_id for topic in self):
            raise UserError(
                self.env._("The item and the meeting belong to different companies.")
            )
        new = self.filtered(lambda t: t.meeting_id != meeting)
        meeting._check_limits(extra_topics=len(new))

    def _do_schedule(self, meeting_id=None, **_kwargs):
        return self._workflow_set_state("schedule", {"meeting_id": meeting_id})

    def _check_can_unschedule(self, **_kwargs):
        for topic in self:
            if topic.meeting_id.state in ("held", "done"):
                raise UserError(
                    self.env._("The meeting has been held: its agenda stays.")
                )
            if (
                topic.meeting_id.state != "cancel"
                and not topic.meeting_id._is_organizer()
            ):
                raise AccessError(
                    self.env._(
                        "The chair or the organizer sets the agenda of a meeting."
                    )
                )

    def _do_unschedule(self, **_kwargs):
        return self._workflow_set_state("unschedule", {"meeting_id": False})

    def _check_can_discuss(self, **_kwargs):
        for topic in self:
            if topic.meeting_id.state != "held":
                raise UserError(
                    self.env._("An agenda item is discussed at its meeting.")
                )

    def _do_discuss(self, **_kwargs):
        self._workflow_set_state("discuss")
        secret = self.filtered(lambda t: t.secrecy_level != "none")
        for topic in secret:
            topic._office_schedule_missing(
                "office_meeting.mail_act_office_meeting_recall",
                topic.meeting_id.applicant_id,
                summary=self.env._(
                    "Recall the secret materials of “%(topic)s”", topic=topic.title
                ),
            )
        return True
