import datetime

import pytz

from odoo import api, fields, models


class OfficeAttendanceDemo(models.AbstractModel):
    """Demo data helpers, called by ``demo/office_attendance_demo.xml``: the
    agency's people request, approve, clock in and keep the duty roster
    through the real actions, on working days of the office calendar
    counted from the install day."""

    _name = "office.attendance.demo"
    _inherit = ["office.demo"]
    _description = "Attendance Demo Data"

    @api.model
    def _demo_drop_foreign_leaves(self):
        """Odoo's hr_holidays demo gives its sample employees (and the
        administrator's employee) leaves and allocations: the agency's leave
        register shows only its own people, so they are cancelled and
        removed the way Odoo removes a leave (cancel, then delete). Its
        sample "Company Celebration", a mandatory day a week after the
        install, goes too: the agency's days off are the State Council's."""
        self._demo_foreign("hr_holidays", "hr.leave.mandatory.day").unlink()
        leaves = self._demo_foreign("hr_holidays", "hr.leave")
        allocations = self._demo_foreign("hr_holidays", "hr.leave.allocation")
        leaves.filtered(lambda leave: leave.state != "cancel")._force_cancel(
            "demo", notify_responsibles=False
        )
        leaves.unlink()
        allocations.filtered(
            lambda a: a.state in ("validate", "validate1")
        ).action_refuse()
        allocations.unlink()
        return True

    @api.model
    def _demo_foreign(self, module, model_name):
        ids = (
            self.env["ir.model.data"]
            .search([("module", "=", module), ("model", "=", model_name)])
            .mapped("res_id")
        )
        return self.env[model_name].browse(ids).exists()

    @api.model
    def _demo_working_day(self, offset):
        """The working day `offset` working days from today (0: today or the
        next working day)."""
        calendar = self.env["office.calendar"]
        today = calendar.today()
        if offset == 0:
            return (
                today
                if calendar.is_working_day(today)
                else calendar.add_working_days(today, 1)
            )
        return calendar.add_working_days(today, offset)

    @api.model
    def _demo_leave(self, user_id, type_xmlid, offset, days, name, steps=None):
        """A leave of `days` working days from the working day `offset`,
        requested by the user, approved by its first `steps` reviewers (all
        when None); returns its id."""
        calendar = self.env["office.calendar"]
        start = self._demo_working_day(offset)
        end = calendar.add_working_days(start, days - 1) if days > 1 else start
        while self.env["hr.leave.mandatory.day"].search_count(
            [("start_date", "<=", end), ("end_date", ">=", start)]
        ):
            # staff may not request leave on a mandatory day of Time Off
            start = calendar.add_working_days(start, 1)
            end = calendar.add_working_days(end, 1)
        user = self.env["res.users"].browse(user_id)
        leave = (
            self.env["hr.leave"]
            .with_user(user)
            .create(
                {
                    "name": name,
                    "employee_id": user.employee_id.id,
                    "holiday_status_id": self.env.ref(type_xmlid).id,
                    "request_date_from": start,
                    "request_date_to": end,
                }
            )
        )
        if steps != 0:
            self._demo_decide("hr.leave", leave.ids, steps=steps)
        return leave.id

    @api.model
    def _demo_clock_ins(self, employee_ids, days):
        """Clock-ins of the last `days` working days: on time, except a late
        afternoon now and then."""
        calendar = self.env["office.calendar"]
        tz = pytz.timezone(calendar._calendar().tz or "Asia/Shanghai")
        vals_list = []
        for back in range(days, 0, -1):
            day = calendar.add_working_days(calendar.today(), -back)
            for index, employee_id in enumerate(employee_ids):
                late = (back + index) % 5 == 0
                for start, end in (
                    ((7, 40), (11, 58)),
                    ((14, 35 if late else 20), (17, 31)),
                ):
                    check_in = datetime.datetime.combine(day, datetime.time(*start))
                    check_out = datetime.datetime.combine(day, datetime.time(*end))
                    vals_list.append(
                        {
                            "employee_id": employee_id,
                            "check_in": _utc(tz, check_in),
                            "check_out": _utc(tz, check_out),
                            "office_imported": True,
                        }
                    )
        self.env["hr.attendance"].create(vals_list)
        return True

    @api.model
    def _demo_overtime(self, user_id, hours, description):
        """Overtime on the last day off, submitted and registered by the
        reviewers of its approval step."""
        calendar = self.env["office.calendar"]
        day = calendar.today() - datetime.timedelta(days=1)
        while calendar.is_working_day(day):
            day -= datetime.timedelta(days=1)
        user = self.env["res.users"].browse(user_id)
        overtime = (
            self.env["office.overtime"]
            .with_user(user)
            .create(
                {
                    "employee_id": user.employee_id.id,
                    "date": day,
                    "hours": hours,
                    "description": description,
                }
            )
        )
        overtime.action_submit()
        self._demo_decide("office.overtime", overtime.ids)
        return overtime.id

    @api.model
    def _demo_next_roster(self, officer_id, leader_id, employee_ids):
        """The duty roster of the next public holiday of the calendar,
        published by the officer."""
        calendar = self.env["office.calendar"]
        tomorrow = calendar.today() + datetime.timedelta(days=1)
        holiday = self.env["office.holiday"].search(
            [("date", ">", tomorrow), ("kind", "=", "holiday")], order="date", limit=1
        )
        if not holiday or calendar.is_working_day(holiday.date):
            return False
        Roster = self.env["office.duty.roster"].with_user(officer_id)
        roster = Roster._create_for_holiday(holiday.date, leader_id, employee_ids)
        if roster.date_from > tomorrow:
            roster.action_publish()
        return roster.id

    @api.model
    def _demo_annual_plan(self, officer_id, horizon=10):
        """The plans of this year and, in its last days, of the next one: the
        demo's leaves lie up to `horizon` working days ahead."""
        years = {
            self.env["office.calendar"].today().year,
            self._demo_working_day(horizon).year,
        }
        for year in sorted(years):
            wizard = (
                self.env["office.annual.leave.wizard"]
                .with_user(officer_id)
                .create({"year": year})
            )
            wizard.action_allocate()
        return True


def _utc(tz, local):
    return fields.Datetime.to_string(
        tz.localize(local).astimezone(pytz.utc).replace(tzinfo=None)
    )
