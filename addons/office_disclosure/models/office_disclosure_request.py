from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.translate import LazyTranslate

from .office_disclosure_release_mixin import OFFICER

_lt = LazyTranslate(__name__)

REQUEST_STATES = [
    ("draft", "Received"),
    ("in_progress", "In progress"),
    ("to_extend", "Extension to approve"),
    ("extended", "Extended"),
    ("answered", "Answered"),
    ("cancel", "Cancelled"),
]
ANSWER_TYPES = [
    ("public", "Disclosed"),
    ("partial", "Partly disclosed"),
    ("refused", "Not disclosed"),
    ("not_exist", "Information does not exist"),
    ("not_ours", "Not held by this agency"),
]
# answers that release information: they pass the secrecy review
RELEASING_ANSWERS = ("public", "partial")
# what was registered stays as registered: the deadline counts from it
REGISTERED_FIELDS = (
    "requester_name",
    "requester_kind",
    "channel",
    "content",
    "date_received",
    "company_id",
)
# answers that withhold information: they state their legal ground
GROUNDED_ANSWERS = ("partial", "refused", "not_ours")


class OfficeDisclosureRequest(models.Model):
    """A request for government information (依申请公开, 《政府信息公开条例》
    (2019) 第二十七条–第三十三条; 003 第四十条, 表19; 004 一(四)).

    A disclosure officer registers it with the requester and the information
    asked and gives it to a handler; it is answered on the spot when
    possible, otherwise within the working days of the company setting,
    counted on the office calendar from the day after receipt. The period
    may be extended once, by the working days of the company setting, when
    the reviewers of its ``tier.definition`` (the head of the disclosure
    office) approve; the requester gets the written extension notice. Every
    answer has a type; a withholding answer states its legal ground; an
    answer that releases information passes the secrecy review. A late
    answer is recorded (a 较大 risk of 表19).

    The requester's personal data is read only by the disclosure officers
    and the handler (record rules).

    Rights:

    ==================  ==========================  ==========================
    who                 read                        act
    ==================  ==========================  ==========================
    disclosure officer  all                         register, answer, extend,
                                                    cancel
    handler             the requests given to him   answer, ask an extension
    department head     the department's            the department's review
    reviewers           what they review            approve, refuse extensions
    internal control    all                         nothing
    ==================  ==========================  ==========================
    """

    _name = "office.disclosure.request"
    _description = "Disclosure Request"
    _inherit = [
        "office.workflow.mixin",
        "office.approval.mixin",
        "office.disclosure.release.mixin",
    ]
    _order = "date_received desc, id desc"
    _check_company_auto = True
    # tier.validation: the approval round is the extension
    _state_from = ["to_extend"]
    _state_to = ["extended"]
    _cancel_state = "cancel"
    _workflow_sequence_code = "office.disclosure.request"
    _workflow_owner_field = "handler_id"
    _workflow_owner_groups = (OFFICER,)
    _workflow_transitions = {
        "register": {
            "from": ("draft",),
            "to": "in_progress",
            "groups": (OFFICER,),
            "label": _lt("register"),
        },
        "answer_on_spot": {
            "from": ("draft",),
            "to": "answered",
            "groups": (OFFICER,),
            "label": _lt("answer on the spot"),
        },
        "request_extension": {
            "from": ("in_progress",),
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
            "to": "in_progress",
            "label": _lt("refuse the extension"),
        },
        "answer": {
            "from": ("in_progress", "extended"),
            "to": "answered",
            "owner": True,
            "label": _lt("answer"),
        },
        "cancel": {
            "from": ("draft", "in_progress"),
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
    _workflow_editable_states = ("draft", "in_progress", "extended")
    _workflow_locked_fields = (
        "requester_name",
        "requester_kind",
        "requester_id_number",
        "requester_phone",
        "requester_address",
        "channel",
        "content",
        "date_received",
        "answer_type",
        "legal_ground",
        "answer_text",
        "company_id",
    )
    _workflow_activities = {
        "draft": (
            "office_disclosure.mail_act_office_disclosure_register",
            "_disclosure_officers",
        ),
        "in_progress": (
            "office_disclosure.mail_act_office_disclosure_answer",
            "_disclosure_handlers",
        ),
        "extended": (
            "office_disclosure.mail_act_office_disclosure_answer",
            "_disclosure_handlers",
        ),
    }
    _disclosure_text_fields = ("answer_text",)
    _disclosure_review_states = ("in_progress", "extended")
    _disclosure_transition_fields = (
        "date_due",
        "extension_reason",
        "extended_on",
        "date_answered",
        "is_late",
    )

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    requester_name = fields.Char(string="Requester", required=True, tracking=True)
    requester_kind = fields.Selection(
        [
            ("citizen", "Citizen"),
            ("legal_person", "Legal person"),
            ("organisation", "Other organisation"),
        ],
        required=True,
        default="citizen",
    )
    requester_id_number = fields.Char(string="Identity document number")
    requester_phone = fields.Char(string="Phone")
    requester_address = fields.Char(string="Address")
    channel = fields.Selection(
        [
            ("letter", "Letter"),
            ("online", "Online"),
            ("on_site", "On site"),
            ("fax", "Fax"),
            ("email", "E-mail"),
        ],
        string="Received by",
        required=True,
        default="online",
    )
    content = fields.Text(string="Information asked", required=True)
    date_received = fields.Date(
        string="Received on",
        required=True,
        default=lambda self: self.env["office.calendar"].today(),
        tracking=True,
        index=True,
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Handling department",
        tracking=True,
        check_company=True,
    )
    handler_id = fields.Many2one("res.users", tracking=True, index=True)
    state = fields.Selection(
        REQUEST_STATES,
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    date_due = fields.Date(
        string="Answer due", readonly=True, copy=False, tracking=True, index=True
    )
    extension_reason = fields.Text(readonly=True, copy=False)
    extended_on = fields.Date(readonly=True, copy=False)
    date_answered = fields.Date(string="Answered on", readonly=True, copy=False)
    is_late = fields.Boolean(
        string="Answered late", readonly=True, copy=False, index=True
    )
    answer_type = fields.Selection(ANSWER_TYPES, tracking=True)
    legal_ground = fields.Text(
        help="The article of the disclosure regulation or of another law on which "
        "information is withheld, or the agency that holds it.",
    )
    answer_text = fields.Text(string="Answer")

    # ------------------------------------------------------------------
    # Computes and helpers
    # ------------------------------------------------------------------

    @api.depends("name")
    def _compute_display_name(self):
        # the reference only: the requester's name is personal data, and the
        # display name travels (activities, mails, risk events)
        for record in self:
            record.display_name = record.name

    def _workflow_check_write(self, vals):
        result = super()._workflow_check_write(vals)
        registered = self.filtered(lambda r: r.state != "draft")
        if registered and set(vals) & set(REGISTERED_FIELDS):
            raise UserError(
                self.env._(
                    "%(request)s is registered: what was received no longer changes.",
                    request=registered[:1].display_name,
                )
            )
        return result

    def _disclosure_officers(self):
        group = self.env.ref(OFFICER)
        return group.sudo().users.filtered(lambda u: self.company_id in u.company_ids)

    def _disclosure_handlers(self):
        return self.handler_id or self._disclosure_officers()

    def _disclosure_due_from(self, start, days):
        return self.env["office.calendar"].add_working_days(
            start, days, self.company_id
        )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_register(self):
        return self._workflow_run("register")

    def action_answer_on_spot(self):
        return self._workflow_run("answer_on_spot")

    def action_request_extension(self):
        return self._workflow_run("request_extension")

    def request_extension(self, reason):
        """Ask for the extension with its reason; usable over XML-RPC."""
        if not isinstance(reason, str) or not reason.strip():
            raise UserError(self.env._("Give the reason of the extension."))
        return self._workflow_run("request_extension", reason=reason)

    def action_answer(self):
        return self._workflow_run("answer")

    def action_cancel(self):
        return self._workflow_run("cancel")

    def action_draft(self):
        return self._workflow_run("draft")

    # ------------------------------------------------------------------
    # Transitions
    # ------------------------------------------------------------------

    def _check_can_register(self, **_kwargs):
        for request in self:
            if not request.handler_id:
                raise UserError(
                    self.env._(
                        "Give “%(request)s” a handler before registering it.",
                        request=request.display_name,
                    )
                )

    def _do_register(self, **kwargs):
        for request in self:
            request._workflow_set_state(
                "register",
                {
                    "date_due": request._disclosure_due_from(
                        request.date_received,
                        request.company_id.office_disclosure_answer_days,
                    )
                },
                **kwargs,
            )

    def _check_can_request_extension(self, reason=None, **_kwargs):
        if any(request.extended_on for request in self):
            raise UserError(
                self.env._("A disclosure request can be extended only once.")
            )

    def _do_request_extension(self, reason=None, **kwargs):
        # a refused round before stays in the approval history only
        self._office_reset_reviews()
        return self._office_submit(
            verb="request_extension", vals={"extension_reason": reason}, **kwargs
        )

    def _check_can_approve(self, **_kwargs):
        self._office_check_decided("validated")

    def _do_approve(self, **kwargs):
        today = self._workflow_today()
        for request in self:
            request._workflow_set_state(
                "approve",
                {
                    "date_due": request._disclosure_due_from(
                        request.date_due,
                        request.company_id.office_disclosure_extension_days,
                    ),
                    "extended_on": today,
                },
                **kwargs,
            )
            request.message_post(
                body=self.env._(
                    "Extension approved: the answer is due on %(date)s. Send the "
                    "requester the extension notice.",
                    date=request.date_due,
                ),
                subtype_xmlid="mail.mt_note",
            )

    def _check_can_refuse(self, **_kwargs):
        self._office_check_decided("rejected")

    def _do_refuse(self, **kwargs):
        # the period stays as it was
        self._workflow_set_state("refuse", {"extension_reason": False}, **kwargs)

    def _check_answer(self):
        for request in self:
            if not request.answer_type:
                raise UserError(
                    self.env._(
                        "Give the type of the answer to “%(request)s”.",
                        request=request.display_name,
                    )
                )
            if not (request.answer_text or "").strip():
                raise UserError(
                    self.env._(
                        "Write the answer to “%(request)s”.",
                        request=request.display_name,
                    )
                )
            if (
                request.answer_type in GROUNDED_ANSWERS
                and not (request.legal_ground or "").strip()
            ):
                raise UserError(
                    self.env._(
                        "An answer that withholds information states its legal "
                        "ground: fill in the legal ground of “%(request)s”.",
                        request=request.display_name,
                    )
                )
        releasing = self.filtered(lambda r: r.answer_type in RELEASING_ANSWERS)
        releasing._disclosure_check_release()

    def _check_can_answer_on_spot(self, **_kwargs):
        self._check_answer()

    def _do_answer_on_spot(self, at=None, **kwargs):
        today = fields.Date.to_date(at) if at else self._workflow_today()
        self._workflow_set_state(
            "answer_on_spot",
            {"date_answered": today, "date_due": today, "is_late": False},
            **kwargs,
        )

    def _check_can_answer(self, **_kwargs):
        self._check_answer()

    def _do_answer(self, at=None, **kwargs):
        # `at`: the day of a paper answer registered afterwards (Python only)
        today = fields.Date.to_date(at) if at else self._workflow_today()
        for request in self:
            request._workflow_set_state(
                "answer",
                {"date_answered": today, "is_late": today > request.date_due},
                **kwargs,
            )

    # ------------------------------------------------------------------
    # Crons
    # ------------------------------------------------------------------

    @api.model
    def _cron_remind_due(self, limit=500):
        """Chase the requests near or past their answer deadline."""
        calendar = self.env["office.calendar"]
        for company in self.env["res.company"].search([]):
            horizon = calendar.add_working_days(
                calendar.today(company), company.office_disclosure_remind_days, company
            )
            self._office_remind(
                [
                    ("company_id", "=", company.id),
                    ("state", "in", ("in_progress", "to_extend", "extended")),
                    ("date_due", "<=", horizon),
                ],
                "office_disclosure.mail_act_office_disclosure_due",
                lambda r: r._disclosure_handlers() | r._disclosure_officers(),
                deadline_field="date_due",
                limit=limit,
            )
