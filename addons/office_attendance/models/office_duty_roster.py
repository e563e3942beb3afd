import datetime

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)

OFFICER = "office_attendance.group_attendance_officer"


class OfficeDutyRoster(models.Model):
    """The holiday duty roster (节假日值班表) of one break of the office
    calendar — a public holiday with the weekend days around it, make-up
    working days excluded — built from the calendar, published before the
    break with one person on duty each day at least (002 篇4 考勤管理制度 六:
    坚持节假日轮流值班制度, 值班人员须按要求值班, 及时向单位主要领导汇报情况).

    ==================  ==============================================
    Who                 May
    ==================  ==============================================
    attendance officer  build, fill, publish, close, cancel
    staff               read the published rosters, log their own day
    ==================  ==============================================
    """

    _name = "office.duty.roster"
    _description = "Holiday Duty Roster"
    _inherit = ["office.workflow.mixin"]
    _order = "date_from desc"
    _check_company_auto = True
    _workflow_sequence_code = "office.duty.roster"
    _workflow_transitions = {
        "publish": {
            "from": ("draft",),
            "to": "published",
            "groups": (OFFICER,),
            "label": _lt("published"),
        },
        "close": {
            "from": ("published",),
            "to": "done",
            "groups": (OFFICER,),
            "label": _lt("closed"),
        },
        "cancel": {
            "from": ("draft", "published"),
            "to": "cancel",
            "groups": (OFFICER,),
            "reason": True,
            "label": _lt("cancelled"),
        },
    }
    _workflow_locked_fields = ("date_from", "date_to", "leader_id", "holiday_name")

    name = fields.Char(string="Reference", default="/", readonly=True, copy=False)
    holiday_name = fields.Char(string="Holiday", required=True)
    date_from = fields.Date(string="First day off", required=True)
    date_to = fields.Date(string="Last day off", required=True)
    leader_id = fields.Many2one(
        "res.users",
        string="Report to",
        required=True,
        help="The principal leader the person on duty reports to (值班人员及时向单位"
        "主要领导汇报情况).",
    )
    pool_employee_ids = fields.Many2many(
        "hr.employee",
        string="Rota",
        check_company=True,
        help="The staff who take turns on duty, in this order.",
    )
    shift_ids = fields.One2many("office.duty.shift", "roster_id", string="Duty days")
    shift_count = fields.Integer(
        compute="_compute_shift_count", string="Number of duty days"
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("published", "Published"),
            ("done", "Closed"),
            ("cancel", "Cancelled"),
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

    @api.depends("shift_ids")
    def _compute_shift_count(self):
        for roster in self:
            roster.shift_count = len(roster.shift_ids)

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        calendar = self.env["office.calendar"]
        for roster in self:
            if roster.date_from > roster.date_to:
                raise ValidationError(
                    self.env._(
                        "The roster “%s” ends before it starts.", roster.holiday_name
                    )
                )
            if calendar.is_working_day(roster.date_from, roster.company_id):
                raise ValidationError(
                    self.env._(
                        "%(day)s is a working day: a duty roster starts on a day off.",
                        day=roster.date_from,
                    )
                )

    # ------------------------------------------------------------------
    # Building from the calendar
    # ------------------------------------------------------------------

    @api.model
    def _break_around(self, day, company=None):
        """(first, last) non-working day of the break containing `day`."""
        calendar = self.env["office.calendar"]
        if calendar.is_working_day(day, company):
            raise UserError(
                self.env._("%(day)s is a working day, not a day off.", day=day)
            )
        first = last = day
        one = datetime.timedelta(days=1)
        while not calendar.is_working_day(first - one, company):
            first -= one
        while not calendar.is_working_day(last + one, company):
            last += one
        return first, last

    @api.model
    def _off_days(self, date_from, date_to, company=None):
        calendar = self.env["office.calendar"]
        days, day = [], date_from
        while day <= date_to:
            if not calendar.is_working_day(day, company):
                days.append(day)
            day += datetime.timedelta(days=1)
        return days

    @api.model
    def create_for_holiday(self, holiday_date, leader_id, pool_employee_ids=None):
        """Id of a new draft roster of the break around the public holiday
        `holiday_date` (ISO string), filled from the rota; for XML-RPC."""
        return self._create_for_holiday(holiday_date, leader_id, pool_employee_ids).id

    @api.model
    def _create_for_holiday(self, holiday_date, leader_id, pool_employee_ids=None):
        day = fields.Date.to_date(holiday_date)
        first, last = self._break_around(day)
        holiday = self.env["office.holiday"].search(
            [("date", ">=", first), ("date", "<=", last), ("kind", "=", "holiday")],
            limit=1,
        )
        roster = self.create(
            {
                "holiday_name": holiday.name or self.env._("Days off"),
                "date_from": first,
                "date_to": last,
                "leader_id": leader_id,
                "pool_employee_ids": [fields.Command.set(pool_employee_ids or [])],
            }
        )
        roster.action_fill()
        return roster

    def action_fill(self):
        """Give each day off of the roster without a person on duty the next
        person of the rota, in turn."""
        for roster in self:
            roster._check_can_edit_shifts()
            if not roster.pool_employee_ids:
                raise UserError(
                    self.env._("Name the rota of “%s” first.", roster.holiday_name)
                )
            covered = set(roster.shift_ids.mapped("date"))
            pool = roster.pool_employee_ids
            missing = [
                d
                for d in self._off_days(
                    roster.date_from, roster.date_to, roster.company_id
                )
                if d not in covered
            ]
            self.env["office.duty.shift"].create(
                [
                    {
                        "roster_id": roster.id,
                        "date": day,
                        "employee_id": pool[(len(covered) + i) % len(pool)].id,
                    }
                    for i, day in enumerate(missing)
                ]
            )
        return True

    def _check_can_edit_shifts(self):
        for roster in self:
            if roster.state != "draft":
                raise UserError(
                    self.env._(
                        "The roster “%s” is no longer a draft: its duty days are set.",
                        roster.holiday_name,
                    )
                )

    # ------------------------------------------------------------------
    # Transitions
    # ------------------------------------------------------------------

    def action_publish(self):
        return self._workflow_run("publish")

    def action_close(self):
        return self._workflow_run("close")

    def action_cancel(self):
        return self._workflow_run("cancel")

    def _check_can_publish(self, **_kwargs):
        today = self.env["office.calendar"].today()
        for roster in self:
            if roster.date_from <= today:
                raise UserError(
                    self.env._(
                        "The roster “%s” is published before the holiday.",
                        roster.holiday_name,
                    )
                )
            covered = set(roster.shift_ids.mapped("date"))
            uncovered = [
                d
                for d in self._off_days(
                    roster.date_from, roster.date_to, roster.company_id
                )
                if d not in covered
            ]
            if uncovered:
                raise UserError(
                    self.env._(
                        "Nobody is on duty on %(days)s in “%(roster)s”.",
                        days=", ".join(str(d) for d in uncovered),
                        roster=roster.holiday_name,
                    )
                )

    def _check_can_close(self, **_kwargs):
        today = self.env["office.calendar"].today()
        for roster in self:
            if roster.date_to >= today:
                raise UserError(
                    self.env._(
                        "The roster “%s” is closed after the holiday.",
                        roster.holiday_name,
                    )
                )

    def _do_publish(self, **kwargs):
        self._workflow_set_state("publish", **kwargs)
        for roster in self:
            roster.shift_ids._notify_on_duty()
        return True

    def action_view_shifts(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "office_attendance.office_duty_shift_action"
        )
        action["domain"] = [("roster_id", "=", self.id)]
        action["context"] = {"default_roster_id": self.id}
        return action
