import datetime

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.office_base.models.office_reminder_mixin import OfficeReminderMixin
from odoo.addons.office_base.tools import granted, is_granted

REPORT_BACK = "office_leave_report_back"
REPORT_BACK_FIELDS = ("office_report_back_date", "office_report_back_user_id")
# what the ladder's reviewers decided on
LADDER_FIELDS = (
    "employee_id",
    "holiday_status_id",
    "request_date_from",
    "request_date_to",
    "date_from",
    "date_to",
    "request_unit_half",
    "request_unit_hours",
)
OFFICER = "office_attendance.group_attendance_officer"


class HrLeave(models.Model):
    """Time off under the agency's approval ladder (002 篇4 考勤管理制度 四).

    Odoo's own leave flow stays: a request is “To Approve” on creation and
    “Approved” by ``action_validate``. For types marked *Approval ladder* the
    approvers are ``tier.definition`` records on ``hr.leave`` (office.approval.
    mixin): the leader in charge, the executive deputy over the company's
    first threshold, the principal leader over the second; a leader's leave
    goes to the principal leader only. ``_check_approval_update`` — Odoo's own
    guard of every state change — refuses the approval of a ladder leave
    until its reviews are all approved, to everyone including the Time Off
    manager and the superuser; the last reviewer's decision validates it.

    The length is counted in working days of office_base's calendar
    (public holidays and make-up working days 调休), for the ladder and the
    allocations alike.

    ==========================  =================================================
    Who                         May
    ==========================  =================================================
    employee                    request, report back (销假) after the leave
    reviewers (tier.definition) approve or refuse their step
    attendance officer          register, report back for someone, chase
    ==========================  =================================================
    """

    _name = "hr.leave"
    _inherit = ["hr.leave", "office.approval.mixin"]
    _state_from = ["confirm"]
    _state_to = ["validate1", "validate"]
    _cancel_state = "cancel"

    office_ladder_level = fields.Selection(
        [
            ("none", "No ladder"),
            ("1", "Leader in charge"),
            ("2", "Leader in charge and executive deputy"),
            ("3", "Leader in charge, executive deputy and principal leader"),
        ],
        string="Approval ladder",
        compute="_compute_office_ladder",
        store=True,
        help="Who approves, by the length in working days and the company's "
        "thresholds (002 篇4 考勤管理制度 四).",
    )
    office_requester_is_leader = fields.Boolean(
        string="Requested by a leader",
        compute="_compute_office_ladder",
        store=True,
        help="Members of the leadership report to the principal leader "
        "(局班子成员外出应向局长报告).",
    )
    office_leader_in_charge_id = fields.Many2one(
        "res.users",
        string="Leader in charge",
        compute="_compute_office_ladder",
        store=True,
    )
    office_executive_deputy_id = fields.Many2one(
        "res.users",
        string="Executive deputy",
        compute="_compute_office_ladder",
        store=True,
    )
    office_report_back_date = fields.Date(
        string="Reported back on",
        readonly=True,
        copy=False,
        tracking=True,
        help="The day the employee reported back (销假) to the leader and the office.",
    )
    office_report_back_user_id = fields.Many2one(
        "res.users", string="Report back registered by", readonly=True, copy=False
    )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------

    @api.depends(
        "number_of_days",
        "holiday_status_id.office_ladder",
        "employee_id.user_id",
        "employee_id.department_id",
        "employee_company_id",
    )
    def _compute_office_ladder(self):
        leaders = self.env.ref("office_base.group_office_leader")
        for leave in self:
            company = leave.employee_company_id or self.env.company
            user = leave.employee_id.user_id
            leave.office_requester_is_leader = bool(user and leaders in user.groups_id)
            department = leave.employee_id.department_id
            leave.office_leader_in_charge_id = (
                department._office_leader_in_charge() if department else False
            )
            leave.office_executive_deputy_id = company.office_executive_deputy_id
            leave.office_ladder_level = leave._office_ladder_level(company)

    def _office_ladder_level(self, company):
        self.ensure_one()
        if not self.holiday_status_id.office_ladder:
            return "none"
        if self.number_of_days > company.office_leave_principal_days:
            return "3"
        if self.number_of_days > company.office_leave_executive_days:
            return "2"
        return "1"

    def _get_durations(self, check_leave_type=True, resource_calendar=None):
        """Whole-day leaves count the working days of the office calendar:
        a public holiday is not a leave day, a make-up Saturday is."""
        result = super()._get_durations(
            check_leave_type=check_leave_type, resource_calendar=resource_calendar
        )
        for leave in self:
            if not leave._office_counts_working_days():
                continue
            days = leave._office_working_days()
            calendar = resource_calendar or leave.resource_calendar_id
            result[leave.id] = (days, days * (calendar.hours_per_day or 8.0))
        return result

    def _office_counts_working_days(self):
        self.ensure_one()
        return bool(
            self.request_date_from
            and self.request_date_to
            and self.employee_id
            and not self.request_unit_half
            and not self.request_unit_hours
            and self.leave_type_request_unit in ("day", "half_day")
            and not self.holiday_status_id.include_public_holidays_in_duration
        )

    def _office_working_days(self):
        self.ensure_one()
        start = self.request_date_from - datetime.timedelta(days=1)
        return self.env["office.calendar"].working_days_between(
            start, self.request_date_to, self.employee_id.company_id
        )

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        leaves = super().create(vals_list)
        leaves._office_start_ladder()
        return leaves

    def write(self, vals):
        if set(vals) & set(REPORT_BACK_FIELDS) and not is_granted(REPORT_BACK, self):
            raise UserError(
                self.env._(
                    "A leave is reported back only with its “Report back” action."
                )
            )
        if set(vals) & set(LADDER_FIELDS):
            self._check_ladder_unchanged()
        return super().write(vals)

    def _check_ladder_unchanged(self):
        """A ladder leave keeps what its reviewers decide on, whatever the
        context says (tier.validation's own lock yields to a context key)."""
        decided = self.filtered(
            lambda leave: (
                leave.office_ladder_level != "none"
                and leave.state in ("confirm", "validate1", "validate")
                and leave.sudo().review_ids
            )
        )
        if decided:
            raise UserError(
                self.env._(
                    "“%s” is under its approval ladder: cancel it and request "
                    "the new period or type.",
                    decided[:1].display_name,
                )
            )

    # ------------------------------------------------------------------
    # The ladder in hr_holidays' own validation
    # ------------------------------------------------------------------

    def _office_start_ladder(self):
        """Ask the ladder's reviewers of each new ladder leave; refused when a
        step has nobody to review it."""
        ladder = self.filtered(
            lambda leave: (
                leave.office_ladder_level != "none" and leave.state == "confirm"
            )
        )
        ladder.invalidate_recordset(["need_validation"])
        ladder = ladder.filtered("need_validation")
        if not ladder:
            return
        ladder.request_validation()
        for leave in ladder:
            nobody = leave.sudo().review_ids.filtered(lambda r: not r.reviewer_ids)
            if nobody:
                raise UserError(
                    self.env._(
                        "The approval step “%(step)s” of “%(leave)s” has nobody to "
                        "review it: set the leader in charge of the department or "
                        "the executive deputy in the settings.",
                        step=nobody[:1].definition_id.name,
                        leave=leave.display_name,
                    )
                )

    def _check_approval_update(self, state):
        if state in ("validate1", "validate"):
            undecided = self.filtered(
                lambda leave: (
                    leave.office_ladder_level != "none"
                    and leave.validation_status != "validated"
                )
            )
            if undecided:
                raise UserError(
                    self.env._(
                        "“%(leave)s” is approved by its approval ladder only: "
                        "%(pending)s.",
                        leave=undecided[:1].display_name,
                        pending=undecided[:1].sudo().next_review
                        or self.env._("no review requested"),
                    )
                )
        return super()._check_approval_update(state)

    def _on_office_validated(self):
        """The last reviewer approved: the leave is approved as by that reviewer.
        The reviewer passed the ladder's checks, not Odoo's Time Off rights
        (the kernel's transitions write the same way)."""
        ready = self.filtered(lambda leave: leave.state in ("confirm", "validate1"))
        if ready:
            ready.sudo().action_validate()

    def _on_office_rejected(self):
        ready = self.filtered(
            lambda leave: leave.state in ("confirm", "validate1", "validate")
        )
        if ready:
            # tier.validation locks a record under review; the refusal that
            # ends the review is let through as the kernel's transitions are
            ready.sudo().with_context(skip_validation_check=True).action_refuse()

    def activity_update(self):
        # ladder leaves under review: the reviewers have the ladder's activities
        under_ladder = self.filtered(
            lambda leave: (
                leave.office_ladder_level != "none"
                and leave.state in ("confirm", "validate1")
            )
        )
        return super(HrLeave, self - under_ladder).activity_update()

    # ------------------------------------------------------------------
    # Report back (销假)
    # ------------------------------------------------------------------

    def action_office_report_back(self):
        self._check_can_report_back()
        today = self.env["office.calendar"].today()
        with granted(REPORT_BACK, self):
            # the employee may not write a started leave in hr_holidays: the
            # action checked who acts, the write is the registration itself
            self.sudo().write(
                {
                    "office_report_back_date": today,
                    "office_report_back_user_id": self.env.user.id,
                }
            )
        self.sudo().activity_feedback(["office_attendance.mail_act_office_report_back"])
        for leave in self:
            leave.sudo().message_post(
                body=self.env._(
                    "Reported back (销假) on %(date)s, registered by %(user)s.",
                    date=today,
                    user=self.env.user.name,
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def _check_can_report_back(self):
        self.check_access("read")
        today = self.env["office.calendar"].today()
        officer = self.env.user.has_group(OFFICER)
        for leave in self:
            if leave.state != "validate":
                raise UserError(
                    self.env._(
                        "Only an approved leave is reported back: “%s” is not.",
                        leave.display_name,
                    )
                )
            if leave.office_report_back_date:
                raise UserError(
                    self.env._(
                        "“%s” has already been reported back.", leave.display_name
                    )
                )
            if leave.request_date_from > today:
                raise UserError(
                    self.env._(
                        "“%s” has not started yet: report back at its end.",
                        leave.display_name,
                    )
                )
            if not officer and leave.employee_id.user_id != self.env.user:
                raise UserError(
                    self.env._(
                        "Only the employee or the attendance officer reports back "
                        "“%s”.",
                        leave.display_name,
                    )
                )

    @api.model
    def _cron_office_chase_report_back(self, limit=500):
        """Chase the ladder leaves ended and not reported back: an activity
        for the employee and the attendance officers, once."""
        calendar = self.env["office.calendar"]
        cutoff = calendar.add_working_days(
            calendar.today(), -self.env.company.office_report_back_days
        )
        domain = [
            ("state", "=", "validate"),
            ("office_ladder_level", "!=", "none"),
            # approved through the ladder: not the leaves from before the addon
            ("review_ids", "!=", False),
            ("office_report_back_date", "=", False),
            ("request_date_to", "<", cutoff),
        ]
        total = self.search_count(domain)
        leaves = self.search(domain, limit=limit, order="request_date_to")
        officers = self.env.ref(OFFICER).users
        for leave in leaves:
            # hr.leave has mail.activity.mixin before the kernel's reminder
            # mixin could join it (MRO): its helper is called as is
            OfficeReminderMixin._office_schedule_missing(
                leave,
                "office_attendance.mail_act_office_report_back",
                leave.employee_id.user_id | officers,
                summary=self.env._("Report back (销假) after the leave"),
            )
        self.env["ir.cron"]._notify_progress(
            done=len(leaves), remaining=max(total - len(leaves), 0)
        )
        return leaves
