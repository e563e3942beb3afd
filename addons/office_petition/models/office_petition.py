from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from odoo.addons.office_base.models.office_workflow_mixin import TRANSITION
from odoo.addons.office_base.tools import granted, is_granted

_lt = LazyTranslate(__name__)

OFFICER = "office_petition.group_petition_officer"
REGULATIONS = "office_petition.group_petition_regulations"
# the purpose under which the co-signature is recorded or dropped
COSIGN_GRANT = "office_petition_cosign"
COSIGN_FIELDS = ("cosigned_by_id", "cosigned_on")
# register columns the transitions write: no caller writes them
TRANSITION_FIELDS = (
    "date_accepted",
    "acceptance_late",
    "answer_due",
    "extension_reason",
    "extended_on",
    "date_answered",
    "answer_late",
    "review_requested_on",
    "review_due",
    "rereview_requested_on",
    "rereview_due",
    "date_closed",
)

# what was registered stays as registered: the deadlines count from it
REGISTERED_FIELDS = (
    "petitioner_name",
    "form",
    "persons",
    "content",
    "legal_channel",
    "date_received",
    "first_receiver_id",
    "company_id",
)

PETITION_STATES = [
    ("draft", "Registered"),
    ("accepted", "Accepted"),
    ("to_extend", "Extension to approve"),
    ("extended", "Extended"),
    ("answered", "Answered"),
    ("in_review", "Under review"),
    ("reviewed", "Reviewed"),
    ("in_rereview", "Under re-review"),
    ("closed", "Closed"),
    ("not_accepted", "Not accepted"),
    ("cancel", "Cancelled"),
]


