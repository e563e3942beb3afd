from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.office_base.tools import granted, is_granted

#: the Python-only grant of a loan handing the original out or back
LOAN_CHANGE = "office_licence_loan_change"

LICENCE_KINDS = [
    ("business", "Business licence"),
    ("credit_code", "Unified social credit code certificate"),
    ("organization_code", "Organization code certificate"),
    ("permit", "Permit"),
    ("qualification", "Qualification certificate"),
    ("other", "Other"),
]

LICENCE_STATES = [
    ("valid", "Valid"),
    ("expiring", "Expiring"),
    ("expired", "Expired"),
]

# the stage keys are kept from the days they once were; the days are the
# company's settings now
REMINDER_STAGES = [("30", "First reminder"), ("7", "Second reminder")]


class OfficeLicence(models.Model):
    """A licence or certificate of the agency (证照): business licence,
    unified social credit code certificate, permits, qualification
    certificates. Its state follows the dates: expiring some days (company
    setting, 30 by default) before its expiry or its annual inspection (年检),
    expired after its expiry date or once the inspection date has passed
    without being recorded. A daily scheduled action reminds the custodian
    twice before each date (30 and 7 days by default).

    Rights: staff read; seal keepers and the office director keep the
    register."""

    _name = "office.licence"
    _description = "Licence"
    _inherit = ["mail.thread", "office.reminder.mixin"]
    _order = "expiry_date, name, id"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    kind = fields.Selection(
        LICENCE_KINDS, required=True, default="business", tracking=True
    )
    number = fields.Char(tracking=True)
    issuer = fields.Char(string="Issued by")
    department_id = fields.Many2one(
        "hr.department",
        string="Holder department",
        check_company=True,
        tracking=True,
    )
    custodian_id = fields.Many2one(
        "res.users",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
        index=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    issue_date = fields.Date(string="Issued on")
    expiry_date = fields.Date(string="Expires on", tracking=True, index=True)
    inspection_date = fields.Date(
        string="Next annual inspection", tracking=True, index=True
    )
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "office_licence_attachment_rel",
        "licence_id",
        "attachment_id",
        string="Scans",
    )
    storage = fields.Char(help="Where the original is kept.")
    note = fields.Html()
    active = fields.Boolean(default=True)
    state = fields.Selection(
        LICENCE_STATES,
        compute="_compute_state",
        search="_search_state",
        help="Expiring: the expiry or the annual inspection is within the days set "
        "in the settings (30 by default). Expired: the expiry date or the "
        "inspection date has passed.",
    )
    next_deadline = fields.Date(compute="_compute_state", help="Expiry or inspection.")
    loan_ids = fields.One2many("office.licence.loan", "licence_id", string="Loans")
    current_loan_id = fields.Many2one(
        "office.licence.loan", string="Lent on", readonly=True, copy=False
    )
    is_out = fields.Boolean(
        string="Original lent",
        compute="_compute_is_out",
        store=True,
        help="The original is out on a loan.",
    )
    loan_count = fields.Integer(compute="_compute_loan_count")
    expiry_reminder = fields.Selection(
        REMINDER_STAGES, readonly=True, copy=False, help="Last expiry reminder sent."
    )
    inspection_reminder = fields.Selection(
        REMINDER_STAGES,
        readonly=True,
        copy=False,
        help="Last inspection reminder sent.",
    )

    _sql_constraints = [
        (
            "number_kind_uniq",
            "unique(company_id, kind, number)",
            "A licence of this kind with this number already exists.",
        ),
    ]

    # ------------------------------------------------------------------
    # Computes and constraints
    # ------------------------------------------------------------------

    @api.depends("expiry_date", "inspection_date")
    @api.depends_context("company")
    def _compute_state(self):
        today = self.env["office.calendar"].today()
        for licence in self:
            company = licence.company_id or self.env.company
            soon = today + relativedelta(days=company.office_licence_expiring_days)
            dates = [d for d in (licence.expiry_date, licence.inspection_date) if d]
            deadline = min(dates) if dates else False
            licence.next_deadline = deadline
            if deadline and deadline < today:
                licence.state = "expired"
            elif deadline and deadline <= soon:
                licence.state = "expiring"
            else:
                licence.state = "valid"

    def _search_state(self, operator, value):
        if operator not in ("=", "!=", "in", "not in"):
            raise UserError(self.env._("Unsupported search on the licence state."))
        values = {value} if isinstance(value, str) else set(value)
        if operator in ("!=", "not in"):
            values = {key for key, _label in LICENCE_STATES} - values
        today = self.env["office.calendar"].today()
        soon = today + relativedelta(days=self.env.company.office_licence_expiring_days)
        expired = ["|", ("expiry_date", "<", today), ("inspection_date", "<", today)]
        not_expired = [
            "&",
            "|",
            ("expiry_date", "=", False),
            ("expiry_date", ">=", today),
            "|",
            ("inspection_date", "=", False),
            ("inspection_date", ">=", today),
        ]
        due_soon = ["|", ("expiry_date", "<=", soon), ("inspection_date", "<=", soon)]
        not_due_soon = [
            "&",
            "|",
            ("expiry_date", "=", False),
            ("expiry_date", ">", soon),
            "|",
            ("inspection_date", "=", False),
            ("inspection_date", ">", soon),
        ]
        domains = {
            "expired": expired,
            "expiring": ["&", *not_expired, *due_soon],
            "valid": not_due_soon,
        }
        result = [("id", "=", 0)]
        for state in values:
            result = ["|", *result, *domains[state]]
        return result

    @api.depends("current_loan_id")
    def _compute_is_out(self):
        for licence in self:
            licence.is_out = bool(licence.current_loan_id)

    def _compute_loan_count(self):
        Loan = self.env["office.licence.loan"]
        if not Loan.has_access("read"):
            self.loan_count = 0
            return
        groups = Loan._read_group(
            [("licence_id", "in", self.ids)], ["licence_id"], ["__count"]
        )
        counts = {licence.id: count for licence, count in groups}
        for licence in self:
            licence.loan_count = counts.get(licence.id, 0)

    @api.constrains("issue_date", "expiry_date")
    def _check_dates(self):
        for licence in self:
            if (
                licence.issue_date
                and licence.expiry_date
                and licence.expiry_date < licence.issue_date
            ):
                raise ValidationError(
                    self.env._(
                        "“%(licence)s” cannot expire before it is issued.",
                        licence=licence.name,
                    )
                )

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------

    def write(self, vals):
        if "current_loan_id" in vals and not is_granted(LOAN_CHANGE, self):
            raise UserError(
                self.env._("A licence is lent and returned through its loans only.")
            )
        # new dates: the reminders start again
        if "expiry_date" in vals:
            vals = {**vals, "expiry_reminder": False}
        if "inspection_date" in vals:
            vals = {**vals, "inspection_reminder": False}
        return super().write(vals)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def _set_current_loan(self, loan):
        """Lent or back: written by the loan's hand-out and check-in only."""
        with granted(LOAN_CHANGE, self):
            self.sudo().write({"current_loan_id": loan.id or False})

    def action_view_loans(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "office_seal.office_licence_loan_action"
        )
        action["domain"] = [("licence_id", "=", self.id)]
        action["context"] = {"default_licence_id": self.id}
        return action

    def action_record_inspection(self):
        """The annual inspection is passed: the next one is due a year later."""
        for licence in self:
            if not licence.inspection_date:
                raise UserError(
                    self.env._(
                        "“%(licence)s” has no annual inspection date.",
                        licence=licence.name,
                    )
                )
            licence.write(
                {"inspection_date": licence.inspection_date + relativedelta(years=1)}
            )
            licence.message_post(
                body=self.env._("Annual inspection passed."),
                subtype_xmlid="mail.mt_note",
            )
        return True

    # ------------------------------------------------------------------
    # Scheduled action
    # ------------------------------------------------------------------

    @api.model
    def _cron_remind_expiry(self):
        """Activities on the custodians before the expiry and the annual
        inspection, at the two reminder days of the company (30 and 7 by
        default). Each stage is sent once per date (the stage is stored on
        the licence) and never while an earlier reminder is still open."""
        today = self.env["office.calendar"].today()
        summaries = {
            "expiry_date": self.env._("The licence expires soon"),
            "inspection_date": self.env._("The annual inspection is due soon"),
        }
        companies = self.env["res.company"].sudo().search([])
        for date_field, stage_field in (
            ("expiry_date", "expiry_reminder"),
            ("inspection_date", "inspection_reminder"),
        ):
            for company in companies:
                for stage, days in (
                    ("30", company.office_licence_first_reminder_days),
                    ("7", company.office_licence_second_reminder_days),
                ):
                    domain = [
                        ("company_id", "=", company.id),
                        (date_field, ">=", today),
                        (date_field, "<=", today + relativedelta(days=days)),
                        (stage_field, "=", False)
                        if stage == "30"
                        else (stage_field, "!=", "7"),
                    ]
                    licences = self.sudo()._office_remind(
                        domain,
                        "office_seal.mail_act_office_licence_expiry",
                        "custodian_id",
                        deadline_field=date_field,
                        summary=summaries[date_field],
                    )
                    licences.write({stage_field: stage})
