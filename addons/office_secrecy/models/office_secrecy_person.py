from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from odoo.addons.office_base.models.res_users import CLEARANCE_GRANT
from odoo.addons.office_base.tools import granted

_lt = LazyTranslate(__name__)
OFFICE = "office_secrecy.group_secrecy_office"

SECRECY_CLASSES = [
    ("core", "Core"),
    ("important", "Important"),
    ("general", "General"),
]
PERSON_STATES = [
    ("draft", "Draft"),
    ("on_post", "On post"),
    ("decontamination", "Decontamination"),
    ("released", "Released"),
    ("cancel", "Cancelled"),
]
CLOSED_PERSON_STATES = ("released", "cancel")
# fields the register may still change on a closed entry: none but chatter
TECHNICAL_FIELDS = {
    "message_main_attachment_id",
    "activity_ids",
    "message_follower_ids",
}


class OfficeSecrecyPerson(models.Model):
    """The register of cleared staff (涉密人员登记表): class (核心、重要、一般),
    post, dates, the signed on-post commitment (在岗保密承诺书), trainings;
    on leaving, the off-post commitment (离岗保密承诺书) and the end of the
    decontamination period (脱密期) by class.

    The user's clearance in office_base follows this register: it is set to
    the class when the post starts and dropped to none when the post ends.

    Rights: the secrecy office keeps the register (every step below);
    department heads read their departments' people; each person reads
    their own entries. The scheduled action releases the entries whose
    decontamination period has ended, as its user (the secrecy office)."""

    _name = "office.secrecy.person"
    _description = "Cleared Staff Member"
    _inherit = ["office.workflow.mixin", "mail.activity.mixin"]
    _workflow_locked_fields = ("decontamination_end",)
    _workflow_deletable_states = ("draft",)
    _workflow_transitions = {
        "start_post": {
            "from": ("draft",),
            "to": "on_post",
            "groups": (OFFICE,),
            "label": _lt("put on post"),
        },
        "leave_post": {
            "from": ("on_post",),
            "to": "decontamination",
            "groups": (OFFICE,),
            "label": _lt("take off post"),
        },
        "release": {
            "from": ("decontamination",),
            "to": "released",
            "groups": (OFFICE,),
            "label": _lt("release"),
        },
        "cancel": {
            "from": ("draft",),
            "to": "cancel",
            "groups": (OFFICE,),
            "label": _lt("cancel"),
        },
    }
    _order = "state, date_start desc, id desc"
    _check_company_auto = True
    _rec_name = "user_id"

    user_id = fields.Many2one(
        "res.users", string="Person", required=True, tracking=True, index=True
    )
    department_id = fields.Many2one(
        "hr.department",
        compute="_compute_department_id",
        store=True,
        readonly=False,
        index=True,
    )
    secrecy_class = fields.Selection(
        SECRECY_CLASSES, string="Class", required=True, default="general", tracking=True
    )
    post = fields.Char(string="Secret post", required=True, tracking=True)
    date_start = fields.Date(string="On post since", tracking=True)
    on_post_commitment = fields.Binary(
        string="On-post commitment", attachment=True, copy=False
    )
    on_post_commitment_name = fields.Char(copy=False)
    on_post_signed = fields.Date(string="On-post commitment signed", tracking=True)
    date_end = fields.Date(string="Left the post", tracking=True, copy=False)
    off_post_commitment = fields.Binary(
        string="Off-post commitment", attachment=True, copy=False
    )
    off_post_commitment_name = fields.Char(copy=False)
    decontamination_end = fields.Date(
        string="Decontamination ends", readonly=True, copy=False, tracking=True
    )
    state = fields.Selection(
        PERSON_STATES,
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    attendance_ids = fields.One2many(
        "office.secrecy.training.attendance", "person_id", string="Trainings"
    )
    last_training_date = fields.Date(compute="_compute_last_training_date")
    trip_ids = fields.One2many(
        "office.secrecy.trip", "person_id", string="Trips abroad"
    )
    trip_count = fields.Integer(compute="_compute_trip_count")
    note = fields.Text()
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    _sql_constraints = [
        (
            "dates_order",
            "CHECK(date_end IS NULL OR date_start IS NULL OR date_end >= date_start)",
            "A person leaves the post after taking it.",
        ),
    ]

    @api.depends("user_id")
    def _compute_department_id(self):
        for person in self:
            person.department_id = (
                person.user_id.sudo().employee_id.department_id or person.department_id
            )

    def _compute_last_training_date(self):
        for person in self:
            attended = person.attendance_ids.filtered("attended").training_id
            person.last_training_date = max(attended.mapped("date"), default=False)

    def _compute_trip_count(self):
        for person in self:
            person.trip_count = len(person.trip_ids)

    @api.constrains("user_id", "state")
    def _check_one_open_entry(self):
        for person in self.filtered(lambda p: p.state in ("draft", "on_post")):
            if self.search_count(
                [
                    ("id", "!=", person.id),
                    ("user_id", "=", person.user_id.id),
                    ("state", "in", ("draft", "on_post")),
                ]
            ):
                raise ValidationError(
                    self.env._(
                        "%(user)s already has an open entry in the register of "
                        "cleared staff.",
                        user=person.user_id.name,
                    )
                )

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------

    def write(self, vals):
        if set(vals) - TECHNICAL_FIELDS and any(
            person.state in CLOSED_PERSON_STATES for person in self
        ):
            raise UserError(
                self.env._(
                    "A closed entry of the register of cleared staff cannot be changed."
                )
            )
        return super().write(vals)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_start_post(self):
        return self._workflow_run("start_post")

    def action_leave_post(self):
        return self._workflow_run("leave_post")

    def action_cancel(self):
        return self._workflow_run("cancel")

    # ------------------------------------------------------------------
    # Transitions
    # ------------------------------------------------------------------

    def _check_can_start_post(self):
        for person in self:
            if not person.on_post_commitment or not person.on_post_signed:
                raise UserError(
                    self.env._(
                        "Attach the signed on-post commitment of %(user)s and its date "
                        "first.",
                        user=person.user_id.name,
                    )
                )

    def _do_start_post(self):
        today = self._workflow_today()
        for person in self:
            person._workflow_set_state(
                "start_post", {"date_start": person.date_start or today}
            )
        self._sync_clearance()
        return True

    def _check_can_leave_post(self):
        for person in self:
            if not person.off_post_commitment:
                raise UserError(
                    self.env._(
                        "Attach the signed off-post commitment of %(user)s first.",
                        user=person.user_id.name,
                    )
                )

    def _do_leave_post(self):
        today = self._workflow_today()
        for person in self:
            end = person.date_end or today
            person._workflow_set_state(
                "leave_post",
                {
                    "date_end": end,
                    "decontamination_end": end
                    + relativedelta(years=person._decontamination_years()),
                },
            )
        self._sync_clearance()
        return True

    def _check_can_release(self):
        today = self._workflow_today()
        for person in self:
            if person.decontamination_end and person.decontamination_end > today:
                raise UserError(
                    self.env._(
                        "The decontamination period of %(user)s ends on %(date)s.",
                        user=person.user_id.name,
                        date=person.decontamination_end,
                    )
                )

    def _do_release(self):
        self._workflow_set_state("release")
        for person in self:
            person.sudo().message_post(
                body=self.env._(
                    "Decontamination period ended: released from the register."
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def _decontamination_years(self):
        self.ensure_one()
        company = self.company_id
        return {
            "core": company.office_decontamination_core,
            "important": company.office_decontamination_important,
            "general": company.office_decontamination_general,
        }[self.secrecy_class]

    def _sync_clearance(self):
        """The clearance of office_base follows the register: the class while
        on post, none otherwise."""
        for user in self.user_id:
            on_post = self.sudo().search(
                [("user_id", "=", user.id), ("state", "=", "on_post")],
                order="id desc",
                limit=1,
            )
            clearance = on_post.secrecy_class if on_post else "none"
            if user.office_clearance != clearance:
                with granted(CLEARANCE_GRANT, user):
                    user.sudo().write({"office_clearance": clearance})

    def action_open_trips(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "office_secrecy.office_secrecy_trip_action"
        )
        action["domain"] = [("person_id", "=", self.id)]
        action["context"] = {"default_person_id": self.id}
        return action

    @api.model
    def _cron_end_decontamination(self, limit=500):
        """Release the entries whose decontamination period has ended: the
        cron's user (the secrecy office) runs the ``release`` step."""
        domain = [
            ("state", "=", "decontamination"),
            ("decontamination_end", "<=", self._workflow_today()),
        ]
        ended = self.search(domain, limit=limit)
        ended._workflow_run("release")
        self.env["ir.cron"]._notify_progress(
            done=len(ended), remaining=self.search_count(domain)
        )
        return ended
