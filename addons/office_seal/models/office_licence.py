from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

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

REMINDER_STAGES = [("30", "30 days"), ("7", "7 days")]
EXPIRING_DAYS = 30


class OfficeLicence(models.Model):
    """A licence or certificate of the agency (证照): business licence,
    unified social credit code certificate, permits, qualification
    certificates. Its state follows the dates: expiring 30 days before its
    expiry or its annual inspection (年检), expired after its expiry date or
    once the inspection date has passed without being recorded. A daily
    scheduled action reminds the custodian 30 and 7 days before each date.

    Rights: staff read; seal keepers and the office director keep the
    register."""

    _name = "office.licence"
    _description = "Licence"
    _inherit = ["mail.thread", "mail.activity.mixin"]
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
        help="Expiring: the expiry or the annual inspection is within 30 days. "
        "Expired: the expiry date or the inspection date has passed.",
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
    def _compute_state(self):
        today = fields.Date.context_today(self)
        soon = today + relativedelta(days=EXPIRING_DAYS)
        for licence in self:
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
        today = fields.Date.context_today(self)
        soon = today + relativedelta(days=EXPIRING_DAYS)
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
        if "current_loan_id" in vals and not self.env.context.get(
            "office_licence_loan"
        ):
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
        self.sudo().with_context(office_licence_loan=True).write(
            {"current_loan_id": loan.id or False}
        )

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
        """Activities on the custodians 30 and 7 days before the expiry and
        the annual inspection. Each stage is sent once per date (the stage is
        stored on the licence) and never twice for the same licence, user and
        date while an earlier reminder is still open."""
        today = fields.Date.context_today(self)
        activity_type = self.env.ref("office_seal.mail_act_office_licence_expiry")
        Activity = self.env["mail.activity"].sudo()
        model_id = self.env["ir.model"]._get_id(self._name)
        done = 0
        summaries = {
            "expiry_date": self.env._("%(licence)s expires on %(date)s"),
            "inspection_date": self.env._(
                "%(licence)s: annual inspection due on %(date)s"
            ),
        }
        for date_field, stage_field in (
            ("expiry_date", "expiry_reminder"),
            ("inspection_date", "inspection_reminder"),
        ):
            for stage, days in (("30", 30), ("7", 7)):
                limit_date = today + relativedelta(days=days)
                domain = [
                    (date_field, ">=", today),
                    (date_field, "<=", limit_date),
                ]
                if stage == "30":
                    domain.append((stage_field, "=", False))
                else:
                    domain.append((stage_field, "!=", "7"))
                licences = self.sudo().search(domain)
                if not licences:
                    continue
                open_activities = Activity.search(
                    [
                        ("res_model", "=", self._name),
                        ("res_id", "in", licences.ids),
                        ("activity_type_id", "=", activity_type.id),
                    ]
                )
                existing = {
                    (a.res_id, a.user_id.id, a.date_deadline) for a in open_activities
                }
                vals_list = []
                for licence in licences:
                    deadline = licence[date_field]
                    key = (licence.id, licence.custodian_id.id, deadline)
                    if key in existing:
                        continue
                    existing.add(key)
                    vals_list.append(
                        {
                            "res_model_id": model_id,
                            "res_id": licence.id,
                            "activity_type_id": activity_type.id,
                            "user_id": licence.custodian_id.id,
                            "date_deadline": deadline,
                            "automated": True,
                            "summary": summaries[date_field]
                            % {
                                "licence": licence.name,
                                "date": fields.Date.to_string(deadline),
                            },
                        }
                    )
                Activity.create(vals_list)
                licences.write({stage_field: stage})
                done += len(vals_list)
        self.env["ir.cron"]._notify_progress(done=done, remaining=0)