class OfficePetition(models.Model):
    """A petition by letter or visit (信访, 003 第五十条–第五十二条, 表26;
    《信访工作条例》(2022)).

    The first office that receives it registers it and keeps responsibility
    (首信首访): who, what, how received, how many people, the legal channel
    it belongs to. Within the days of the company setting (15) the petition
    officers accept it or not and tell the petitioner in writing (acceptance
    notice). An accepted petition is answered by the department in charge
    within the days of the company setting (60) from acceptance; the period
    may be extended once (30 days) when the reviewers of its
    ``tier.definition`` (the agency's head) approve, with a notice. An answer
    whose legal ground is uncertain is co-signed by the regulations section
    (税政法规科) before it goes out. The petitioner may ask for a review
    (复查) and a re-review (复核), each answered within 30 days. Group,
    repeated or disruptive petitions are flagged and escalated to the
    leaders.

    Deadlines are in calendar days, as the regulation counts them. The
    petitioner's personal data is read only by the people handling the
    petition (record rules).

    Rights:

    ==================  ===============================  =====================
    who                 read                             act
    ==================  ===============================  =====================
    petition officer    all                              register, accept or
                                                         not, reviews, close
    handler             the petitions given to him       answer, ask extension
    first receiver      what he registered               —
    regulations section petitions with an uncertain      co-sign the answer
                        legal ground
    leaders             flagged petitions                decide extensions
    internal control    all                              nothing
    ==================  ===============================  =====================
    """

    _name = "office.petition"
    _description = "Petition"
    _inherit = ["office.workflow.mixin", "office.approval.mixin"]
    _order = "date_received desc, id desc"
    _check_company_auto = True
    # tier.validation: the approval round is the extension
    _state_from = ["to_extend"]
    _state_to = ["extended"]
    _cancel_state = "cancel"
    _workflow_sequence_code = "office.petition"
    _workflow_owner_field = "handler_id"
    _workflow_owner_groups = (OFFICER,)
    _workflow_transitions = {
        "accept": {
            "from": ("draft",),
            "to": "accepted",
            "groups": (OFFICER,),
            "label": _lt("accept"),
        },
        "not_accept": {
            "from": ("draft",),
            "to": "not_accepted",
            "groups": (OFFICER,),
            "reason": True,
            "label": _lt("not accept"),
        },
        "request_extension": {
            "from": ("accepted",),
            "to": "to_extend",
            "owner": True,
            "reason": True,
            "label": _lt("ask for an extension"),
        },
        # run as the deciding reviewer once tier.validation has decided
        "approve": {
            "from": ("to_extend",),
            "to": "extended",
            "label": _lt("approve the extension"),
        },
        "refuse": {
            "from": ("to_extend",),
            "to": "accepted",
            "label": _lt("refuse the extension"),
        },
        "answer": {
            "from": ("accepted", "extended"),
            "to": "answered",
            "owner": True,
            "label": _lt("answer"),
        },
        "request_review": {
            "from": ("answered",),
            "to": "in_review",
            "groups": (OFFICER,),
            "label": _lt("register a request for review"),
        },
        "answer_review": {
            "from": ("in_review",),
            "to": "reviewed",
            "groups": (OFFICER,),
            "label": _lt("answer the review"),
        },
        "request_rereview": {
            "from": ("reviewed",),
            "to": "in_rereview",
            "groups": (OFFICER,),
            "label": _lt("register a request for re-review"),
        },
        "answer_rereview": {
            "from": ("in_rereview",),
            "to": "closed",
            "groups": (OFFICER,),
            "label": _lt("answer the re-review"),
        },
        "close": {
            "from": ("answered", "reviewed"),
            "to": "closed",
            "groups": (OFFICER,),
            "label": _lt("close"),
        },
        "cancel": {
            "from": ("draft",),
            "to": "cancel",
            "groups": (OFFICER,),
            "reason": True,
            "label": _lt("cancel"),
        },
        "draft": {
            "from": ("cancel",),
            "to": "draft",
            "groups": (OFFICER,),
            "label": _lt("reset"),
        },
    }
    _workflow_editable_states = (
        "draft",
        "accepted",
        "extended",
        "in_review",
        "in_rereview",
    )
    _workflow_locked_fields = (
        "petitioner_name",
        "petitioner_id_number",
        "petitioner_phone",
        "petitioner_address",
        "form",
        "persons",
        "content",
        "legal_channel",
        "date_received",
        "first_receiver_id",
        "answer_text",
        "legal_ground",
        "legal_ground_uncertain",
        "review_answer",
        "rereview_answer",
        "company_id",
    )
    _workflow_activities = {
        "draft": (
            "office_petition.mail_act_office_petition_accept",
            "_petition_officers",
        ),
        "accepted": (
            "office_petition.mail_act_office_petition_answer",
            "_petition_handlers",
        ),
        "extended": (
            "office_petition.mail_act_office_petition_answer",
            "_petition_handlers",
        ),
        "in_review": (
            "office_petition.mail_act_office_petition_review",
            "_petition_officers",
        ),
        "in_rereview": (
            "office_petition.mail_act_office_petition_review",
            "_petition_officers",
        ),
    }

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    petitioner_name = fields.Char(string="Petitioner", required=True, tracking=True)
    petitioner_id_number = fields.Char(string="Identity document number")
    petitioner_phone = fields.Char(string="Phone")
    petitioner_address = fields.Char(string="Address")
    form = fields.Selection(
        [
            ("letter", "Letter"),
            ("visit", "Visit"),
            ("phone", "Phone"),
            ("online", "Online"),
            ("email", "E-mail"),
        ],
        string="Received by",
        required=True,
        default="letter",
        tracking=True,
    )
    persons = fields.Integer(string="People", required=True, default=1)
    content = fields.Text(string="Request and facts", required=True)
    legal_channel = fields.Selection(
        [
            ("petition", "Petition matter"),
            ("litigation", "Litigation"),
            ("arbitration", "Arbitration"),
            ("administrative_review", "Administrative review"),
            ("other_agency", "Another agency's remit"),
        ],
        string="Legal channel",
        required=True,
        default="petition",
        tracking=True,
        help="The legal channel the matter belongs to: one that belongs to "
        "litigation, arbitration or administrative review is not accepted as a "
        "petition and the petitioner is told where to go.",
    )
    date_received = fields.Date(
        string="Received on",
        required=True,
        default=lambda self: self.env["office.calendar"].today(),
        tracking=True,
        index=True,
    )
    first_receiver_id = fields.Many2one(
        "res.users",
        string="First receiver",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
        help="The first office person who received the petition keeps "
        "responsibility for it (首信首访负责制).",
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Department in charge",
        tracking=True,
        check_company=True,
    )
    handler_id = fields.Many2one("res.users", tracking=True, index=True)
    state = fields.Selection(
        PETITION_STATES,
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    # deadlines and the register columns written by the transitions
    acceptance_due = fields.Date(
        string="Acceptance notice due",
        compute="_compute_acceptance_due",
        store=True,
        index=True,
    )
    date_accepted = fields.Date(string="Decided on", readonly=True, copy=False)
    acceptance_late = fields.Boolean(readonly=True, copy=False)
    answer_due = fields.Date(readonly=True, copy=False, tracking=True, index=True)
    extension_reason = fields.Text(readonly=True, copy=False)
    extended_on = fields.Date(readonly=True, copy=False)
    date_answered = fields.Date(string="Answered on", readonly=True, copy=False)
    answer_late = fields.Boolean(string="Answered late", readonly=True, copy=False)
    review_requested_on = fields.Date(readonly=True, copy=False)
    review_due = fields.Date(readonly=True, copy=False, index=True)
    rereview_requested_on = fields.Date(
        string="Re-review requested on", readonly=True, copy=False
    )
    rereview_due = fields.Date(string="Re-review due", readonly=True, copy=False)
    date_closed = fields.Date(string="Closed on", readonly=True, copy=False)
    # answers
    answer_text = fields.Text(string="Answer")
    legal_ground = fields.Text(help="The law or policy the answer rests on.")
    legal_ground_uncertain = fields.Boolean(
        string="Legal ground uncertain",
        tracking=True,
        help="The answer goes out only with the co-signature of the regulations "
        "section (003 第五十一条: 法律依据不确定的，会签税政法规科).",
    )
    cosigned_by_id = fields.Many2one(
        "res.users", string="Co-signed by", readonly=True, copy=False
    )
    cosigned_on = fields.Datetime(string="Co-signed on", readonly=True, copy=False)
    review_answer = fields.Text(string="Review opinion")
    rereview_answer = fields.Text(string="Re-review opinion")
    # flags
    is_group = fields.Boolean(
        string="Group petition", compute="_compute_is_group", store=True, index=True
    )
    is_repeated = fields.Boolean(string="Repeated petition", tracking=True)
    is_disruptive = fields.Boolean(string="Entangled or disruptive", tracking=True)
    is_flagged = fields.Boolean(
        string="Escalated", compute="_compute_is_flagged", store=True, index=True
    )

    # ------------------------------------------------------------------
    # Computes and constraints
    # ------------------------------------------------------------------

    @api.depends("date_received", "company_id.office_petition_acceptance_days")
    def _compute_acceptance_due(self):
        for petition in self:
            petition.acceptance_due = petition.date_received and (
                petition.date_received
                + relativedelta(
                    days=petition.company_id.office_petition_acceptance_days
                )
            )

    @api.depends("persons", "form", "company_id.office_petition_group_size")
    def _compute_is_group(self):
        for petition in self:
            size = petition.company_id.office_petition_group_size
            petition.is_group = bool(size and petition.persons >= size)

    @api.depends("is_group", "is_repeated", "is_disruptive")
    def _compute_is_flagged(self):
        for petition in self:
            petition.is_flagged = (
                petition.is_group or petition.is_repeated or petition.is_disruptive
            )

    @api.depends("name")
    def _compute_display_name(self):
        # the reference only: the petitioner's name is personal data, and the
        # display name travels (activities, mails, risk events)
        for record in self:
            record.display_name = record.name

    @api.constrains("persons")
    def _check_persons(self):
        if any(petition.persons < 1 for petition in self):
            raise ValidationError(
                self.env._("A petition is brought by one person or more.")
            )

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        petitions = super().create(vals_list)
        petitions.filtered("is_flagged")._petition_escalate()
        return petitions

    def write(self, vals):
        if set(vals) & set(COSIGN_FIELDS) and not is_granted(COSIGN_GRANT, self):
            raise UserError(
                self.env._("The co-signature is recorded by its action only.")
            )
        written = set(vals) & set(TRANSITION_FIELDS)
        if written and not is_granted(TRANSITION, self):
            raise UserError(
                self.env._(
                    "%(fields)s of a petition are written by its actions only.",
                    fields=", ".join(
                        self._fields[name]._description_string(self.env)
                        for name in sorted(written)
                    ),
                )
            )
        cosigned = self.filtered("cosigned_by_id")
        flagged = self.filtered("is_flagged")
        result = super().write(vals)
        changed = set(vals) & {"answer_text", "legal_ground", "legal_ground_uncertain"}
        if changed and cosigned and not is_granted(COSIGN_GRANT, self):
            cosigned._petition_drop_cosign()
        (self.filtered("is_flagged") - flagged)._petition_escalate()
        return result

    def _workflow_check_write(self, vals):
        result = super()._workflow_check_write(vals)
        registered = self.filtered(lambda r: r.state != "draft")
        if registered and set(vals) & set(REGISTERED_FIELDS):
            raise UserError(
                self.env._(
                    "%(petition)s is past its registration: what was received no "
                    "longer changes.",
                    petition=registered[:1].display_name,
                )
            )
        return result

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------

    def _petition_officers(self):
        return (
            self.env.ref(OFFICER)
            .sudo()
            .users.filtered(lambda u: self.company_id in u.company_ids)
        )

    def _petition_handlers(self):
        return self.handler_id or self._petition_officers()

    def _petition_leaders(self):
        return (
            self.env.ref("office_base.group_office_leader")
            .sudo()
            .users.filtered(lambda u: self.company_id in u.company_ids)
        )

    def _petition_escalate(self):
        """Group, repeated or disruptive petitions go to the leaders
        (003 第五十二条)."""
        for petition in self:
            petition._office_schedule_missing(
                "office_petition.mail_act_office_petition_escalated",
                petition._petition_leaders(),
                deadline=petition.acceptance_due,
            )
            petition.sudo().message_post(
                body=self.env._(
                    "Group, repeated or disruptive petition: escalated to the leaders."
                ),
                subtype_xmlid="mail.mt_note",
            )

    def _petition_day(self, at=None):
        return fields.Date.to_date(at) if at else self._workflow_today()

    def _petition_drop_cosign(self):
        with granted(COSIGN_GRANT, self):
            self.sudo().write(dict.fromkeys(COSIGN_FIELDS, False))
        for petition in self:
            petition.message_post(
                body=self.env._(
                    "The answer changed: the regulations section co-signs it again."
                ),
                subtype_xmlid="mail.mt_note",
            )

    @staticmethod
    def _require(value, message):
        if not (value or "").strip():
            raise UserError(message)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_accept(self):
        return self._workflow_run("accept")

    def action_not_accept(self):
        return self._workflow_run("not_accept")

    def action_request_extension(self):
        return self._workflow_run("request_extension")

    def request_extension(self, reason):
        """Ask for the extension with its reason; usable over XML-RPC."""
        if not isinstance(reason, str) or not reason.strip():
            raise UserError(self.env._("Give the reason of the extension."))
        return self._workflow_run("request_extension", reason=reason)

    def action_answer(self):
        return self._workflow_run("answer")

    def action_request_review(self):
        return self._workflow_run("request_review")

    def action_answer_review(self):
        return self._workflow_run("answer_review")

    def action_request_rereview(self):
        return self._workflow_run("request_rereview")

    def action_answer_rereview(self):
        return self._workflow_run("answer_rereview")

    def action_close(self):
        return self._workflow_run("close")

    def action_cancel(self):
        return self._workflow_run("cancel")

    def action_draft(self):
        return self._workflow_run("draft")

    def action_cosign(self):
        """The regulations section co-signs an answer whose legal ground is
        uncertain."""
        if not self.env.user.has_group(REGULATIONS):
            raise AccessError(
                self.env._("Only the regulations section co-signs an answer.")
            )
        self.check_access("read")
        for petition in self:
            if petition.state not in ("accepted", "extended"):
                raise UserError(
                    self.env._(
                        "%(petition)s is “%(state)s”: only an answer being prepared "
                        "is co-signed.",
                        petition=petition.display_name,
                        state=petition._workflow_state_label(petition.state),
                    )
                )
            if not petition.legal_ground_uncertain:
                raise UserError(
                    self.env._(
                        "The legal ground of %(petition)s is not marked uncertain: it "
                        "needs no co-signature.",
                        petition=petition.display_name,
                    )
                )
            self._require(
                petition.answer_text,
                self.env._("Write the answer before it is co-signed."),
            )
        with granted(COSIGN_GRANT, self):
            self.sudo().write(
                {
                    "cosigned_by_id": self.env.user.id,
                    "cosigned_on": fields.Datetime.now(),
                }
            )
        for petition in self:
            # the section reads the petition; the note is the kernel's record
            petition.sudo().message_post(
                body=self.env._(
                    "Answer co-signed by the regulations section (%(user)s).",
                    user=self.env.user.name,
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    # ------------------------------------------------------------------
    # Transitions
    # ------------------------------------------------------------------

    def _check_can_accept(self, **_kwargs):
        for petition in self:
            if not petition.handler_id:
                raise UserError(
                    self.env._(
                        "Give %(petition)s a handler in the department in charge "
                        "before accepting it.",
                        petition=petition.display_name,
                    )
                )
            if petition.legal_channel != "petition":
                raise UserError(
                    self.env._(
                        "%(petition)s belongs to another legal channel: do not accept "
                        "it, tell the petitioner where to go.",
                        petition=petition.display_name,
                    )
                )

    def _do_accept(self, at=None, **kwargs):
        # `at`: the day of a decision registered afterwards (Python only)
        day = self._petition_day(at)
        for petition in self:
            petition._workflow_set_state(
                "accept",
                {
                    "date_accepted": day,
                    "acceptance_late": day > petition.acceptance_due,
                    "answer_due": day
                    + relativedelta(
                        days=petition.company_id.office_petition_answer_days
                    ),
                },
                **kwargs,
            )

    def _do_not_accept(self, at=None, **kwargs):
        day = self._petition_day(at)
        for petition in self:
            petition._workflow_set_state(
                "not_accept",
                {
                    "date_accepted": day,
                    "acceptance_late": day > petition.acceptance_due,
                    "date_closed": day,
                },
                **kwargs,
            )

    def _check_can_request_extension(self, **_kwargs):
        if any(petition.extended_on for petition in self):
            raise UserError(self.env._("A petition can be extended only once."))

    def _do_request_extension(self, reason=None, **kwargs):
        self._office_reset_reviews()
        return self._office_submit(
            verb="request_extension", vals={"extension_reason": reason}, **kwargs
        )

    def _check_can_approve(self, **_kwargs):
        self._office_check_decided("validated")

    def _do_approve(self, **kwargs):
        day = self._workflow_today()
        for petition in self:
            petition._workflow_set_state(
                "approve",
                {
                    "answer_due": petition.answer_due
                    + relativedelta(
                        days=petition.company_id.office_petition_extension_days
                    ),
                    "extended_on": day,
                },
                **kwargs,
            )
            petition.message_post(
                body=self.env._(
                    "Extension approved: the answer is due on %(date)s. Send the "
                    "petitioner the extension notice.",
                    date=petition.answer_due,
                ),
                subtype_xmlid="mail.mt_note",
            )

    def _check_can_refuse(self, **_kwargs):
        self._office_check_decided("rejected")

    def _do_refuse(self, **kwargs):
        self._workflow_set_state("refuse", {"extension_reason": False}, **kwargs)

    def _check_can_answer(self, **_kwargs):
        for petition in self:
            self._require(
                petition.answer_text,
                self.env._(
                    "Write the answer to %(petition)s.", petition=petition.display_name
                ),
            )
            if petition.legal_ground_uncertain and not petition.cosigned_by_id:
                raise UserError(
                    self.env._(
                        "The legal ground of the answer to %(petition)s is uncertain: "
                        "it goes out only with the co-signature of the regulations "
                        "section.",
                        petition=petition.display_name,
                    )
                )

    def _do_answer(self, at=None, **kwargs):
        day = self._petition_day(at)
        for petition in self:
            petition._workflow_set_state(
                "answer",
                {"date_answered": day, "answer_late": day > petition.answer_due},
                **kwargs,
            )

    def _review_due(self, day):
        return day + relativedelta(days=self.company_id.office_petition_review_days)

    def _do_request_review(self, at=None, **kwargs):
        day = self._petition_day(at)
        for petition in self:
            petition._workflow_set_state(
                "request_review",
                {"review_requested_on": day, "review_due": petition._review_due(day)},
                **kwargs,
            )

    def _check_can_answer_review(self, **_kwargs):
        for petition in self:
            self._require(
                petition.review_answer, self.env._("Write the review opinion.")
            )

    def _do_request_rereview(self, at=None, **kwargs):
        day = self._petition_day(at)
        for petition in self:
            petition._workflow_set_state(
                "request_rereview",
                {
                    "rereview_requested_on": day,
                    "rereview_due": petition._review_due(day),
                },
                **kwargs,
            )

    def _check_can_answer_rereview(self, **_kwargs):
        for petition in self:
            self._require(
                petition.rereview_answer, self.env._("Write the re-review opinion.")
            )

    def _do_answer_rereview(self, at=None, **kwargs):
        self._workflow_set_state(
            "answer_rereview", {"date_closed": self._petition_day(at)}, **kwargs
        )

    def _do_close(self, at=None, **kwargs):
        self._workflow_set_state(
            "close", {"date_closed": self._petition_day(at)}, **kwargs
        )

    # ------------------------------------------------------------------
    # Crons
    # ------------------------------------------------------------------

    @api.model
    def _cron_remind_due(self, limit=500):
        """Chase the petitions near or past a deadline: acceptance, answer,
        review and re-review."""
        activity = "office_petition.mail_act_office_petition_due"
        for company in self.env["res.company"].search([]):
            horizon = self.env["office.calendar"].today(company) + relativedelta(
                days=company.office_petition_remind_days
            )
            base = [("company_id", "=", company.id)]
            for states, field in (
                (("draft",), "acceptance_due"),
                (("accepted", "to_extend", "extended"), "answer_due"),
                (("in_review",), "review_due"),
                (("in_rereview",), "rereview_due"),
            ):
                self._office_remind(
                    base + [("state", "in", states), (field, "<=", horizon)],
                    activity,
                    lambda r: r._petition_handlers() | r._petition_officers(),
                    deadline_field=field,
                    limit=limit,
                )
