from odoo import _lt, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from .office_risk_error_penalty import ERROR_CLASSES, ERROR_ROLES, default_currency

ERROR_DISCOVERY = [
    ("report", "(1) Reported and verified"),
    ("widely_known", "(2) Widely known, with some impact"),
    ("leader", "(3) Pointed out and criticized by a leader"),
    ("internal_check", "(4) Found in an internal check of the office"),
    ("other", "(5) Other, after investigation"),
]
ERROR_STATES = [
    ("draft", "Draft"),
    ("confirmed", "Confirmed"),
    ("cancel", "Cancelled"),
]
PERFORMANCE = "office_risk.group_risk_performance"
DIRECTOR = "office_base.group_office_director"


class OfficeRiskError(models.Model):
    """An error of the zero-error register (零差错, 004 二): any step of the
    office's work that misses a zero-error requirement. General errors stay
    inside the office; serious ones have an external impact or drew a
    leader's severe criticism (the office meeting decides complex cases).

    At confirmation the person's count of confirmed errors of that class in
    the year gives the occurrence, and the penalty matrix gives the
    deductions, for the person and, for serious errors, the supervising
    leader (joint liability).

    ===================  ===============  ===============================
    who                  read             act
    ===================  ===============  ===============================
    the person, leader   own entries      —
    performance office,  all              register, confirm, cancel
    office director
    ===================  ===============  ===============================

    A confirmed or cancelled entry is locked: a mistake is cancelled and
    registered again."""

    _name = "office.risk.error"
    _description = "Zero-error Register Entry"
    _inherit = ["office.workflow.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    _workflow_transitions = {
        "confirm": {
            "from": ("draft",),
            "to": "confirmed",
            "groups": (PERFORMANCE, DIRECTOR),
            "label": _lt("confirm"),
        },
        "cancel": {
            "from": ("draft", "confirmed"),
            "to": "cancel",
            "groups": (PERFORMANCE, DIRECTOR),
            "label": _lt("cancel"),
        },
    }
    # a confirmed error is not changed: it is cancelled and registered again
    _workflow_locked_fields = (
        "user_id",
        "classification",
        "date",
        "role",
        "supervisor_id",
        "occurrence",
    )
    _workflow_deletable_states = ("draft", "cancel")
    _workflow_sequence_code = "office.risk.error"

    name = fields.Char(string="Number", readonly=True, copy=False, default="/")
    user_id = fields.Many2one(
        "res.users", string="Person", required=True, tracking=True, index=True
    )
    department_id = fields.Many2one(
        "hr.department", compute="_compute_department", store=True, readonly=False
    )
    role = fields.Selection(
        ERROR_ROLES,
        compute="_compute_role",
        store=True,
        tracking=True,
        help="Worked out from the person at fault (004 二.2: the penalty matrix "
        "has a row for the office director and one for the staff): the office "
        "director's group makes the director's rates.",
    )
    supervisor_id = fields.Many2one(
        "res.users",
        string="Supervising leader",
        compute="_compute_supervisor",
        store=True,
        readonly=False,
        tracking=True,
        index=True,
        help="The leader in charge (分管领导), jointly liable for serious errors.",
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    year = fields.Integer(compute="_compute_year", store=True, index=True)
    area_id = fields.Many2one("office.risk.error.area", required=True)
    description = fields.Text(required=True)
    discovery = fields.Selection(
        ERROR_DISCOVERY, string="Found by", required=True, default="internal_check"
    )
    classification = fields.Selection(
        ERROR_CLASSES, required=True, default="general", tracking=True
    )
    office_meeting_decision = fields.Text(
        help="For complex cases, how the office meeting classified the error."
    )
    event_id = fields.Many2one("office.risk.event", string="Risk event")
    state = fields.Selection(
        ERROR_STATES,
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    occurrence = fields.Integer(readonly=True, copy=False, tracking=True)
    deduction_ids = fields.One2many(
        "office.risk.error.deduction", "error_id", string="Deductions", readonly=True
    )
    amount = fields.Monetary(
        compute="_compute_penalty", string="Deduction", currency_field="currency_id"
    )
    percent = fields.Float(compute="_compute_penalty", string="Deduction (%)")
    award_bar = fields.Boolean(compute="_compute_penalty", string="No award this year")
    measure = fields.Text(compute="_compute_penalty", string="Measures")
    supervisor_amount = fields.Monetary(
        compute="_compute_penalty", currency_field="currency_id"
    )
    supervisor_measure = fields.Text(compute="_compute_penalty")
    talk_record_ids = fields.Many2many(
        "ir.attachment",
        "office_risk_error_attachment_rel",
        "error_id",
        "attachment_id",
        string="Talk records and evidence",
    )
    currency_id = fields.Many2one(
        "res.currency", default=lambda self: default_currency(self.env)
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    # one compute per field: a field given at creation protects the fields
    # computed by the same method, and the role must follow the person always
    @api.depends("user_id")
    def _compute_department(self):
        for error in self:
            employee = error.user_id.sudo().employee_id
            error.department_id = employee.department_id or error.department_id

    @api.depends("user_id")
    def _compute_role(self):
        for error in self:
            error.role = error._role_of(error.user_id.sudo())

    @staticmethod
    def _role_of(user):
        if (
            user
            and user.has_group(DIRECTOR)
            and not user.has_group("base.group_system")
        ):
            return "director"
        return "staff"

    @api.depends("user_id")
    def _compute_supervisor(self):
        for error in self:
            employee = error.user_id.sudo().employee_id
            error.supervisor_id = (
                employee.parent_id.user_id
                or employee.department_id.manager_id.user_id
                or error.supervisor_id
            )
            if error.supervisor_id == error.user_id:
                error.supervisor_id = (
                    employee.department_id.parent_id.manager_id.user_id or False
                )

    @api.depends("date")
    def _compute_year(self):
        for error in self:
            error.year = error.date.year if error.date else 0

    @api.depends("deduction_ids")
    def _compute_penalty(self):
        for error in self:
            own = error.deduction_ids.filtered(lambda d: d.liability == "person")[:1]
            sup = error.deduction_ids.filtered(lambda d: d.liability == "supervisor")[
                :1
            ]
            error.amount = own.amount
            error.percent = own.percent
            error.award_bar = own.award_bar
            error.measure = own.measure
            error.supervisor_amount = sup.amount
            error.supervisor_measure = sup.measure

    @api.constrains("role")
    def _check_role(self):
        for error in self:
            if error.role != self._role_of(error.user_id.sudo()):
                raise ValidationError(
                    self.env._(
                        "The role of %(person)s follows from the person: it is "
                        "not chosen by hand.",
                        person=error.user_id.name,
                    )
                )

    @api.constrains("user_id", "supervisor_id")
    def _check_supervisor(self):
        for error in self:
            if error.supervisor_id and error.supervisor_id == error.user_id:
                raise ValidationError(
                    self.env._("The supervising leader is not the person at fault.")
                )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_confirm(self):
        """Count the occurrence and apply the penalty matrix."""
        return self._workflow_run("confirm")

    def action_cancel(self):
        """Take the error out of the register, with its deductions."""
        return self._workflow_run("cancel")

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------

    def _check_can_confirm(self, **_kwargs):
        for error in self:
            if error.classification == "serious" and not error.supervisor_id:
                raise UserError(
                    self.env._(
                        "Name the supervising leader of %(person)s: he or she is "
                        "jointly liable for serious errors.",
                        person=error.user_id.name,
                    )
                )

    def _do_confirm(self, **_kwargs):
        Penalty = self.env["office.risk.error.penalty"]
        # the deductions follow from the matrix: nobody writes them by hand
        Deduction = self.env["office.risk.error.deduction"].sudo()
        classes = dict(self._fields["classification"]._description_selection(self.env))
        for error in self.sorted(lambda e: (e.date, e.id)):
            # one person's errors are counted one at a time
            self.env.cr.execute(
                SQL("SELECT pg_advisory_xact_lock(%s, %s)", 7007, error.user_id.id)
            )
            previous = self.sudo().search_count(
                [
                    ("user_id", "=", error.user_id.id),
                    ("classification", "=", error.classification),
                    ("year", "=", error.year),
                    ("state", "=", "confirmed"),
                    ("id", "!=", error.id),
                ]
            )
            occurrence = previous + 1
            month = error.date.replace(day=1)
            lines = []
            role = error.role
            row = Penalty._lookup(error.classification, "person", role, occurrence)
            if row:
                lines.append(
                    error._deduction_vals(
                        row, error.user_id, "person", month, occurrence
                    )
                )
            if error.classification == "serious":
                row = Penalty._lookup("serious", "supervisor", role, occurrence)
                if row:
                    lines.append(
                        error._deduction_vals(
                            row, error.supervisor_id, "supervisor", month, occurrence
                        )
                    )
            error._workflow_set_state("confirm", {"occurrence": occurrence})
            Deduction.create(lines)
            error.message_post(
                body=self.env._(
                    "Confirmed: %(cls)s no. %(n)s of %(person)s in %(year)s.",
                    cls=classes[error.classification],
                    n=occurrence,
                    person=error.user_id.name,
                    year=error.year,
                )
            )

    def _deduction_vals(self, row, user, liability, month, occurrence):
        return {
            "error_id": self.id,
            "user_id": user.id,
            "liability": liability,
            "month": month,
            "amount": row.amount,
            "percent": row.percent,
            "award_bar": row.award_bar,
            "measure": row.measure,
            "occurrence": occurrence,
        }

    def _do_cancel(self, **_kwargs):
        self.deduction_ids.sudo().unlink()
        self._workflow_set_state("cancel", {"occurrence": 0})
