from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from odoo.addons.office_base.models.office_workflow_mixin import TRANSITION
from odoo.addons.office_base.tools import granted, is_granted

from .office_supervision_feedback import FEEDBACK

_lt = LazyTranslate(__name__)
MANAGERS = ("office_base.group_office_clerk", "office_base.group_office_leader")

SUPERVISION_STATES = [
    ("open", "In progress"),
    ("done", "Completed"),
    ("rated", "Rated"),
    ("cancel", "Cancelled"),
]
# the board's traffic light (红黄绿灯)
TRAFFIC_LIGHTS = [
    ("red", "Overdue"),
    ("yellow", "Due soon"),
    ("green", "On time"),
    ("closed", "Closed"),
]


class OfficeSupervision(models.Model):
    """督办事项: a matter the office follows up until it is done (003 第二章
    督查督办), created from a leader's instruction on an incoming document or
    from a meeting decision, with an owner, a deadline, feedback entries, the
    completion and a rating.

    ========================  ==================================================
    Who                       May
    ========================  ==================================================
    Office clerk / director   create, cancel, rate; see every item
    Leaders                   create, rate; see every item
    Owner, own department     give feedback, complete; see their items
    ========================  ==================================================

    The board groups the open items by a traffic light stored on the record
    (red: overdue, yellow: due within two working days, green: on time),
    refreshed every morning by the reminder cron, which also creates the
    chase activities before and after the deadline."""

    _name = "office.supervision"
    _description = "Supervision Item"
    _inherit = ["office.workflow.mixin"]
    _order = "deadline, id"
    _workflow_sequence_code = "office.supervision"
    _workflow_deletable_states = ("open",)
    _workflow_transitions = {
        "add_feedback": {
            "from": ("open",),
            "to": "open",
            "reason": True,
            "label": _lt("give feedback on"),
        },
        "complete": {
            "from": ("open",),
            "to": "done",
            "reason": True,
            "label": _lt("complete"),
        },
        "rate": {
            "from": ("done",),
            "to": "rated",
            "groups": MANAGERS,
            "label": _lt("rate"),
        },
        "cancel": {
            "from": ("open", "done"),
            "to": "cancel",
            "groups": MANAGERS,
            "label": _lt("cancel"),
        },
    }
    _rec_names_search = ["name", "title"]
    _check_company_auto = True

    name = fields.Char(
        string="Number", readonly=True, copy=False, default="/", index="trigram"
    )
    title = fields.Char(string="Matter", required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    source = fields.Selection(
        [
            ("instruction", "Leader instruction"),
            ("meeting", "Meeting decision"),
            ("other", "Other"),
        ],
        required=True,
        default="instruction",
        tracking=True,
    )
    instruction_id = fields.Many2one(
        "office.document.instruction",
        string="Leader instruction",
        ondelete="restrict",
        index=True,
    )
    incoming_document_id = fields.Many2one(
        "office.incoming.document",
        string="Incoming document",
        compute="_compute_incoming_document_id",
        store=True,
        readonly=False,
        index=True,
        check_company=True,
    )
    meeting_ref = fields.Char(
        string="Meeting",
        help="The meeting and its decision, e.g. 局长办公会 2026年第5次.",
    )
    requirement = fields.Text(tracking=True)
    leader_id = fields.Many2one(
        "res.users",
        compute="_compute_leader_id",
        store=True,
        readonly=False,
        help="The leader who asked for the matter.",
    )
    owner_id = fields.Many2one(
        "res.users",
        required=True,
        tracking=True,
        index=True,
        help="The person answerable for the matter (责任人).",
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Responsible department",
        tracking=True,
        index=True,
        check_company=True,
    )
    deadline = fields.Date(required=True, tracking=True, index=True)
    state = fields.Selection(
        SUPERVISION_STATES,
        default="open",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    status = fields.Selection(
        TRAFFIC_LIGHTS,
        string="Traffic light",
        compute="_compute_status",
        store=True,
        index=True,
        group_expand="_group_expand_status",
        help="Red: overdue; yellow: due within two working days; green: on "
        "time. Refreshed every morning.",
    )
    feedback_ids = fields.One2many("office.supervision.feedback", "supervision_id")
    feedback_count = fields.Integer(compute="_compute_feedback_count")
    completed_at = fields.Datetime(readonly=True, copy=False)
    completion_note = fields.Text(string="Completion", readonly=True, copy=False)
    rating = fields.Selection(
        [
            ("excellent", "Excellent"),
            ("good", "Good"),
            ("fair", "Fair"),
            ("poor", "Poor"),
        ],
        readonly=True,
        copy=False,
        tracking=True,
    )
    rating_comment = fields.Text(string="Rating comment", readonly=True, copy=False)
    rated_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    is_owner = fields.Boolean(compute="_compute_user_rights")
    can_manage = fields.Boolean(compute="_compute_user_rights")

    _office_workflow_fields = (
        "state",
        "completed_at",
        "completion_note",
        "rating",
        "rating_comment",
        "rated_by_id",
    )

    # ------------------------------------------------------------------
    # Computes and constraints
    # ------------------------------------------------------------------

    @api.depends("instruction_id")
    def _compute_incoming_document_id(self):
        for item in self:
            if item.instruction_id:
                item.incoming_document_id = item.instruction_id.document_id

    @api.depends("instruction_id")
    def _compute_leader_id(self):
        for item in self:
            if item.instruction_id:
                item.leader_id = item.instruction_id.leader_id

    @api.depends("name", "title")
    def _compute_display_name(self):
        for item in self:
            item.display_name = (
                f"{item.name} {item.title or ''}".strip()
                if item.name and item.name != "/"
                else item.title or ""
            )

    def _compute_feedback_count(self):
        for item in self:
            item.feedback_count = len(item.feedback_ids)

    @api.depends("deadline", "state")
    def _compute_status(self):
        today = self.env["office.document.mixin"]._office_today()
        calendar = self.env["office.calendar"]
        horizon = {}
        for item in self:
            if item.state != "open":
                item.status = "closed"
                continue
            if not item.deadline:
                item.status = "green"
                continue
            company = item.company_id or self.env.company
            if company not in horizon:
                horizon[company] = calendar.add_working_days(
                    today, company.office_docs_due_soon_days, company
                )
            if item.deadline < today:
                item.status = "red"
            elif item.deadline <= horizon[company]:
                item.status = "yellow"
            else:
                item.status = "green"

    @api.model
    def _group_expand_status(self, statuses, domain):
        return [key for key, _label in TRAFFIC_LIGHTS if key != "closed"] + [
            key for key in statuses if key == "closed"
        ]

    @api.depends_context("uid")
    @api.depends("owner_id", "department_id")
    def _compute_user_rights(self):
        user = self.env.user
        manager = self._office_can_manage()
        for item in self:
            item.can_manage = manager
            item.is_owner = item.owner_id == user or user._office_heads_department(
                item.department_id
            )

    @api.constrains("source", "instruction_id", "meeting_ref")
    def _check_source(self):
        for item in self:
            if item.source == "instruction" and not item.instruction_id:
                raise ValidationError(
                    self.env._(
                        "Name the leader instruction that “%(name)s” follows up.",
                        name=item.title,
                    )
                )
            if item.source == "meeting" and not (item.meeting_ref or "").strip():
                raise ValidationError(
                    self.env._(
                        "Name the meeting whose decision “%(name)s” follows up.",
                        name=item.title,
                    )
                )

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        if not self._office_can_manage():
            raise AccessError(
                self.env._("Only the office and the leaders open supervision items.")
            )
        for vals in vals_list:
            if set(vals) & set(self._office_workflow_fields) - {"state"}:
                raise UserError(self.env._("A supervision item starts in progress."))
        items = super().create(vals_list)
        for item in items:
            item.message_subscribe(partner_ids=item.owner_id.partner_id.ids)
            item._office_schedule_chase()
        return items

    def write(self, vals):
        if not is_granted(TRANSITION, self):
            if set(vals) & set(self._office_workflow_fields):
                raise UserError(
                    self.env._(
                        "The state, the completion and the rating change only "
                        "through the buttons."
                    )
                )
            if not self._office_can_manage():
                raise AccessError(
                    self.env._(
                        "Only the office and the leaders change supervision items."
                    )
                )
            if self.filtered(lambda i: i.state != "open"):
                raise UserError(self.env._("A closed supervision item is final."))
        res = super().write(vals)
        if "owner_id" in vals:
            for item in self:
                item.message_subscribe(partner_ids=item.owner_id.partner_id.ids)
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_followed(self):
        if self.feedback_ids:
            raise UserError(
                self.env._(
                    "A supervision item with feedback or closed cannot be deleted: "
                    "cancel it."
                )
            )
        if not self._office_can_manage():
            raise AccessError(self.env._("Only the office deletes supervision items."))

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------

    @api.model
    def _office_can_manage(self):
        user = self.env.user
        return any(user.has_group(group) for group in MANAGERS)

    def _office_check_owner(self):
        for item in self:
            if not (item.is_owner or item.can_manage):
                raise AccessError(
                    self.env._(
                        "Only the owner of “%(name)s”, the head of the responsible "
                        "department or the office can do this.",
                        name=item.display_name,
                    )
                )

    def _office_log(self, body):
        for item in self:
            item.sudo().message_post(body=body, subtype_xmlid="mail.mt_note")

    def _office_schedule_chase(self, summary=None):
        """One chase activity per open item for its owner, unless open."""
        for item in self.filtered(lambda i: i.state == "open" and i.owner_id):
            item._office_schedule_missing(
                "office_docs.mail_act_supervision_chase",
                item.owner_id,
                deadline=item.deadline,
                summary=summary or self.env._("Supervised: report by the deadline"),
            )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_add_feedback(self, note=None):
        """反馈: the owner reports how the matter stands."""
        if note is not None and not note.strip():
            raise UserError(self.env._("Please write the feedback."))
        return self._workflow_run("add_feedback", reason=note)

    def _check_can_add_feedback(self, reason=None):
        self._office_check_owner()

    def _do_add_feedback(self, reason=None):
        Feedback = self.env["office.supervision.feedback"].sudo()
        for item in self:
            with granted(FEEDBACK):
                Feedback.create({"supervision_id": item.id, "note": reason})
            item._office_log(self.env._("Feedback: %(note)s", note=reason))

    def action_complete(self, note=None):
        """完成: the matter is done; the office or the leader rates it."""
        if note is not None and not note.strip():
            raise UserError(self.env._("Please describe what was done."))
        return self._workflow_run("complete", reason=note)

    def _check_can_complete(self, reason=None):
        self._office_check_owner()

    def _do_complete(self, reason=None):
        chase = self.env.ref("office_docs.mail_act_supervision_chase")
        for item in self:
            item._workflow_set_state(
                "complete",
                {"completed_at": fields.Datetime.now(), "completion_note": reason},
            )
            item.sudo().activity_ids.filtered(
                lambda a: a.activity_type_id == chase
            ).action_feedback(feedback=self.env._("Completed"))
            item._office_log(self.env._("Completed: %(note)s", note=reason))

    def action_rate(self, rating=None, comment=None):
        """评价: the office or the leader rates a completed item."""
        if not rating:
            return {
                "type": "ir.actions.act_window",
                "name": self.env._("Rate"),
                "res_model": "office.supervision.rate.wizard",
                "view_mode": "form",
                "target": "new",
                "context": {"default_supervision_id": self.id},
            }
        return self._workflow_run("rate", rating=rating, comment=comment)

    def _check_can_rate(self, rating=None, comment=None):
        labels = dict(self._fields["rating"]._description_selection(self.env))
        if rating not in labels:
            raise UserError(self.env._("Unknown rating: %(rating)s", rating=rating))

    def _do_rate(self, rating=None, comment=None):
        labels = dict(self._fields["rating"]._description_selection(self.env))
        for item in self:
            item._workflow_set_state(
                "rate",
                {
                    "rating": rating,
                    "rating_comment": comment or False,
                    "rated_by_id": self.env.uid,
                },
            )
            item._office_log(
                self.env._(
                    "Rated %(rating)s by %(user)s. %(comment)s",
                    rating=labels[rating],
                    user=self.env.user.name,
                    comment=comment or "",
                )
            )

    def action_cancel(self):
        return self._workflow_run("cancel")

    def _do_cancel(self):
        self._workflow_set_state("cancel")
        self.sudo().activity_unlink(["office_docs.mail_act_supervision_chase"])
        self._office_log(self.env._("Cancelled."))

    def action_view_feedback(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Feedback"),
            "res_model": "office.supervision.feedback",
            "view_mode": "list",
            "domain": [("supervision_id", "=", self.id)],
        }

    # ------------------------------------------------------------------
    # Scheduled: traffic light and reminders
    # ------------------------------------------------------------------

    @api.model
    def _cron_refresh_and_remind(self, limit=500):
        """Every morning: refresh the traffic light of the open items (it
        depends on today), then chase the owners of the items due soon or
        overdue (again when the owner marked the chase done), and the office
        clerk who opened the item once it is passed; one open chase per item
        and person. Set-based and bounded."""
        Item = self.sudo()
        items = Item.search([("state", "=", "open")], order="deadline, id", limit=limit)
        self.env.add_to_compute(self._fields["status"], items)
        items.flush_recordset(["status"])
        red = items.filtered(lambda i: i.status == "red")
        yellow = items.filtered(lambda i: i.status == "yellow")
        if red:
            Item._office_remind(
                [("id", "in", red.ids)],
                "office_docs.mail_act_supervision_chase",
                lambda item: item.owner_id | item._office_clerk_creator(),
                summary=self.env._("Overdue: report on the matter now"),
            )
        if yellow:
            Item._office_remind(
                [("id", "in", yellow.ids)],
                "office_docs.mail_act_supervision_chase",
                "owner_id",
                deadline_field="deadline",
                summary=self.env._("Due soon: report by the deadline"),
            )
        remaining = Item.search_count([("state", "=", "open")]) - len(items)
        self.env["ir.cron"]._notify_progress(
            done=len(items), remaining=max(remaining, 0)
        )
        return True

    def _office_clerk_creator(self):
        """The office clerk who opened the item (not the installer)."""
        self.ensure_one()
        return self.create_uid.filtered(
            lambda u: (
                not u._is_superuser() and u.has_group("office_base.group_office_clerk")
            )
        )
