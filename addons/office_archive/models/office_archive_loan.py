from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.office_base.models.office_request_mixin import request_transitions

LOAN_STATES = [
    ("draft", "Draft"),
    ("to_approve", "To approve"),
    ("approved", "Approved"),
    ("lent", "Lent"),
    ("returned", "Returned"),
    ("refused", "Refused"),
    ("cancel", "Cancelled"),
]

LOAN_KINDS = [
    ("read", "Read in the reading room"),
    ("copy", "Copy"),
    ("take_out", "Take out"),
    ("display", "Display (physical objects)"),
]

# written by the loan's actions only
WORKFLOW_FIELDS = (
    "renewal_state",
    "renewal_days",
    "renewal_count",
    "renewal_request_days",
    "renewal_reason",
    "lent_at",
    "lent_by_id",
    "returned_at",
    "received_by_id",
    "return_condition",
    "return_note",
)

RETURN_CONDITIONS = [
    ("intact", "Intact"),
    ("damaged", "Damaged"),
    ("missing_pages", "Missing pages"),
]

ARCHIVIST = "office_archive.group_archivist"

LOCKED_FIELDS = (
    "borrower_id",
    "department_id",
    "external",
    "external_org",
    "intro_letter",
    "work_id_card",
    "item_ids",
    "purpose",
    "kind",
    "copy_count",
    "loan_date",
    "days",
    "leader_id",
    "company_id",
)


