import datetime

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

RECT_STATES = [
    ("open", "In progress"),
    ("submitted", "To verify"),
    ("verified", "Verified"),
    ("cancel", "Cancelled"),
]
INTERNAL_CONTROL = "office_base.group_office_internal_control"
REMIND_DAYS_BEFORE = 3


class OfficeRiskRectification(models.Model):
    """A rectification (整改) of a risk event or an inspection finding: the
    responsible department's measures and deadline, progress reports with
    evidence, and for what cannot be fixed at once a plan of milestones
    (000: 制定出详细的整改任务和时间表). The internal-control office verifies
    it; the responsible person is reminded before and after the deadline.

    Rights: the responsible department and person read and report progress;
    the internal-control office and the office director see all and verify."""

    _name = "office.risk.rectification"
    _description = "Rectification"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "deadline, id"
    _check_company_auto = True

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
        today = fields.Date.context_today(self)
        for rect in self:
            rect.is_overdue = bool(
                rect.state == "open" and rect.deadline and rect.deadline < today
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!="):
            raise UserError(self.env._("Unsupported search on “Overdue”."))
        domain = [
            ("state", "=", "open"),
            ("deadline", "<", fields.Date.context_today(self)),
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
            if vals.get("number", "/") == "/":
                vals["number"] = (
                    self.env["ir.sequence"].next_by_code("office.risk.rectification")
                    or "/"
                )
        rects = super().create(vals_list)
        rects.activity_update()
        return rects

    @api.depends("number", "name")
    def _compute_display_name(self):
        for rect in self:
            rect.display_name = " ".join(p for p in (rect.number, rect.name) if p)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def _can_report(self):
        user = self.env.user
        return (
            self.env.su
            or user.has_group(INTERNAL_CONTROL)
            or user.has_group("office_base.group_office_director")
            or self.user_id == user
            or self.department_id in user.office_department_ids
        )

    def action_submit(self):
        """The responsible department reports the rectification done."""
        for rect in self:
            if not rect._can_report():
                raise AccessError(
                    self.env._(
                        "Only the responsible department reports “%(rect)s” done.",
                        rect=rect.display_name,
                    )
                )
            if rect.state != "open":
                raise UserError(
                    self.env._("“%(rect)s” is not in progress.", rect=rect.display_name)
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
        self.write({"state": "submitted", "submitted_at": fields.Datetime.now()})
        for rect in self:
            rect.message_post(
                body=self.env._("Reported done: %(note)s", note=rect.done_note)
            )
        self.activity_update()
        return True

    def action_verify(self):
        if not (self.env.su or self.env.user.has_group(INTERNAL_CONTROL)):
            raise AccessError(
                self.env._("Only the internal-control office verifies rectifications.")
            )
        if self.filtered(lambda r: r.state != "submitted"):
            raise UserError(
                self.env._("Only a rectification reported done is verified.")
            )
        self._do_verify(False)
        return True

    def _do_verify(self, note):
        vals = {
            "state": "verified",
            "verified_by_id": self.env.uid,
            "verified_at": fields.Datetime.now(),
        }
        if note:
            vals["verification_note"] = note
        self.write(vals)
        for rect in self:
            rect.message_post(
                body=self.env._("Verified by %(user)s.", user=self.env.user.name)
            )
        self.activity_update()

    def action_reject(self):
        """Send back to the department: the rectification is not sufficient."""
        if not (self.env.su or self.env.user.has_group(INTERNAL_CONTROL)):
            raise AccessError(
                self.env._("Only the internal-control office verifies rectifications.")
            )
        if self.filtered(lambda r: r.state != "submitted"):
            raise UserError(
                self.env._("Only a rectification reported done is sent back.")
            )
        for rect in self:
            if not (rect.verification_note or "").strip():
                raise UserError(
                    self.env._("Say why the rectification is not sufficient.")
                )
        self.write({"state": "open", "submitted_at": False})
        for rect in self:
            rect.message_post(
                body=self.env._("Sent back: %(note)s", note=rect.verification_note)
            )
        self.activity_update()
        return True

    # ------------------------------------------------------------------
    # Activities and reminders
    # ------------------------------------------------------------------

    def activity_update(self):
        xmlid = "office_risk.mail_act_office_risk_rectification"
        act = self.env.ref(xmlid)
        for rect in self:
            if rect.state != "open":
                rect.activity_unlink([xmlid])
                continue
            user = rect.user_id or rect.department_id.manager_id.user_id
            if user and not rect.activity_ids.filtered(
                lambda a, u=user: a.activity_type_id == act and a.user_id == u
            ):
                rect.activity_schedule(
                    xmlid,
                    date_deadline=rect.deadline,
                    user_id=user.id,
                    summary=self.env._("Rectify before the deadline"),
                )

    @api.model
    def _cron_remind(self, limit=500):
        """Remind the responsible people REMIND_DAYS_BEFORE days before the
        deadline and once it has passed; one reminder of each kind per
        rectification (idempotent), bounded per run."""
        today = fields.Date.context_today(self)
        act = self.env.ref("office_risk.mail_act_office_risk_rectification_reminder")
        soon = today + datetime.timedelta(days=REMIND_DAYS_BEFORE)
        rects = self.search(
            [("state", "=", "open"), ("deadline", "<=", soon)], limit=limit
        )
        existing = self.env["mail.activity"].search(
            [
                ("res_model", "=", self._name),
                ("res_id", "in", rects.ids),
                ("activity_type_id", "=", act.id),
            ]
        )
        had = {(a.res_id, a.summary) for a in existing}
        done = 0
        for rect in rects:
            user = rect.user_id or rect.department_id.manager_id.user_id
            if not user:
                continue
            overdue = rect.deadline < today
            summary = (
                self.env._("Rectification overdue")
                if overdue
                else self.env._("Rectification due soon")
            )
            if (rect.id, summary) in had:
                continue
            rect.activity_schedule(
                act_type_xmlid="office_risk.mail_act_office_risk_rectification_reminder",
                date_deadline=rect.deadline if not overdue else today,
                user_id=user.id,
                summary=summary,
            )
            done += 1
        self.env["ir.cron"]._notify_progress(done=done, remaining=0)
        return done
