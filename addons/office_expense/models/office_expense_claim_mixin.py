from odoo import api, fields, models
from odoo.exceptions import UserError

CLAIM_STATES = [
    ("draft", "Draft"),
    ("to_approve", "To approve"),
    ("approved", "Approved"),
    ("claimed", "Claimed"),
    ("refused", "Refused"),
    ("cancel", "Cancelled"),
]


class OfficeExpenseClaimMixin(models.AbstractModel):
    """An approved spending claimed as an Odoo expense report
    (``hr.expense.sheet``): the claim builds the report from the lines the
    request gives (``_claim_lines``), submits it to Odoo's own expense
    approval and payment, and records whether it came within the claim
    deadline, counted in working days (office.calendar) after the date the
    request gives (``_claim_reference_date``)."""

    _name = "office.expense.claim.mixin"
    _description = "Office Expense Claim"

    sheet_id = fields.Many2one(
        "hr.expense.sheet",
        string="Expense report",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )
    sheet_state = fields.Selection(
        related="sheet_id.state", string="Reimbursement status"
    )
    claim_date = fields.Date(string="Claimed on", readonly=True, copy=False)
    claim_deadline = fields.Date(
        string="Claim before",
        compute="_compute_claim_deadline",
        store=True,
        help="The last working day to claim the expenses.",
    )
    claim_late = fields.Boolean(
        string="Claimed late",
        compute="_compute_claim_late",
        store=True,
        help="Claimed after the deadline in working days.",
    )

    #: the date field the claim deadline counts from (None: no deadline)
    _claim_reference_field = None

    def _claim_reference_date(self):
        """The date the claim deadline counts from; False for none."""
        field = self._claim_reference_field
        return self[field] if field else False

    def _claim_lines(self):
        """The expenses of the claim: dicts with product (xmlid), name,
        amount and analytic (xmlid of an analytic account, or False)."""
        return []

    @api.depends("company_id.office_expense_claim_days")
    def _compute_claim_deadline(self):
        calendar = self.env["office.calendar"]
        for record in self:
            day = record._claim_reference_date()
            record.claim_deadline = day and calendar.add_working_days(
                day, record.company_id.office_expense_claim_days, record.company_id
            )

    @api.depends("claim_date", "claim_deadline")
    def _compute_claim_late(self):
        for record in self:
            record.claim_late = bool(
                record.claim_date
                and record.claim_deadline
                and record.claim_date > record.claim_deadline
            )

    @api.model
    def _cron_claim_reminders(self, limit=500):
        """Give the applicants of the approved requests whose activity is over
        an activity to claim, due on the claim deadline."""
        field = self._claim_reference_field
        if not field:
            return self.browse()
        today = self.env["office.calendar"].today()
        return self._office_remind(
            [("state", "=", "approved"), (field, "<=", today)],
            "office_expense.mail_act_office_expense_claim",
            "applicant_id",
            deadline_field="claim_deadline",
            summary=self.env._("Claim the expenses within the deadline"),
            limit=limit,
        )

    # ------------------------------------------------------------------
    # The claim
    # ------------------------------------------------------------------

    def claim(self):
        """Claim the approved expenses as an expense report; usable over
        XML-RPC. Returns the id of the report."""
        self.ensure_one()
        self._workflow_run("claim")
        return self.sheet_id.id

    def action_claim(self):
        self.claim()
        return self.action_view_sheet()

    def _check_can_claim(self):
        today = self.env["office.calendar"].today()
        for record in self:
            day = record._claim_reference_date()
            if day and day > today:
                raise UserError(
                    self.env._(
                        "“%(record)s” is claimed once it is over, from %(day)s on.",
                        record=record.display_name,
                        day=fields.Date.to_string(day),
                    )
                )
            if not record.applicant_id.employee_id:
                raise UserError(
                    self.env._(
                        "%(user)s has no employee record to be reimbursed: ask "
                        "human resources to create it.",
                        user=record.applicant_id.name,
                    )
                )
            if not any(line["amount"] for line in record._claim_lines()):
                raise UserError(
                    self.env._(
                        "“%(record)s” has nothing to claim.",
                        record=record.display_name,
                    )
                )

    def _do_claim(self):
        today = self.env["office.calendar"].today(self.company_id)
        for record in self:
            sheet = record._create_sheet(today)
            record._workflow_set_state(
                "claim", {"sheet_id": sheet.id, "claim_date": today}
            )
            if record.claim_late:
                record.sudo().message_post(
                    body=self.env._(
                        "Claimed on %(day)s, after the deadline of %(deadline)s.",
                        day=fields.Date.to_string(today),
                        deadline=fields.Date.to_string(record.claim_deadline),
                    ),
                    subtype_xmlid="mail.mt_note",
                )

    def _create_sheet(self, day):
        """The expense report of the claim, created and submitted as the
        acting user (the applicant), as if entered by hand."""
        self.ensure_one()
        employee = self.applicant_id.employee_id
        expenses = self.env["hr.expense"].create(
            [
                {
                    "name": line["name"],
                    "employee_id": employee.id,
                    "product_id": self.env.ref(line["product"]).id,
                    "total_amount_currency": line["amount"],
                    "quantity": 1,
                    "date": day,
                    "payment_mode": "own_account",
                    "company_id": self.company_id.id,
                    "analytic_distribution": self._claim_distribution(line),
                }
                for line in self._claim_lines()
                if line["amount"]
            ]
        )
        sheet = self.env["hr.expense.sheet"].create(
            {
                "name": self.display_name,
                "employee_id": employee.id,
                "company_id": self.company_id.id,
                "expense_line_ids": [fields.Command.set(expenses.ids)],
            }
        )
        sheet.action_submit_sheet()
        return sheet

    def _claim_distribution(self, line):
        account = line.get("analytic") and self.env.ref(
            line["analytic"], raise_if_not_found=False
        )
        return {str(account.id): 100} if account else False

    def action_view_sheet(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "hr.expense.sheet",
            "res_id": self.sheet_id.id,
            "view_mode": "form",
        }
