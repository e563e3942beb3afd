from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

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
]

RETURN_CONDITIONS = [
    ("intact", "Intact"),
    ("damaged", "Damaged"),
    ("missing_pages", "Missing pages"),
]

MAX_LOAN_DAYS = 5

LOCKED_FIELDS = (
    "borrower_id",
    "department_id",
    "external",
    "external_org",
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
      office's archive lead and the leader in charge, and the confidential
      clerk for confidential or top secret items (机要);
    - external borrowers: a letter of introduction and the office director.

    The steps are ``tier.definition`` records (data, changeable by admins).
    Items are lent for at most five working days (office_base's calendar);
    one renewal per loan, approved by the archivist. Secret items are copied
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
        "mail.thread",
        "mail.activity.mixin",
        "office.approval.mixin",
        "office.archive.demo.mixin",
    ]
    _order = "id desc"
    _check_company_auto = True
    _state_from = ["to_approve"]
    _state_to = ["approved"]
    _cancel_state = "cancel"

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
    days = fields.Integer(string="Working days", default=MAX_LOAN_DAYS, required=True)
    renewal_days = fields.Integer(readonly=True, copy=False)
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

    @api.depends("loan_date", "days", "renewal_days")
    def _compute_due_date(self):
        calendar = self.env["office.calendar"]
        for loan in self:
            if not loan.loan_date:
                loan.due_date = False
                continue
            loan.due_date = calendar.add_working_days(
                loan.loan_date,
                max(loan.days, 0) + loan.renewal_days,
                company=loan.company_id,
            )

    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for loan in self:
            loan.is_overdue = (
                loan.state == "lent" and loan.due_date and loan.due_date < today
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on overdue loans."))
        domain = [
            ("state", "=", "lent"),
            ("due_date", "<", fields.Date.context_today(self)),
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
            if not 1 <= loan.days <= MAX_LOAN_DAYS:
                raise ValidationError(
                    self.env._(
                        "Archives are lent for 1 to %(max)s working days.",
                        max=MAX_LOAN_DAYS,
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

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not self.env.su and vals.get("state", "draft") != "draft":
                raise UserError(
                    self.env._("The state changes only through the action buttons.")
                )
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code(self._name)
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            if "state" in vals:
                raise UserError(
                    self.env._("The state changes only through the action buttons.")
                )
            locked = set(vals) & set(LOCKED_FIELDS)
            if locked and self.filtered(lambda r: r.state != "draft"):
                raise UserError(
                    self.env._(
                        "%(loan)s can be changed in draft only.",
                        loan=self.filtered(lambda r: r.state != "draft")[:1].name,
                    )
                )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_submitted(self):
        if self.filtered(lambda r: r.state not in ("draft", "cancel")):
            raise UserError(self.env._("Only draft or cancelled loans can be deleted."))

    def _write_state(self, vals):
        return self.sudo().with_context(skip_validation_check=True).write(vals)

    @api.model
    def _is_archivist(self):
        return self.env.su or self.env.user.has_group("office_archive.group_archivist")

    # ------------------------------------------------------------------
    # Submission and approval
    # ------------------------------------------------------------------

    def action_submit(self):
        self._check_can_submit()
        self._write_state({"state": "to_approve"})
        self.invalidate_recordset(["need_validation"])
        for loan in self:
            if not loan.need_validation:
                raise UserError(
                    self.env._(
                        "No approval step applies to %(loan)s: ask the office director "
                        "to configure the approval steps.",
                        loan=loan.name,
                    )
                )
        self.action_office_request_approval()
        return True

    def _check_can_submit(self):
        for loan in self:
            if loan.state != "draft":
                raise UserError(
                    self.env._("%(loan)s has already been submitted.", loan=loan.name)
                )
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
            if loan.external:
                if not (loan.external_org or "").strip() or not loan.intro_letter:
                    raise UserError(
                        self.env._(
                            "An external borrower needs a letter of introduction: "
                            "name the organization and attach the letter."
                        )
                    )
            elif not loan.borrow_lead_id:
                raise UserError(
                    self.env._(
                        "The borrowing department has no archive lead or manager to "
                        "approve the loan."
                    )
                )
            if loan.is_secret:
                if not loan.leader_id:
                    raise UserError(
                        self.env._(
                            "Secret items: name the leader in charge who approves "
                            "the loan."
                        )
                    )
                if not loan.owner_lead_id:
                    raise UserError(
                        self.env._(
                            "The owning department has no archive lead or manager."
                        )
                    )

    def _on_office_validated(self):
        self.filtered(lambda r: r.state == "to_approve")._write_state(
            {"state": "approved"}
        )
        archivists = self.env.ref("office_archive.group_archivist").sudo().users
        for loan in self:
            loan.sudo().message_post(
                body=self.env._("Approved: the items can be lent."),
                subtype_xmlid="mail.mt_comment",
                partner_ids=loan.borrower_id.partner_id.ids,
            )
            keeper = (
                loan.sudo().item_ids.fonds_id.archive_department_id.manager_id.user_id[
                    :1
                ]
            )
            user = keeper if keeper in archivists else archivists[:1]
            if user:
                loan.sudo().activity_schedule(
                    "office_archive.mail_act_office_archive_lend", user_id=user.id
                )

    def _on_office_rejected(self):
        self.filtered(lambda r: r.state in ("to_approve", "approved"))._write_state(
            {"state": "refused"}
        )

    def action_cancel(self):
        for loan in self:
            if loan.state not in ("draft", "to_approve", "approved"):
                raise UserError(
                    self.env._("%(loan)s can no longer be cancelled.", loan=loan.name)
                )
            if loan.borrower_id != self.env.user and not self._is_archivist():
                raise AccessError(
                    self.env._("Only the borrower or the archivist cancels a loan.")
                )
        self.sudo().review_ids.unlink()
        self._write_state({"state": "cancel"})
        self.sudo().activity_unlink(["office_archive.mail_act_office_archive_lend"])
        return True

    def action_draft(self):
        for loan in self:
            if loan.state not in ("refused", "cancel"):
                raise UserError(
                    self.env._("Only refused or cancelled loans go back to draft.")
                )
        self.sudo().review_ids.unlink()
        self._write_state({"state": "draft"})
        return True

    # ------------------------------------------------------------------
    # Custody
    # ------------------------------------------------------------------

    def _check_archivist(self):
        if not self._is_archivist():
            raise AccessError(
                self.env._("Only the archivist lends and takes back archives.")
            )

    def action_lend(self):
        """Hand the items to the borrower; usable over XML-RPC."""
        self._check_archivist()
        for loan in self:
            if loan.state != "approved" or loan.validation_status != "validated":
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
        now = fields.Datetime.now()
        for loan in self:
            loan.sudo().item_ids._write_state({"state": "on_loan"})
            loan._write_state(
                {"state": "lent", "lent_at": now, "lent_by_id": self.env.uid}
            )
            loan.sudo().activity_unlink(["office_archive.mail_act_office_archive_lend"])
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
        self._check_archivist()
        self._check_returnable()
        return self.env["office.archive.reason.wizard"]._open(self, "loan_return")

    def _check_returnable(self):
        for loan in self:
            if loan.state != "lent":
                raise UserError(self.env._("%(loan)s is not lent.", loan=loan.name))

    def take_back(self, condition="intact", note=None):
        """Take the items back after checking them: `condition` is intact,
        damaged or missing_pages (an incident is opened unless intact);
        electronic files are re-hashed; usable over XML-RPC."""
        self._check_archivist()
        self._check_returnable()
        if condition not in dict(RETURN_CONDITIONS):
            raise UserError(
                self.env._("Unknown condition: %(value)s.", value=condition)
            )
        if condition != "intact" and not (note or "").strip():
            raise UserError(self.env._("Describe the damage or the missing pages."))
        now = fields.Datetime.now()
        for loan in self:
            items = loan.sudo().item_ids
            items._write_state({"state": "in_stock"})
            altered = items._check_integrity()
            loan._write_state(
                {
                    "state": "returned",
                    "returned_at": now,
                    "received_by_id": self.env.uid,
                    "return_condition": condition,
                    "return_note": note or False,
                }
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
        """Ask once to keep the items longer (at most 5 more working days)."""
        self.ensure_one()
        if self.borrower_id != self.env.user and not self._is_archivist():
            raise AccessError(self.env._("Only the borrower asks for a renewal."))
        if self.state != "lent":
            raise UserError(self.env._("Only lent items are renewed."))
        if self.renewal_state != "none":
            raise UserError(self.env._("A loan is renewed once only."))
        if not 1 <= days <= MAX_LOAN_DAYS:
            raise UserError(
                self.env._(
                    "A renewal lasts 1 to %(max)s working days.", max=MAX_LOAN_DAYS
                )
            )
        if not (reason or "").strip():
            raise UserError(self.env._("Say why the items are needed longer."))
        self._write_state(
            {
                "renewal_state": "requested",
                "renewal_request_days": days,
                "renewal_reason": reason,
            }
        )
        archivists = self.env.ref("office_archive.group_archivist").sudo().users
        if archivists:
            self.sudo().activity_schedule(
                "office_archive.mail_act_office_archive_renewal",
                user_id=archivists[:1].id,
            )
        return True

    def action_request_renewal(self):
        self.ensure_one()
        return self.env["office.archive.reason.wizard"]._open(self, "loan_renewal")

    def _check_renewal_decision(self):
        self._check_archivist()
        for loan in self:
            if loan.renewal_state != "requested" or loan.state != "lent":
                raise UserError(self.env._("No renewal is waiting for a decision."))

    def action_approve_renewal(self):
        self._check_renewal_decision()
        for loan in self:
            loan._write_state(
                {"renewal_state": "approved", "renewal_days": loan.renewal_request_days}
            )
            loan.sudo().activity_unlink(
                [
                    "office_archive.mail_act_office_archive_renewal",
                    "office_archive.mail_act_office_archive_overdue",
                ]
            )
        return True

    def action_refuse_renewal(self):
        self._check_renewal_decision()
        self._write_state({"renewal_state": "refused"})
        self.sudo().activity_unlink(["office_archive.mail_act_office_archive_renewal"])
        return True

    # ------------------------------------------------------------------
    # Reminders
    # ------------------------------------------------------------------

    @api.model
    def _cron_remind_overdue(self, limit=500):
        """On each working day, remind the borrowers of overdue loans: one
        activity per loan, moved to today and updated on each run."""
        today = fields.Date.context_today(self)
        if not self.env["office.calendar"].is_working_day(today):
            return self.browse()
        activity_type = self.env.ref("office_archive.mail_act_office_archive_overdue")
        Loan = self.sudo()
        overdue = Loan.search(
            [("state", "=", "lent"), ("due_date", "<", today)],
            order="due_date",
            limit=limit,
        )
        calendar = self.env["office.calendar"]
        existing = (
            self.env["mail.activity"]
            .sudo()
            .search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", overdue.ids),
                    ("activity_type_id", "=", activity_type.id),
                ]
            )
        )
        by_loan = {activity.res_id: activity for activity in existing}
        model_id = self.env["ir.model"]._get_id(self._name)
        to_create = []
        for loan in overdue:
            summary = self.env._(
                "Return %(loan)s: due %(date)s, %(days)s working days late",
                loan=loan.name,
                date=loan.due_date,
                days=max(calendar.working_days_between(loan.due_date, today), 1),
            )
            activity = by_loan.get(loan.id)
            if activity:
                if activity.date_deadline != today:
                    activity.write({"date_deadline": today, "summary": summary})
                continue
            to_create.append(
                {
                    "res_model_id": model_id,
                    "res_id": loan.id,
                    "activity_type_id": activity_type.id,
                    "user_id": loan.borrower_id.id,
                    "date_deadline": today,
                    "automated": True,
                    "summary": summary,
                }
            )
        self.env["mail.activity"].sudo().create(to_create)
        self.env["ir.cron"]._notify_progress(done=len(overdue), remaining=0)
        return overdue

    def action_open_incidents(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Incidents"),
            "res_model": "office.archive.incident",
            "view_mode": "list,form",
            "domain": [("loan_id", "=", self.id)],
        }
