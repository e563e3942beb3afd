from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)

OFFICER = "office_attendance.group_attendance_officer"


class OfficeOvertime(models.Model):
    """Overtime needed for work, registered with the office and compensated
    later by time off (002 篇4 考勤管理制度 六: 因工作需要加班的由办公室登记备案,
    事后适时安排补休). Registering it allocates compensatory leave on Odoo's
    Time Off: the hours divided by the company's hours per day.

    ==================  ==========================================
    Who                 May
    ==================  ==========================================
    employee            declare and submit their own overtime
    attendance officer  register (allocates the leave) or refuse
    ==================  ==========================================
    """

    _name = "office.overtime"
    _description = "Overtime"
    _inherit = ["office.workflow.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True
    _workflow_sequence_code = "office.overtime"
    _workflow_transitions = {
        "submit": {"from": ("draft",), "to": "submitted", "label": _lt("submitted")},
        "register": {
            "from": ("submitted",),
            "to": "registered",
            "groups": (OFFICER,),
            "label": _lt("registered"),
        },
        "refuse": {
            "from": ("submitted",),
            "to": "refused",
            "groups": (OFFICER,),
            "reason": True,
            "label": _lt("refused"),
        },
    }
    _workflow_locked_fields = ("employee_id", "date", "hours", "description")
    _workflow_activities = {
        "submitted": ("office_attendance.mail_act_office_overtime", "_officers"),
    }

    name = fields.Char(string="Reference", default="/", readonly=True, copy=False)
    employee_id = fields.Many2one(
        "hr.employee",
        required=True,
        check_company=True,
        default=lambda self: self.env.user.employee_id,
        index=True,
    )
    department_id = fields.Many2one(related="employee_id.department_id", store=True)
    user_id = fields.Many2one(related="employee_id.user_id", store=True, string="User")
    date = fields.Date(required=True)
    hours = fields.Float(required=True)
    description = fields.Text(string="Work done", required=True)
    days = fields.Float(
        string="Compensatory days",
        compute="_compute_days",
        store=True,
        help="Days of compensatory leave the hours give, at the company's ratio.",
    )
    allocation_id = fields.Many2one(
        "hr.leave.allocation",
        string="Compensatory allocation",
        readonly=True,
        copy=False,
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("registered", "Registered"),
            ("refused", "Refused"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
        readonly=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    @api.depends("hours", "company_id.office_overtime_hours_per_day")
    def _compute_days(self):
        for overtime in self:
            per_day = overtime.company_id.office_overtime_hours_per_day
            overtime.days = overtime.hours / per_day if per_day > 0 else 0.0

    @api.constrains("hours")
    def _check_hours(self):
        for overtime in self:
            if not 0 < overtime.hours <= 24:
                raise ValidationError(
                    self.env._("Overtime is between a minute and 24 hours a day.")
                )

    def action_submit(self):
        return self._workflow_run("submit")

    def action_register(self):
        return self._workflow_run("register")

    def action_refuse(self):
        return self._workflow_run("refuse")

    def _check_can_submit(self, **_kwargs):
        officer = self.env.user.has_group(OFFICER)
        for overtime in self:
            if not officer and overtime.user_id != self.env.user:
                raise UserError(
                    self.env._(
                        "Only %s declares this overtime.", overtime.employee_id.name
                    )
                )

    def _check_can_register(self, **_kwargs):
        for overtime in self:
            if overtime.days <= 0:
                raise UserError(
                    self.env._(
                        "Set the hours of overtime per day of compensatory "
                        "leave in the settings first."
                    )
                )
            overtime._compensatory_type()

    def _do_register(self, **kwargs):
        for overtime in self:
            allocation = self.env["hr.leave.allocation"].create(
                {
                    "name": self.env._(
                        "Compensatory leave for %(ref)s", ref=overtime.name
                    ),
                    "employee_id": overtime.employee_id.id,
                    "holiday_status_id": overtime._compensatory_type().id,
                    "number_of_days": overtime.days,
                    "allocation_type": "regular",
                    "date_from": overtime.date,
                }
            )
            if allocation.state == "confirm":
                allocation.action_approve()
            overtime._workflow_set_state(
                "register", {"allocation_id": allocation.id}, **kwargs
            )
        return True

    def _compensatory_type(self):
        self.ensure_one()
        leave_type = self.env["hr.leave.type"].search(
            [
                ("office_kind", "=", "compensatory"),
                ("company_id", "in", [False, self.company_id.id]),
            ],
            limit=1,
        )
        if not leave_type:
            raise UserError(
                self.env._("No time off type is marked as compensatory leave.")
            )
        return leave_type

    def _officers(self):
        return self.env.ref(OFFICER).users
