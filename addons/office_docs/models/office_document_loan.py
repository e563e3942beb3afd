from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)
CLERK = ("office_base.group_office_clerk",)


class OfficeDocumentLoan(models.Model):
    """公文借阅登记: a document lent by the office, registered and signed for
    by the borrower (002 公文处理制度 九: 借阅公文要严格履行登记、签字手续,
    严防文件丢失).

    draft → signed (the borrower signs for it, as himself) → lent (the office
    hands it over, the return date set) → returned (the office checks it
    back); cancelled before it is lent.

    ========================  ==================================================
    Who                       May
    ========================  ==================================================
    Office clerk              register, lend, take back, cancel
    Borrower                  sign for the document; see their loans
    ========================  ==================================================

    A classified document is lent only to someone who may read it (clearance
    and need-to-know), and its loans are read only by those who may read the
    document."""

    _name = "office.document.loan"
    _inherit = ["office.document.mixin", "office.incoming.register.mixin"]
    _description = "Document Loan"
    _order = "id desc"
    _check_company_auto = True
    _workflow_owner_field = "borrower_id"
    _workflow_owner_groups = ()
    _workflow_transitions = {
        "sign": {
            "from": ("draft",),
            "to": "signed",
            "owner": True,
            "label": _lt("sign for"),
        },
        "lend": {
            "from": ("signed",),
            "to": "lent",
            "groups": CLERK,
            "label": _lt("lend"),
        },
        "take_back": {
            "from": ("lent",),
            "to": "returned",
            "groups": CLERK,
            "label": _lt("take back"),
        },
        "cancel": {
            "from": ("draft", "signed"),
            "to": "cancel",
            "groups": CLERK,
            "label": _lt("cancel"),
        },
    }
    # written by the transitions only (office.document.mixin guards them)
    _office_workflow_fields = (
        "state",
        "signature",
        "signed_at",
        "lent_by_id",
        "lent_at",
        "due_date",
        "returned_at",
        "received_by_id",
        "return_note",
    )
    _workflow_locked_fields = ("document_id", "borrower_id", "purpose")

    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("signed", "Signed for"),
            ("lent", "Lent"),
            ("returned", "Returned"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    borrower_id = fields.Many2one("res.users", required=True, index=True, tracking=True)
    purpose = fields.Text(required=True)
    signature = fields.Binary(
        string="Borrower's signature",
        readonly=True,
        copy=False,
        attachment=True,
        help="The borrower's handwritten signature (借阅签字).",
    )
    signed_at = fields.Datetime(readonly=True, copy=False)
    lent_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    lent_at = fields.Datetime(readonly=True, copy=False)
    due_date = fields.Date(
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
        help="The loan days of the company after lending.",
    )
    returned_at = fields.Datetime(readonly=True, copy=False)
    received_by_id = fields.Many2one(
        "res.users", string="Taken back by", readonly=True, copy=False
    )
    return_note = fields.Text(
        readonly=True, copy=False, help="The state of the document when it came back."
    )
    is_overdue = fields.Boolean(compute="_compute_is_overdue")

    @api.depends("document_number", "borrower_id")
    def _compute_display_name(self):
        # the registration number, never the title of a classified document
        for loan in self:
            loan.display_name = (
                f"{loan.document_number or ''} / {loan.borrower_id.name or ''}"
            )

    @api.depends("state", "due_date")
    def _compute_is_overdue(self):
        today = self.env["office.calendar"].today()
        for loan in self:
            loan.is_overdue = bool(
                loan.state == "lent" and loan.due_date and loan.due_date < today
            )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_sign(self, signature=None):
        """The borrower signs for the document (借阅签字)."""
        return self._workflow_run("sign", signature=signature)

    def _check_can_sign(self, signature=None):
        if not signature:
            raise UserError(self.env._("Please sign for the document."))

    def _do_sign(self, signature=None):
        self._workflow_set_state(
            "sign", {"signature": signature, "signed_at": fields.Datetime.now()}
        )

    def action_lend(self):
        """The office hands the document to the borrower who signed for it."""
        return self._workflow_run("lend")

    def _check_can_lend(self):
        for loan in self:
            document = loan.document_id
            if document.state == "returned" or document.disposal:
                raise UserError(
                    self.env._(
                        "%(document)s is no longer with the office.",
                        document=document.name,
                    )
                )
            if not loan._office_borrower_cleared():
                raise AccessError(
                    self.env._(
                        "%(borrower)s may not read %(document)s: a classified "
                        "document is lent only within its need-to-know.",
                        borrower=loan.borrower_id.name,
                        document=document.name,
                    )
                )

    def _office_borrower_cleared(self):
        """A classified document: the borrower's clearance covers it and the
        borrower is on its need-to-know list (in person or by department)."""
        self.ensure_one()
        document = self.document_id.sudo()
        if not document.secrecy_rank:
            return True
        borrower = self.borrower_id
        return borrower.office_clearance_rank >= document.secrecy_rank and bool(
            borrower in document.need_to_know_user_ids
            or borrower.office_department_ids & document.need_to_know_department_ids
        )

    def _do_lend(self):
        now = fields.Datetime.now()
        calendar = self.env["office.calendar"]
        for loan in self:
            company = loan.company_id or self.env.company
            due = calendar.add_working_days(
                calendar.today(company), company.office_docs_loan_days, company
            )
            loan._workflow_set_state(
                "lend", {"lent_by_id": self.env.uid, "lent_at": now, "due_date": due}
            )
            loan._office_schedule_missing(
                "office_docs.mail_act_document_loan_return",
                loan.borrower_id,
                deadline=due,
            )
            loan.document_id._office_log(
                self.env._(
                    "Lent to %(borrower)s until %(date)s.",
                    borrower=loan.borrower_id.name,
                    date=due,
                )
            )

    def action_take_back(self, note=None):
        """The office takes the document back and checks it is complete."""
        if note is not None and not note.strip():
            raise UserError(self.env._("Please say in what state it came back."))
        return self._workflow_run("take_back", note=note)

    def _do_take_back(self, note=None):
        self._workflow_set_state(
            "take_back",
            {
                "returned_at": fields.Datetime.now(),
                "received_by_id": self.env.uid,
                "return_note": note or self.env._("Complete"),
            },
        )
        for loan in self:
            loan.sudo().activity_feedback(
                ["office_docs.mail_act_document_loan_return"],
                feedback=self.env._("Returned"),
            )

    def action_cancel(self):
        return self._workflow_run("cancel")

    # ------------------------------------------------------------------
    # Scheduled reminders (催还)
    # ------------------------------------------------------------------

    @api.model
    def _cron_remind_overdue(self, limit=200):
        """Remind the borrowers of documents kept past their return date."""
        today = self.env["office.calendar"].today()
        return self.sudo()._office_remind(
            [("state", "=", "lent"), ("due_date", "<", today)],
            "office_docs.mail_act_document_loan_return",
            "borrower_id",
            deadline_field="due_date",
            summary=self.env._("Overdue: return the document you borrowed"),
            limit=limit,
        )
