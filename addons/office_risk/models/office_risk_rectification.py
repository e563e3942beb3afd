import datetime

from odoo import _lt, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

RECT_STATES = [
    ("open", "In progress"),
    ("submitted", "To verify"),
    ("verified", "Verified"),
    ("cancel", "Cancelled"),
]
INTERNAL_CONTROL = "office_base.group_office_internal_control"
# written by the transitions only: the verification is the internal-control
# office's (003 第六条)
WORKFLOW_FIELDS = ("submitted_at", "verified_by_id", "verified_at")
RECTIFY = "office_risk.mail_act_office_risk_rectification"
REMINDER = "office_risk.mail_act_office_risk_rectification_reminder"
OVERDUE = "office_risk.mail_act_office_risk_rectification_overdue"


class OfficeRiskRectification(models.Model):
    """A rectification (整改) of a risk event or an inspection finding: the
    responsible department's measures and deadline, progress reports with
    evidence, and for what cannot be fixed at once a plan of milestones
    (000: 制定出详细的整改任务和时间表). The internal-control office verifies
    it; the responsible person is reminded before and after the deadline.

    ==================  ==============================  =====================
    who                 read                            act
    ==================  ==============================  =====================
    responsible person  own, their department's         report progress, done
    office director     all                             report done
    internal control    all                             verify, send back
    ==================  ==============================  ====================="""

    _name = "office.risk.rectification"
    _description = "Rectification"
    _inherit = ["office.workflow.mixin"]
    _order = "deadline, id"
    _check_company_auto = True

    _workflow_transitions = {
        "submit": {
            "from": ("open",),
            "to": "submitted",
            "label": _lt("report done"),
        },
        "verify": {
            "from": ("submitted",),
            "to": "verified",
            "groups": (INTERNAL_CONTROL,),
            "label": _lt("verify"),
        },
        "reject": {
            "from": ("submitted",),
            "to": "open",
            "groups": (INTERNAL_CONTROL,),
            "label": _lt("send back"),
        },
    }
    _workflow_deletable_states = ("open", "cancel")

    name = fields.Char(string="Subject", required=True, tracking=True)
    number = fields.Char(readonly=True, copy=False, default="/")
    event_id = fields.Many2one(
        "office.risk.event", ondelete="restrict", index=True, check_company=True
    )
    finding_id = fields.Many2one(
        "office.risk.inspection.finding", ondelete="restrict", index=True
    )
    inspection_id = fields.Many2one(
        related="finding_id.inspection_id", store=True, string="Inspection"
    )
    domain_id = fields.Many2one(
        "office.risk.domain",
        compute="_compute_domain_id",
        store=True,
        readonly=False,
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Responsible department",
        tracking=True,
        check_company=True,
        index=True,
    )
    user_id = fields.Many2one("res.users", string="Responsible person", tracking=True)
    measures = fields.Text(required=True)
    deadline = fields.Date(required=True, tracking=True, index=True)
    progress = fields.Integer(
        compute="_compute_progress",
        store=True,
        readonly=False,
        aggregator="avg",
        help="Per cent done: from the milestones when there are any, else the "
        "latest progress report.",
    )
    progress_ids = fields.One2many(
        "office.risk.rectification.progress",
        "rectification_id",
        string="Progress reports",
    )
    milestone_ids = fields.One2many(
        "office.risk.rectification.milestone", "rectification_id", string="Milestones"
    )
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "office_risk_rectification_attachment_rel",
        "rectification_id",
        "attachment_id",
        string="Evidence",
    )
    state = fields.Selection(
        RECT_STATES,
        default="open",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    done_note = fields.Text(string="What was done", copy=False)
    submitted_at = fields.Datetime(readonly=True, copy=False)
    verified_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    verified_at = fields.Datetime(readonly=True, copy=False)
    verification_note = fields.Text(copy=False)
    is_overdue = fields.Boolean(
        compute="_compute_is_overdue", search="_search_is_overdue", string="Overdue"
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    @api.depends("event_id.domain_id", "finding_id.domain_id")
    def _compute_domain_id(self):
        for rect in self:
            rect.domain_id = (
                rect.event_id.domain_id or rect.finding_id.domain_id or rect.domain_id
            )

    @api.depends("milestone_ids.done", "progress_ids.percent", "state")
    def _compute_progress(self):
        for rect in self:
            if rect.state in ("submitted", "verified"):
                rect.progress = 100
            elif rect.milestone_ids:
                done = len(rect.milestone_ids.filtered("done"))
                rect.progress = round(100 * done / len(rect.milestone_ids))
            elif rect.progress_ids:
                rect.progress = rect.progress_ids.sorted(lambda p: (p.date, p.id))[
                    -1
                ].percent
            else:
                rect.progress = rect.progress or 0

    @api.depends("deadline", "state")
    def _compute_is_overdue(self):
        today = self.env["office.calendar"].today()
        for rect in self:
            rect.is_overdue = bool(
                rect.state == "open" and rect.deadline and rect.deadline < today
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!="):
            raise UserError(self.env._("Unsupported search on “Overdue”."))
        domain = [
            ("state", "=", "open"),
            ("deadline", "<", self.env["office.calendar"].today()),
        ]
        if (operator == "=") == bool(value):
            return domain
        return ["!", "&", *domain]

    @api.constrains("event_id", "finding_id")
    def _check_origin(self):
        for rect in self:
            if not rect.event_id and not rect.finding_id:
                raise ValidationError(
                    self.env._(
                        "A rectification comes from a risk event or an inspection "
                        "finding."
                    )
                )

    @api.constrains("progress")
    def _check_progress(self):
        for rect in self:
            if not 0 <= rect.progress <= 100:
                raise ValidationError(
                    self.env._("Progress is a percentage between 0 and 100.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_workflow_fields(vals)
            if vals.get("number", "/") == "/":
                vals["number"] = (
                    self.env["ir.sequence"].next_by_code("office.risk.rectification")
                    or "/"
                )
        return super().create(vals_list)

    def _workflow_check_write(self, vals):
        self._check_workflow_fields(vals)
        return super()._workflow_check_write(vals)

    @api.model
    def _check_workflow_fields(self, vals):
        kept = sorted(set(vals) & set(WORKFLOW_FIELDS))
        if kept:
            raise UserError(
                self.env._(
                    "%(field)s is recorded by the rectification's actions only: the "
                    "internal-control office verifies.",
                    field=self._fields[kept[0]].get_description(self.env)["string"],
                )
            )

    @api.depends("number", "name")
    def _compute_display_name(self):
        for rect in self:
            rect.display_name = " ".join(p for p in (rect.number, rect.name) if p)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_submit(self):
        """The responsible department reports the rectification done."""
        return self._workflow_run("submit")

    def action_verify(self):
        """The internal-control office accepts the rectification."""
        return self._workflow_run("verify")

    def action_reject(self):
        """Send back to the department: the rectification is not sufficient."""
        return self._workflow_run("reject")

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------

    def _can_report(self):
        user = self.env.user
        return (
            user.has_group(INTERNAL_CONTROL)
            or user.has_group("office_base.group_office_director")
            or self.user_id == user
            or self.department_id in user.office_department_ids
        )

    def _check_can_submit(self, **_kwargs):
        for rect in self:
            if not rect._can_report():
                raise AccessError(
                    self.env._(
                        "Only the responsible department reports “%(rect)s” done.",
                        rect=rect.display_name,
                    )
                )
            if rect.milestone_ids.filtered(lambda m: not m.done):
                raise UserError(
                    self.env._(
                        "Some milestones of “%(rect)s” are not done.",
                        rect=rect.display_name,
                    )
                )
            if not (rect.done_note or "").strip():
                raise UserError(
                    self.env._(
                        "Describe what was done for “%(rect)s”.", rect=rect.display_name
                    )
                )

    def _do_submit(self, **_kwargs):
        self._workflow_set_state("submit", {"submitted_at": self._workflow_now()})
        for rect in self:
            rect.message_post(
                body=self.env._("Reported done: %(note)s", note=rect.done_note)
            )

    def _do_verify(self, note=None, **_kwargs):
        vals = {"verified_by_id": self.env.uid, "verified_at": self._workflow_now()}
        if note:
            vals["verification_note"] = note
        self._workflow_set_state("verify", vals)
        for rect in self:
            rect.message_post(
                body=self.env._("Verified by %(user)s.", user=self.env.user.name)
            )

    def _check_can_reject(self, **_kwargs):
        for rect in self:
            if not (rect.verification_note or "").strip():
                raise UserError(
                    self.env._("Say why the rectification is not sufficient.")
                )

    def _do_reject(self, **_kwargs):
        self._workflow_set_state("reject", {"submitted_at": False})
        for rect in self:
            rect.message_post(
                body=self.env._("Sent back: %(note)s", note=rect.verification_note)
            )

    # ------------------------------------------------------------------
    # Activities and reminders
    # ------------------------------------------------------------------

    def _responsible_users(self):
        self.ensure_one()
        return self.user_id or self.department_id.manager_id.user_id

    def activity_update(self):
        """The responsible person rectifies before the deadline; once the
        rectification is reported done, its activities and reminders end."""
        for rect in self:
            if rect.state != "open":
                rect.sudo().activity_unlink([RECTIFY, REMINDER, OVERDUE])
                continue
            rect._office_schedule_missing(
                RECTIFY,
                rect._responsible_users(),
                deadline=rect.deadline,
                summary=self.env._("Rectify before the deadline"),
            )

    @api.model
    def _cron_remind(self, limit=500):
        """Remind the responsible people the company's reminder days before the
        deadline, and once more when it has passed: one reminder of each kind
        per rectification (idempotent), at most `limit` of each per run."""
        today = self.env["office.calendar"].today()
        soon = self.browse()
        for company in self.env["res.company"].search([]):
            ahead = today + datetime.timedelta(days=company.office_risk_remind_days)
            soon |= self._office_remind(
                [
                    ("company_id", "=", company.id),
                    ("state", "=", "open"),
                    ("deadline", ">=", today),
                    ("deadline", "<=", ahead),
                ],
                REMINDER,
                lambda rect: rect._responsible_users(),
                deadline_field="deadline",
                summary=self.env._("Rectification due soon"),
                limit=limit,
            )
        late = self._office_remind(
            [("state", "=", "open"), ("deadline", "<", today)],
            OVERDUE,
            lambda rect: rect._responsible_users(),
            summary=self.env._("Rectification overdue"),
            limit=limit,
        )
        return len(soon) + len(late)
