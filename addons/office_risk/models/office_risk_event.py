import datetime

from odoo import _lt, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from .office_risk_domain import RISK_LEVELS

EVENT_STATES = [
    ("reported", "Reported"),
    ("investigation", "Investigation"),
    ("decision", "Decision"),
    ("rectification", "Rectification"),
    ("verification", "Verification"),
    ("closed", "Closed"),
    ("cancel", "Cancelled"),
]
OPEN_STATES = ("reported", "investigation", "decision", "rectification", "verification")
DISCOVERY = [
    ("reported", "Reported and confirmed"),
    ("widely_known", "Widely known"),
    ("leader", "Criticized by a leader"),
    ("internal_check", "Internal check"),
    ("sensor", "Risk sensor"),
    ("other", "Other"),
]
COMMITTEE = "office_risk.group_risk_committee"
INTERNAL_CONTROL = "office_base.group_office_internal_control"
STEP_ACTIVITY = "office_risk.mail_act_office_risk_event_step"


class OfficeRiskEvent(models.Model):
    """A risk event (风险事件, 003 第五条, 第六条): a breach of a risk point,
    found by a report, a leader, an inspection or a risk sensor.

    reported → investigation by the internal-control office (内控办: findings,
    proposed level and accountability) → decision by the internal-control
    committee (内控委: level and accountability) → rectification by the
    responsible departments → verification by the internal-control office →
    closed. Every step is posted in the chatter.

    The source is any record of any model (``res_model`` + ``res_id``): a
    document, a seal take-out, a loan, a trip. Events raised by a sensor
    carry its dedup key: one open event per breach.

    =====================  =============================  ==================
    who                    read                           act
    =====================  =============================  ==================
    staff                  own reports, their departments  report
    office director        all                            report
    internal control       all                            investigate, propose,
                                                          verify, close
    committee              all                            decide
    =====================  =============================  =================="""

    _name = "office.risk.event"
    _description = "Risk Event"
    _inherit = ["office.workflow.mixin"]
    _order = "date_found desc, id desc"
    _check_company_auto = True

    _workflow_transitions = {
        "investigate": {
            "from": ("reported",),
            "to": "investigation",
            "groups": (INTERNAL_CONTROL,),
            "label": _lt("investigate"),
        },
        "propose": {
            "from": ("investigation",),
            "to": "decision",
            "groups": (INTERNAL_CONTROL,),
            "label": _lt("report to the committee"),
        },
        "decide": {
            "from": ("decision",),
            "to": "rectification",
            "groups": (COMMITTEE,),
            "label": _lt("decide"),
        },
        "submit_verification": {
            "from": ("rectification",),
            "to": "verification",
            "label": _lt("report rectified"),
        },
        "verify": {
            "from": ("verification",),
            "to": "closed",
            "groups": (INTERNAL_CONTROL,),
            "label": _lt("verify and close"),
        },
        "close_resolved": {
            "from": OPEN_STATES,
            "to": "closed",
            "groups": (INTERNAL_CONTROL,),
            "label": _lt("close as resolved"),
        },
        "cancel": {
            "from": ("reported", "investigation"),
            "to": "cancel",
            "groups": (INTERNAL_CONTROL,),
            "reason": True,
            "label": _lt("cancel"),
        },
    }
    # the risk point is fixed once the event goes to the committee
    _workflow_locked_fields = ("point_id",)
    _workflow_editable_states = ("reported", "investigation")
    _workflow_deletable_states = ("reported",)
    _workflow_sequence_code = "office.risk.event"

    name = fields.Char(
        string="Number", readonly=True, copy=False, default="/", index=True
    )
    title = fields.Char(required=True, tracking=True)
    description = fields.Text()
    date_found = fields.Datetime(
        string="Found on", required=True, default=fields.Datetime.now, index=True
    )
    date_occurred = fields.Date(string="Occurred on")
    point_id = fields.Many2one(
        "office.risk.point", string="Risk point", tracking=True, index=True
    )
    point_version_id = fields.Many2one(
        "office.risk.point.version",
        string="Catalog version",
        readonly=True,
        copy=False,
        help="The version of the risk point the event was raised against.",
    )
    domain_id = fields.Many2one(
        "office.risk.domain",
        compute="_compute_domain_id",
        store=True,
        readonly=False,
        index=True,
    )
    discovery = fields.Selection(
        DISCOVERY, string="Found by", required=True, default="reported"
    )
    res_model = fields.Char(string="Source model", index=True, readonly=True)
    res_id = fields.Many2oneReference(
        string="Source record", model_field="res_model", index=True, readonly=True
    )
    source_name = fields.Char(string="Source", readonly=True)
    res_model_label = fields.Char(
        string="Kind of source", compute="_compute_res_model_label"
    )
    source_active = fields.Boolean(
        string="Still in breach",
        default=True,
        readonly=True,
        tracking=True,
        help="For sensor events: whether the source still matches the sensor at "
        "its last run. When it no longer does, the event can be closed.",
    )
    sensor_id = fields.Many2one(
        "office.risk.sensor", readonly=True, index=True, ondelete="set null"
    )
    dedup_key = fields.Char(readonly=True, copy=False, index=True)
    last_seen = fields.Datetime(readonly=True, copy=False)
    hit_count = fields.Integer(
        string="Times seen", readonly=True, copy=False, default=0
    )
    reporter_id = fields.Many2one(
        "res.users", default=lambda self: self.env.user, tracking=True
    )
    department_ids = fields.Many2many(
        "hr.department",
        string="Responsible departments",
        check_company=True,
        tracking=True,
        default=lambda self: self.env.user.employee_id.department_id,
    )
    responsible_user_ids = fields.Many2many(
        "res.users",
        "office_risk_event_responsible_rel",
        "event_id",
        "user_id",
        string="Responsible people",
    )
    proposed_level = fields.Selection(RISK_LEVELS, tracking=True)
    investigator_id = fields.Many2one("res.users", readonly=True, copy=False)
    investigation = fields.Text(string="Investigation findings", copy=False)
    cause = fields.Text(string="Causes", copy=False)
    proposed_accountability = fields.Text(copy=False)
    decided_level = fields.Selection(RISK_LEVELS, tracking=True, copy=False)
    accountability = fields.Text(string="Accountability decided", copy=False)
    accountable_user_ids = fields.Many2many(
        "res.users",
        "office_risk_event_accountable_rel",
        "event_id",
        "user_id",
        string="Held accountable",
        copy=False,
    )
    decided_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    decided_at = fields.Datetime(readonly=True, copy=False)
    level = fields.Selection(
        RISK_LEVELS,
        compute="_compute_level",
        store=True,
        index=True,
        help="The committee's level once decided, else the proposed one.",
    )
    rectification_ids = fields.One2many(
        "office.risk.rectification", "event_id", string="Rectifications"
    )
    rectification_count = fields.Integer(compute="_compute_rectification_count")
    verification_note = fields.Text(copy=False)
    verified_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    closed_at = fields.Datetime(readonly=True, copy=False)
    cancel_reason = fields.Text(readonly=True, copy=False)
    state = fields.Selection(
        EVENT_STATES,
        default="reported",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    is_open = fields.Boolean(compute="_compute_is_open", store=True, index=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    color = fields.Integer(compute="_compute_color")

    # ------------------------------------------------------------------
    # Computes and constraints
    # ------------------------------------------------------------------

    @api.depends("point_id")
    def _compute_domain_id(self):
        for event in self:
            if event.point_id:
                event.domain_id = event.point_id.domain_id

    @api.depends("decided_level", "proposed_level")
    def _compute_level(self):
        for event in self:
            event.level = event.decided_level or event.proposed_level

    @api.depends("state")
    def _compute_is_open(self):
        for event in self:
            event.is_open = event.state in OPEN_STATES

    def _compute_rectification_count(self):
        counts = dict(
            self.env["office.risk.rectification"]._read_group(
                [("event_id", "in", self.ids)], ["event_id"], ["__count"]
            )
        )
        for event in self:
            event.rectification_count = counts.get(event, 0)

    @api.depends("level")
    def _compute_color(self):
        colors = {"major": 1, "significant": 2, "general": 4}
        for event in self:
            event.color = colors.get(event.level, 0)

    @api.constrains("res_model", "res_id")
    def _check_source(self):
        for event in self:
            if event.res_id and not event.res_model:
                raise ValidationError(self.env._("A source record needs its model."))
            if event.res_model and event.res_model not in self.env:
                raise ValidationError(
                    self.env._(
                        "The source model “%(model)s” does not exist.",
                        model=event.res_model,
                    )
                )

    def init(self):
        # one open event per breach (sensor dedup key), even with concurrent runs
        self.env.cr.execute(
            SQL(
                "CREATE UNIQUE INDEX IF NOT EXISTS office_risk_event_open_dedup_uniq "
                "ON office_risk_event (dedup_key) "
                "WHERE dedup_key IS NOT NULL AND state NOT IN ('closed', 'cancel')"
            )
        )

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        Point = self.env["office.risk.point"]
        for vals in vals_list:
            if vals.get("point_id"):
                point = Point.browse(vals["point_id"])
                vals["point_version_id"] = point.current_version_id.id
                vals.setdefault("proposed_level", point._event_level())
            if (
                vals.get("res_model")
                and vals.get("res_id")
                and not vals.get("source_name")
            ):
                vals["source_name"] = self._source_display_name(
                    vals["res_model"], vals["res_id"]
                )
        return super().create(vals_list)

    def write(self, vals):
        if "point_id" in vals:
            point = self.env["office.risk.point"].browse(vals["point_id"])
            vals["point_version_id"] = point.current_version_id.id
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_raised_by_sensor(self):
        if any(event.sensor_id for event in self):
            raise UserError(
                self.env._(
                    "A risk event raised by a sensor is never deleted: cancel it "
                    "with a reason."
                )
            )

    @api.depends_context("lang")
    @api.depends("res_model")
    def _compute_res_model_label(self):
        for event in self:
            event.res_model_label = (
                self.env["ir.model"]._get(event.res_model).name
                if event.res_model and event.res_model in self.env
                else False
            )

    @api.depends("name", "title")
    def _compute_display_name(self):
        for event in self:
            event.display_name = " ".join(p for p in (event.name, event.title) if p)

    @api.model
    def _source_display_name(self, model, res_id):
        if model not in self.env:
            return False
        record = self.env[model].sudo().browse(res_id).exists()
        return self._source_label(record) if record else False

    @api.model
    def _source_label(self, record):
        """The source's name, or only its kind when it is classified."""
        if record._fields.get("secrecy_rank") and record.secrecy_rank:
            kind = self.env["ir.model"].sudo()._get(record._name).name
            return self.env._("A classified %(kind)s", kind=kind)
        return record.display_name

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------

    def _committee_users(self):
        return self.env.ref(COMMITTEE).sudo().users

    def _internal_control_users(self):
        return (
            self.env.ref(INTERNAL_CONTROL)
            .sudo()
            .users.filtered(lambda u: not u.has_group("base.group_system"))
        )

    def _activity_step(self):
        """The users and the summary of the activity of the event's state."""
        self.ensure_one()
        if self.state in ("investigation", "verification"):
            summary = {
                "investigation": self.env._("Propose level and accountability"),
                "verification": self.env._("Verify the rectification"),
            }[self.state]
            return self._internal_control_users()[:1], summary
        if self.state == "decision":
            return (
                self._committee_users()[:1],
                self.env._("Decide level and accountability"),
            )
        return self.env["res.users"], False

    def activity_update(self):
        """One activity for whoever holds the next step."""
        step = self.env.ref(STEP_ACTIVITY)
        for event in self:
            users, summary = event._activity_step()
            stale = event.sudo().activity_ids.filtered(
                lambda a, s=summary: a.activity_type_id == step and a.summary != s
            )
            stale.unlink()
            if users:
                event._office_schedule_missing(STEP_ACTIVITY, users, summary=summary)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_investigate(self):
        """内控办 takes the event up."""
        return self._workflow_run("investigate")

    def action_propose(self):
        """内控办 reports findings, proposed level and accountability to 内控委."""
        return self._workflow_run("propose")

    def action_decide(self):
        """内控委 decides level and accountability; rectification starts."""
        return self._workflow_run("decide")

    def action_submit_verification(self):
        """The rectifications are done: ask the internal-control office to verify."""
        return self._workflow_run("submit_verification")

    def action_verify(self):
        """内控办 verifies the rectifications and closes the event."""
        return self._workflow_run("verify")

    def action_close_resolved(self):
        """Close an event whose source no longer breaches the sensor (the late
        document was closed, the seal came back…)."""
        return self._workflow_run("close_resolved")

    def action_cancel(self, reason=None):
        """内控办 cancels a report that proves unfounded, with a reason."""
        return self._workflow_run("cancel", reason=reason)

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------

    def _do_investigate(self, **_kwargs):
        self._workflow_set_state("investigate", {"investigator_id": self.env.uid})
        for event in self:
            event.message_post(
                body=self.env._(
                    "Investigation opened by %(user)s.", user=self.env.user.name
                )
            )

    def _check_can_propose(self, **_kwargs):
        for event in self:
            if not event.proposed_level:
                raise UserError(
                    self.env._("Propose a level for “%(event)s”.", event=event.title)
                )
            if not event.investigation or not event.investigation.strip():
                raise UserError(
                    self.env._(
                        "Write the investigation findings of “%(event)s”.",
                        event=event.title,
                    )
                )

    def _do_propose(self, **_kwargs):
        self._workflow_set_state("propose")
        for event in self:
            event.message_post(
                body=self.env._(
                    "Investigation reported to the committee: proposed level "
                    "%(level)s.",
                    level=dict(
                        self._fields["proposed_level"]._description_selection(self.env)
                    ).get(event.proposed_level),
                ),
                partner_ids=event._committee_users().partner_id.ids,
            )

    def _check_can_decide(self, **_kwargs):
        for event in self:
            if not event.decided_level:
                raise UserError(
                    self.env._("Decide the level of “%(event)s”.", event=event.title)
                )

    def _do_decide(self, **_kwargs):
        self._workflow_set_state(
            "decide",
            {"decided_by_id": self.env.uid, "decided_at": self._workflow_now()},
        )
        for event in self:
            if not event.rectification_ids:
                event._create_rectification()
            event.message_post(
                body=self.env._(
                    "Decided by the committee: level %(level)s. Accountability: "
                    "%(accountability)s",
                    level=dict(
                        self._fields["decided_level"]._description_selection(self.env)
                    )[event.decided_level],
                    accountability=event.accountability or self.env._("none"),
                )
            )

    def _create_rectification(self):
        self.ensure_one()
        measures = (
            self.point_id.control_measures or self.point_id.step_id.control_measures
        )
        days = self.company_id.office_risk_rectification_days
        # the committee decides; the rectification is the system's follow-up
        return (
            self.env["office.risk.rectification"]
            .sudo()
            .create(
                {
                    "event_id": self.id,
                    "name": self.title,
                    "department_id": self.department_ids[:1].id,
                    "user_id": self.responsible_user_ids[:1].id
                    or self.department_ids[:1].manager_id.user_id.id,
                    "measures": measures or self.accountability or self.title,
                    "deadline": self._workflow_today() + datetime.timedelta(days=days),
                    "company_id": self.company_id.id,
                }
            )
        )

    def _check_can_submit_verification(self, **_kwargs):
        # whoever sees the event (its departments, its reporter, the office)
        # reports it rectified: the record rules of the acting user decide,
        # through sudo() too
        self.sudo(False).check_access("read")
        for event in self:
            pending = event.rectification_ids.filtered(
                lambda r: r.state not in ("submitted", "verified", "cancel")
            )
            if pending:
                raise UserError(
                    self.env._(
                        "The rectification “%(rect)s” is not reported done yet.",
                        rect=pending[0].display_name,
                    )
                )
            if not event.rectification_ids.filtered(lambda r: r.state != "cancel"):
                raise UserError(self.env._("The event has no rectification."))

    def _do_submit_verification(self, **_kwargs):
        self._workflow_set_state("submit_verification")
        for event in self:
            event.message_post(body=self.env._("Rectification reported done."))

    def _do_verify(self, **_kwargs):
        for event in self:
            # the internal-control office verifies the rectifications with the
            # event: the same user, through the rectification's own transition
            event.rectification_ids.filtered(
                lambda r: r.state == "submitted"
            )._workflow_run("verify", note=event.verification_note)
        self._workflow_set_state(
            "verify",
            {"verified_by_id": self.env.uid, "closed_at": self._workflow_now()},
        )
        for event in self:
            event.message_post(
                body=self.env._(
                    "Rectification verified by %(user)s; event closed.",
                    user=self.env.user.name,
                )
            )

    def _check_can_close_resolved(self, **_kwargs):
        for event in self:
            if not event.sensor_id or event.source_active:
                raise UserError(
                    self.env._(
                        "“%(event)s” is still in breach: it is closed after its "
                        "rectification is verified.",
                        event=event.display_name,
                    )
                )

    def _do_close_resolved(self, **_kwargs):
        self._workflow_set_state("close_resolved", {"closed_at": self._workflow_now()})
        for event in self:
            event.message_post(
                body=self.env._("Closed: the source no longer breaches the rule.")
            )

    def _do_cancel(self, reason=None, **_kwargs):
        return self._workflow_set_state(
            "cancel", {"cancel_reason": reason}, reason=reason
        )

    def action_open_source(self):
        self.ensure_one()
        if not self.res_model or self.res_model not in self.env:
            raise UserError(self.env._("The source record is not available."))
        record = self.env[self.res_model].browse(self.res_id).exists()
        if not record:
            raise UserError(self.env._("The source record no longer exists."))
        return {
            "type": "ir.actions.act_window",
            "res_model": self.res_model,
            "res_id": self.res_id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }

    def action_view_rectifications(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "office_risk.office_risk_rectification_action"
        )
        action["domain"] = [("event_id", "=", self.id)]
        action["context"] = {"default_event_id": self.id}
        return action