class OfficeArchiveLoan(models.Model):
    """A loan of archive items (借阅), approved as 003 第三十一条 says:

    - non-secret items: the borrowing department's archive lead;
    - secret items: the borrowing department, the owning department, the
      office's archive lead and the leader in charge of the owning
      department, and the confidential clerk for confidential or top secret
      items (机要); read in the archives only unless the company allows
      taking them out, never lent outside (002 篇6 机关档案保密制度 四);
    - external borrowers: a letter of introduction and the office director.

    The steps are ``tier.definition`` records (data, changeable by admins).
    Items are lent for at most the company's loan period in working days
    (five, office_base's calendar) and renewed as often as its renewal limit
    says (once), each renewal approved by the archivist. Secret items are copied
    or taken out only when the loan approved it; copies are registered. The
    archivist lends and takes back, checking the items (intact, damaged,
    missing pages → incident) and re-hashing their electronic files.

    Rights:

    ================  ===========================  ========================
    who               read                         act
    ================  ===========================  ========================
    staff             own loans                    request, submit, renew
    department heads  their department's loans     as staff
    reviewers         what they review             approve, refuse
    archivist         all                          lend, take back, renew
    internal control  all                          none
    ================  ===========================  ========================"""

    _name = "office.archive.loan"
    _description = "Archive Loan"
    _inherit = [
        "office.workflow.mixin",
        "mail.activity.mixin",
        "office.approval.mixin",
    ]
    _order = "id desc"
    _check_company_auto = True
    _state_from = ["to_approve"]
    _state_to = ["approved"]
    _cancel_state = "cancel"
    _workflow_owner_field = "borrower_id"
    _workflow_owner_groups = (ARCHIVIST,)
    _workflow_transitions = request_transitions(
        # the borrower, whoever registered the loan, or an archivist
        submit={"owner": False},
        refuse={"from": ("to_approve", "approved")},
        draft={"owner": False},
        lend={"from": ("approved",), "to": "lent", "groups": (ARCHIVIST,)},
        take_back={"from": ("lent",), "to": "returned", "groups": (ARCHIVIST,)},
        # the renewal keeps the items lent: the state stays, the renewal moves
        request_renewal={"from": ("lent",), "to": "lent"},
        approve_renewal={"from": ("lent",), "to": "lent", "groups": (ARCHIVIST,)},
        refuse_renewal={"from": ("lent",), "to": "lent", "groups": (ARCHIVIST,)},
    )
    _workflow_editable_states = ("draft",)
    _workflow_locked_fields = LOCKED_FIELDS
    _workflow_sequence_code = "office.archive.loan"
    _workflow_activities = {
        "approved": ("office_archive.mail_act_office_archive_lend", "_lend_users"),
    }

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    borrower_id = fields.Many2one(
        "res.users",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
        index=True,
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Borrowing department",
        compute="_compute_department_id",
        store=True,
        readonly=False,
        check_company=True,
        index=True,
    )
    external = fields.Boolean(
        string="External borrower",
        help="Someone from another organization, with a letter of introduction.",
    )
    external_org = fields.Char(string="Organization and person")
    intro_letter = fields.Binary(string="Letter of introduction", attachment=True)
    intro_letter_name = fields.Char()
    work_id_card = fields.Binary(
        string="Work ID",
        attachment=True,
        help="003 第三十一条（二）1: 局外单位利用局档案，需提供单位介绍信和工作证 — a "
        "copy of the external borrower's work ID, required before approval.",
    )
    work_id_card_name = fields.Char()
    item_ids = fields.Many2many(
        "office.archive.item",
        "office_archive_loan_item_rel",
        "loan_id",
        "item_id",
        string="Items",
        required=True,
        check_company=True,
    )
    purpose = fields.Text(required=True)
    kind = fields.Selection(LOAN_KINDS, required=True, default="read", tracking=True)
    copy_count = fields.Integer(
        string="Copies", help="Copies made; each is registered."
    )
    loan_date = fields.Date(
        required=True, default=fields.Date.context_today, tracking=True
    )
    days = fields.Integer(
        string="Working days",
        default=lambda self: self.env.company.archive_loan_max_days,
        required=True,
    )
    renewal_days = fields.Integer(readonly=True, copy=False)
    renewal_count = fields.Integer(
        string="Renewals asked",
        readonly=True,
        copy=False,
        help="Renewals asked so far; the company's limit applies.",
    )
    renewal_state = fields.Selection(
        [
            ("none", "None"),
            ("requested", "Requested"),
            ("approved", "Approved"),
            ("refused", "Refused"),
        ],
        default="none",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    renewal_request_days = fields.Integer(readonly=True, copy=False)
    renewal_reason = fields.Text(readonly=True, copy=False)
    due_date = fields.Date(
        compute="_compute_due_date", store=True, tracking=True, index=True
    )
    is_overdue = fields.Boolean(
        compute="_compute_is_overdue", search="_search_is_overdue"
    )
    is_secret = fields.Boolean(compute="_compute_secrecy", store=True)
    is_confidential_clerk = fields.Boolean(
        string="Confidential items (机要)", compute="_compute_secrecy", store=True
    )
    owning_department_id = fields.Many2one(
        "hr.department", compute="_compute_secrecy", store=True
    )
    borrow_lead_id = fields.Many2one(
        "res.users",
        string="Borrowing department's archive lead",
        compute="_compute_leads",
        store=True,
    )
    owner_lead_id = fields.Many2one(
        "res.users",
        string="Owning department's archive lead",
        compute="_compute_leads",
        store=True,
    )
    leader_id = fields.Many2one(
        "res.users",
        string="Leader in charge",
        tracking=True,
        readonly=True,
        help="Secret items: the leader in charge of the department that produced "
        "them, taken at submission; approves the loan (002 篇6 机关档案保密制度 四).",
        domain=lambda self: [
            ("groups_id", "in", self.env.ref("office_base.group_office_leader").id)
        ],
    )
    state = fields.Selection(
        LOAN_STATES,
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    lent_at = fields.Datetime(readonly=True, copy=False)
    lent_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    returned_at = fields.Datetime(readonly=True, copy=False)
    received_by_id = fields.Many2one(
        "res.users", string="Taken back by", readonly=True, copy=False
    )
    return_condition = fields.Selection(
        RETURN_CONDITIONS, readonly=True, copy=False, tracking=True
    )
    return_note = fields.Text(readonly=True, copy=False)
    incident_ids = fields.One2many("office.archive.incident", "loan_id", readonly=True)
    incident_count = fields.Integer(compute="_compute_incident_count")
    copy_ids = fields.One2many("office.archive.copy", "loan_id", readonly=True)
    can_lend = fields.Boolean(compute="_compute_can_lend")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    # ------------------------------------------------------------------
    # Computes and constraints
    # ------------------------------------------------------------------

    @api.depends("borrower_id")
    def _compute_department_id(self):
        for loan in self:
            loan.department_id = (
                loan.borrower_id.sudo().employee_id.department_id or loan.department_id
            )

    @api.depends("loan_date", "days", "renewal_days", "kind")
    def _compute_due_date(self):
        for loan in self:
            loan.due_date = loan._office_expected_due_date()

    def _office_expected_due_date(self):
        self.ensure_one()
        if not self.loan_date:
            return False
        if self.kind == "display":
            # 002 篇6 机关实物档案归档制度: displayed objects come back in a year
            return self.env["office.calendar"].add_working_days(
                self.loan_date
                + relativedelta(months=self.company_id.archive_display_months),
                self.renewal_days,
                company=self.company_id,
            )
        return self.env["office.calendar"].add_working_days(
            self.loan_date,
            max(self.days, 0) + self.renewal_days,
            company=self.company_id,
        )

    def _compute_is_overdue(self):
        today = self.env["office.calendar"].today()
        for loan in self:
            loan.is_overdue = (
                loan.state == "lent" and loan.due_date and loan.due_date < today
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on overdue loans."))
        domain = [
            ("state", "=", "lent"),
            ("due_date", "<", self.env["office.calendar"].today()),
        ]
        return domain if (operator == "=") == value else ["!", "&", *domain]

    @api.depends("item_ids", "item_ids.secrecy_level", "item_ids.department_id")
    def _compute_secrecy(self):
        for loan in self:
            items = loan.sudo().item_ids
            loan.is_secret = any(items.mapped("secrecy_rank"))
            loan.is_confidential_clerk = any(
                level in ("confidential", "top_secret")
                for level in items.mapped("secrecy_level")
            )
            secret = items.filtered("secrecy_rank")
            loan.owning_department_id = (secret or items).department_id[:1]

    @api.depends("department_id", "owning_department_id")
    def _compute_leads(self):
        for loan in self:
            loan.borrow_lead_id = (
                loan.department_id.sudo()._archive_lead()
                if loan.department_id
                else False
            )
            loan.owner_lead_id = (
                loan.owning_department_id.sudo()._archive_lead()
                if loan.owning_department_id
                else False
            )

    def _compute_incident_count(self):
        for loan in self:
            loan.incident_count = len(loan.incident_ids)

    @api.depends_context("uid")
    @api.depends("state")
    def _compute_can_lend(self):
        archivist = self.env.user.has_group("office_archive.group_archivist")
        for loan in self:
            loan.can_lend = archivist and loan.state == "approved"

    @api.depends("name", "borrower_id")
    def _compute_display_name(self):
        for loan in self:
            loan.display_name = " ".join(
                p
                for p in (
                    loan.name,
                    loan.external_org if loan.external else loan.borrower_id.name,
                )
                if p
            )

    @api.constrains("days")
    def _check_days(self):
        for loan in self:
            limit = loan.company_id.archive_loan_max_days
            if not 1 <= loan.days <= limit:
                raise ValidationError(
                    self.env._(
                        "Archives are lent for 1 to %(max)s working days.",
                        max=limit,
                    )
                )

    @api.constrains("due_date", "loan_date", "days", "renewal_days")
    def _check_due_date(self):
        """The due date is computed from the loan date, the days lent and the
        renewal (003 第三十一条); nobody writes another one."""
        for loan in self:
            expected = loan._office_expected_due_date()
            if loan.due_date != expected:
                raise ValidationError(
                    self.env._(
                        "The due date of %(loan)s is %(due)s: it follows from the "
                        "loan date, the days lent and an approved renewal, and "
                        "cannot be set by hand.",
                        loan=loan.display_name,
                        due=expected or self.env._("not set yet"),
                    )
                )

    @api.constrains("kind", "copy_count")
    def _check_copies(self):
        for loan in self:
            if loan.copy_count < 0 or (loan.kind == "copy" and loan.copy_count < 1):
                raise ValidationError(self.env._("Say how many copies are made."))

    @api.constrains("leader_id")
    def _check_leader(self):
        leaders = self.env.ref("office_base.group_office_leader")
        for loan in self:
            if loan.leader_id and leaders not in loan.leader_id.groups_id:
                raise ValidationError(
                    self.env._(
                        "%(user)s is not a leader of the agency.",
                        user=loan.leader_id.name,
                    )
                )

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------

    def _workflow_check_write(self, vals):
        res = super()._workflow_check_write(vals)
        kept = set(vals) & set(WORKFLOW_FIELDS)
        if kept:
            raise UserError(
                self.env._(
                    "%(field)s changes only through the loan's actions.",
                    field=self._fields[sorted(kept)[0]].get_description(self.env)[
                        "string"
                    ],
                )
            )
        return res

    @api.model
    def _is_archivist(self):
        return self.env.user.has_group(ARCHIVIST)

    def _lend_users(self):
        """The archivist keeping the fonds, or the first archivist."""
        self.ensure_one()
        archivists = self.env.ref(ARCHIVIST).sudo().users
        keeper = self.sudo().item_ids.fonds_id.archive_department_id.manager_id.user_id[
            :1
        ]
        return keeper if keeper in archivists else archivists[:1]

    # ------------------------------------------------------------------
    # Submission and approval
    # ------------------------------------------------------------------

    def action_submit(self):
        return self._workflow_run("submit")

    def _check_can_submit(self):
        for loan in self:
            if (
                loan.borrower_id != self.env.user
                and loan.create_uid != self.env.user
                and not self._is_archivist()
            ):
                raise AccessError(
                    self.env._("Only the borrower submits a loan request.")
                )
            items = loan.sudo().item_ids
            if not items:
                raise UserError(self.env._("Choose the items to borrow."))
            not_available = items.filtered(
                lambda i: i.state not in ("in_stock", "on_loan")
            )
            if not_available:
                raise UserError(
                    self.env._(
                        "%(item)s cannot be lent (not in the archives).",
                        item=not_available[:1].display_name,
                    )
                )
            if loan.kind == "display":
                loan._check_display()
            if loan.external:
                loan._check_external_papers()
            elif not loan.borrow_lead_id:
                raise UserError(
                    self.env._(
                        "The borrowing department has no archive lead or manager to "
                        "approve the loan."
                    )
                )
            if loan.is_secret:
                loan._check_secret_loan()
                if not loan.owner_lead_id:
                    raise UserError(
                        self.env._(
                            "The owning department has no archive lead or manager."
                        )
                    )

    def _check_display(self):
        """Only physical objects are lent for display (002 篇6
        机关实物档案归档制度)."""
        self.ensure_one()
        other = self.sudo().item_ids.filtered(lambda i: i.carrier != "physical")
        if other:
            raise UserError(
                self.env._(
                    "Only physical objects are lent for display: %(item)s is not one.",
                    item=other[:1].display_name,
                )
            )

    def _check_external_papers(self):
        """003 第三十一条（二）1: an external borrower shows the letter of
        introduction of the organization and a work ID."""
        self.ensure_one()
        if not (self.external_org or "").strip() or not self.intro_letter:
            raise UserError(
                self.env._(
                    "An external borrower needs a letter of introduction: "
                    "name the organization and attach the letter."
                )
            )
        if not self.work_id_card:
            raise UserError(
                self.env._(
                    "An external borrower shows a work ID: attach a copy of it "
                    "(003 第三十一条)."
                )
            )

    def _check_secret_loan(self):
        """002 篇6 机关档案保密制度 四: secret archives are read by the
        agency's staff only, with the consent of the producing department and
        the approval of its leader in charge; 机密档案概不外借."""
        self.ensure_one()
        if self.external:
            raise UserError(
                self.env._(
                    "Secret archives are never lent outside the agency: an external "
                    "borrower cannot have %(item)s.",
                    item=self.sudo().item_ids.filtered("secrecy_rank")[:1].display_name,
                )
            )
        if self.kind == "take_out" and not self.company_id.archive_secret_take_out:
            raise UserError(
                self.env._("Secret archives are read in the archives, never taken out.")
            )
        if not self._secret_leader():
            raise UserError(
                self.env._(
                    "The department that produced the secret items has no leader in "
                    "charge to approve the loan."
                )
            )

    def _secret_leader(self):
        """The leader in charge of the department that produced the items."""
        self.ensure_one()
        department = self.owning_department_id
        return department._office_leader_in_charge() if department else department

    def _do_submit(self, **kwargs):
        for loan in self:
            vals = {"leader_id": loan._secret_leader().id} if loan.is_secret else {}
            loan._office_submit(vals=vals, **kwargs)
        return True

    def _do_approve(self):
        self._workflow_set_state("approve")
        for loan in self:
            loan.sudo().message_post(
                body=self.env._("Approved: the items can be lent."),
                subtype_xmlid="mail.mt_comment",
                partner_ids=loan.borrower_id.partner_id.ids,
            )
        return True

    def action_cancel(self):
        return self._workflow_run("cancel")

    def action_draft(self):
        return self._workflow_run("draft")

    def _check_can_draft(self):
        self.check_access("write")

    # ------------------------------------------------------------------
    # Custody
    # ------------------------------------------------------------------

    def action_lend(self):
        """Hand the items to the borrower; usable over XML-RPC."""
        return self._workflow_run("lend")

    def _check_can_lend(self):
        for loan in self:
            if loan.validation_status != "validated":
                raise UserError(
                    self.env._(
                        "%(loan)s is not approved: the items cannot be lent.",
                        loan=loan.name,
                    )
                )
            busy = loan.sudo().item_ids.filtered(lambda i: i.state != "in_stock")
            if busy:
                raise UserError(
                    self.env._(
                        "%(item)s is not in stock (%(state)s).",
                        item=busy[:1].display_name,
                        state=dict(
                            busy._fields["state"]._description_selection(self.env)
                        )[busy[:1].state],
                    )
                )

    def _do_lend(self):
        now = fields.Datetime.now()
        for loan in self:
            loan.sudo().item_ids._workflow_run("lend")
            loan._workflow_set_state(
                "lend", {"lent_at": now, "lent_by_id": self.env.uid}
            )
            if loan.kind == "copy":
                self.env["office.archive.copy"].sudo().create(
                    [
                        {
                            "loan_id": loan.id,
                            "item_id": item.id,
                            "copies": loan.copy_count,
                        }
                        for item in loan.sudo().item_ids
                    ]
                )
                loan.sudo().message_post(
                    body=self.env._(
                        "Copies registered: %(count)s copies of %(items)s.",
                        count=loan.copy_count,
                        items=", ".join(loan.sudo().item_ids.mapped("name")),
                    ),
                    subtype_xmlid="mail.mt_note",
                )
        return True

    def action_take_back(self):
        self._workflow_check_from("take_back", self._workflow_spec("take_back"))
        self._workflow_check_groups("take_back", self._workflow_spec("take_back"))
        return self.env["office.archive.reason.wizard"]._open(self, "loan_return")

    def take_back(self, condition="intact", note=None):
        """Take the items back after checking them: `condition` is intact,
        damaged or missing_pages (an incident is opened unless intact);
        electronic files are re-hashed; usable over XML-RPC."""
        return self._workflow_run("take_back", condition=condition, note=note)

    def _check_can_take_back(self, condition="intact", note=None):
        if condition not in dict(RETURN_CONDITIONS):
            raise UserError(
                self.env._("Unknown condition: %(value)s.", value=condition)
            )
        if condition != "intact" and not (note or "").strip():
            raise UserError(self.env._("Describe the damage or the missing pages."))

    def _do_take_back(self, condition="intact", note=None):
        now = fields.Datetime.now()
        for loan in self:
            items = loan.sudo().item_ids
            items.filtered(lambda i: i.state == "on_loan")._workflow_run("return")
            altered = items._check_integrity()
            loan._workflow_set_state(
                "take_back",
                {
                    "returned_at": now,
                    "received_by_id": self.env.uid,
                    "return_condition": condition,
                    "return_note": note or False,
                },
            )
            incidents = []
            if condition != "intact":
                incidents += [
                    {
                        "loan_id": loan.id,
                        "item_id": item.id,
                        "kind": condition,
                        "description": note,
                    }
                    for item in items
                ]
            incidents += [
                {
                    "loan_id": loan.id,
                    "item_id": item.id,
                    "kind": "altered",
                    "description": self.env._(
                        "An electronic file no longer matches its digest."
                    ),
                }
                for item in altered
            ]
            if incidents:
                self.env["office.archive.incident"].sudo().create(incidents)
            loan.sudo().activity_unlink(
                ["office_archive.mail_act_office_archive_overdue"]
            )
        return True

    # ------------------------------------------------------------------
    # Renewal
    # ------------------------------------------------------------------

    def request_renewal(self, days, reason):
        """Ask to keep the items longer (at most the company's loan period
        more), as often as the company's renewal limit allows; XML-RPC."""
        return self._workflow_run("request_renewal", days=days, reason=reason)

    def _check_can_request_renewal(self, days=0, reason=None):
        self.ensure_one()
        if self.borrower_id != self.env.user and not self._is_archivist():
            raise AccessError(self.env._("Only the borrower asks for a renewal."))
        company = self.company_id
        if self.renewal_state == "requested":
            raise UserError(self.env._("A renewal is already waiting for a decision."))
        if self.renewal_count >= company.archive_loan_max_renewals:
            raise UserError(
                self.env._(
                    "A loan is renewed %(count)s times at most.",
                    count=company.archive_loan_max_renewals,
                )
            )
        if not 1 <= days <= company.archive_loan_max_days:
            raise UserError(
                self.env._(
                    "A renewal lasts 1 to %(max)s working days.",
                    max=company.archive_loan_max_days,
                )
            )
        if not (reason or "").strip():
            raise UserError(self.env._("Say why the items are needed longer."))

    def _do_request_renewal(self, days=0, reason=None):
        self._workflow_set_state(
            "request_renewal",
            {
                "renewal_state": "requested",
                "renewal_count": self.renewal_count + 1,
                "renewal_request_days": days,
                "renewal_reason": reason,
            },
        )
        self._office_schedule_missing(
            "office_archive.mail_act_office_archive_renewal",
            self.env.ref(ARCHIVIST).sudo().users[:1],
        )
        return True

    def action_request_renewal(self):
        self.ensure_one()
        return self.env["office.archive.reason.wizard"]._open(self, "loan_renewal")

    def _check_renewal_decision(self):
        if self.filtered(lambda r: r.renewal_state != "requested"):
            raise UserError(self.env._("No renewal is waiting for a decision."))

    def action_approve_renewal(self):
        return self._workflow_run("approve_renewal")

    _check_can_approve_renewal = _check_renewal_decision

    def _do_approve_renewal(self):
        for loan in self:
            loan._workflow_set_state(
                "approve_renewal",
                {
                    "renewal_state": "approved",
                    "renewal_days": loan.renewal_days + loan.renewal_request_days,
                },
            )
            loan.sudo().activity_unlink(
                [
                    "office_archive.mail_act_office_archive_renewal",
                    "office_archive.mail_act_office_archive_overdue",
                ]
            )
        return True

    def action_refuse_renewal(self):
        return self._workflow_run("refuse_renewal")

    _check_can_refuse_renewal = _check_renewal_decision

    def _do_refuse_renewal(self):
        self._workflow_set_state("refuse_renewal", {"renewal_state": "refused"})
        self.sudo().activity_unlink(["office_archive.mail_act_office_archive_renewal"])
        return True

    # ------------------------------------------------------------------
    # Reminders
    # ------------------------------------------------------------------

    @api.model
    def _cron_remind_overdue(self, limit=500):
        """On each working day, remind the borrowers of overdue loans: one
        activity per loan, due on the loan's due date."""
        today = self.env["office.calendar"].today()
        if not self.env["office.calendar"].is_working_day(today):
            return self.browse()
        return self.sudo()._office_remind(
            [("state", "=", "lent"), ("due_date", "<", today)],
            "office_archive.mail_act_office_archive_overdue",
            "borrower_id",
            deadline_field="due_date",
            summary=self.env._("Return the borrowed archives: the loan is overdue."),
            limit=limit,
        )

    def action_open_incidents(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Incidents"),
            "res_model": "office.archive.incident",
            "view_mode": "list,form",
            "domain": [("loan_id", "=", self.id)],
        }
