from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

OFFICER = "office_attendance.group_attendance_officer"
LOG_FIELDS = {"events", "calls", "handover", "reported"}


class OfficeDutyShift(models.Model):
    """One day of duty of a roster and its duty log (值班记录): events, calls
    and the hand-over, and whether the person on duty reported to the
    principal leader. The officer sets who is on duty while the roster is a
    draft; the person on duty keeps the log once it is published."""

    _name = "office.duty.shift"
    _description = "Holiday Duty Day"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date, id"
    _check_company_auto = True

    roster_id = fields.Many2one(
        "office.duty.roster",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
    )
    company_id = fields.Many2one(related="roster_id.company_id", store=True)
    roster_state = fields.Selection(related="roster_id.state", string="Roster state")
    date = fields.Date(required=True, index=True)
    employee_id = fields.Many2one(
        "hr.employee",
        string="On duty",
        required=True,
        check_company=True,
        tracking=True,
    )
    user_id = fields.Many2one(related="employee_id.user_id", store=True, string="User")
    leader_id = fields.Many2one(related="roster_id.leader_id", string="Report to")
    events = fields.Text()
    calls = fields.Text(string="Calls received")
    handover = fields.Text(string="Hand-over")
    reported = fields.Boolean(
        string="Reported to the leader",
        tracking=True,
        help="The person on duty reported the day to the principal leader.",
    )

    @api.depends("date", "employee_id")
    def _compute_display_name(self):
        for shift in self:
            shift.display_name = f"{shift.date or ''} {shift.employee_id.name or ''}"

    @api.constrains("date", "roster_id")
    def _check_day_off(self):
        calendar = self.env["office.calendar"]
        for shift in self:
            roster = shift.roster_id
            if not roster.date_from <= shift.date <= roster.date_to:
                raise ValidationError(
                    self.env._(
                        "%(day)s is outside the roster “%(roster)s”.",
                        day=shift.date,
                        roster=roster.holiday_name,
                    )
                )
            if calendar.is_working_day(shift.date, roster.company_id):
                raise ValidationError(
                    self.env._(
                        "%(day)s is a working day (a make-up working day counts): "
                        "it is not a duty day.",
                        day=shift.date,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        rosters = self.env["office.duty.roster"].browse(
            [vals["roster_id"] for vals in vals_list if vals.get("roster_id")]
        )
        rosters._check_can_edit_shifts()
        return super().create(vals_list)

    def write(self, vals):
        if set(vals) - LOG_FIELDS:
            self.roster_id._check_can_edit_shifts()
        elif set(vals) & LOG_FIELDS:
            self._check_can_log()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_published(self):
        self.roster_id._check_can_edit_shifts()

    def _check_can_log(self):
        officer = self.env.user.has_group(OFFICER)
        for shift in self:
            if shift.roster_state != "published":
                raise UserError(
                    self.env._("The duty log is kept while the roster is published.")
                )
            if not officer and shift.user_id != self.env.user:
                raise UserError(
                    self.env._(
                        "Only the person on duty keeps the log of %s.", shift.date
                    )
                )

    def _notify_on_duty(self):
        for shift in self.filtered("user_id"):
            shift.activity_schedule(
                "office_attendance.mail_act_office_duty",
                date_deadline=shift.date,
                user_id=shift.user_id.id,
            )
