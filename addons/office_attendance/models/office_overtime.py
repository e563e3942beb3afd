from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.office_base.models.office_request_mixin import request_transitions

OFFICER = "office_attendance.group_attendance_officer"


class OfficeOvertime(models.Model):
    """Overtime needed for work, registered with the office and compensated
    later by time off (002 篇4 考勤管理制度 六: 因工作需要加班的由办公室登记备案,
    事后适时安排补休). A request of office_base: the applicant submits it, the
    ``tier.definition`` step (the attendance officer by default) registers
    it, which allocates compensatory leave on Odoo's Time Off — the hours
    divided by the company's hours per day.

    ==================  ==============================================
    Who                 May
    ==================  ==============================================
    applicant           declare, submit, cancel before registration
    tier reviewers      register (approve) or refuse with a reason
    attendance officer  see all, declare for someone
    ==================  ==============================================
    """

    _name = "office.overtime"
    _description = "Overtime"
    _inherit = ["office.request.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True
    _workflow_sequence_code = "office.overtime"
    _workflow_owner_groups = (OFFICER,)
    # a registered overtime has become leave: it is never cancelled
    _workflow_transitions = request_transitions(
        cancel={"from": ("draft", "to_approve")}
    )
    _workflow_locked_fields = ("employee_id", "date", "hours", "description")

    employee_id = fields.Many2one(
        "hr.employee",
        required=True,
        check_company=True,
        default=lambda self: self.env.user.employee_id,
        index=True,
    )
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
            ("to_approve", "To register"),
            ("approved", "Registered"),
            ("refused", "Refused"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
        readonly=True,
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

    def _check_can_submit(self, **_kwargs):
        for overtime in self:
            if overtime.days <= 0:
                raise UserError(
                    self.env._(
                        "Set the hours of overtime per day of compensatory "
                        "leave in the settings first."
                    )
                )
            overtime._compensatory_type()

    def _do_approve(self, **kwargs):
        """Registered: the compensatory days are allocated and validated on
        Time Off by the registering reviewer, with their own Time Off rights
        (the attendance officer is a Time Off manager)."""
        for overtime in self:
            allocation = self.env["hr.leave.allocation"].create(
                overtime._allocation_values()
            )
            if allocation.state == "confirm":
                allocation.action_approve()
            overtime._workflow_set_state(
                "approve", {"allocation_id": allocation.id}, **kwargs
            )
        return True

    def _allocation_values(self):
        self.ensure_one()
        return {
            "name": self.env._("Compensatory leave for %(ref)s", ref=self.name),
            "employee_id": self.employee_id.id,
            "holiday_status_id": self._compensatory_type().id,
            "number_of_days": self.days,
            "allocation_type": "regular",
            "date_from": self.date,
        }

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
