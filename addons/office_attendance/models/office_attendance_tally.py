import datetime
from collections import defaultdict

from odoo import api, models


class OfficeAttendanceTally(models.AbstractModel):
    """The attendance of employees over a period, counted on the office
    calendar: working days, days clocked in, on-time and late clock-ins,
    approved leave days by kind, and the discrepancies — working days with
    neither a clock-in nor an approved leave (002 篇4 考勤管理制度 一, 七).

    Set-based: one grouped query for the clock-ins and one for the leaves,
    whatever the number of employees."""

    _name = "office.attendance.tally"
    _description = "Attendance Tally"

    @api.model
    def _tally(self, employees, date_from, date_to):
        """{employee id: {...}} for the local dates `date_from`..`date_to`."""
        calendar = self.env["office.calendar"]
        days = []
        day = date_from
        while day <= date_to:
            if calendar.is_working_day(day):
                days.append(day)
            day += datetime.timedelta(days=1)
        punches = self._punches(employees, date_from, date_to)
        leaves = self._leave_days(employees, date_from, date_to)
        result = {}
        starts = {
            e.id: e.office_service_start_date or date_from for e in employees.sudo()
        }
        for employee in employees:
            # counted from the first day of work when it is known
            counted = [d for d in days if d >= starts[employee.id]]
            punched = punches.get(employee.id, {})
            on_leave = leaves.get(employee.id, {})
            result[employee.id] = {
                "employee": employee,
                "working_days": len(counted),
                "punched_days": sum(1 for d in counted if d in punched),
                "punctual": sum(punched[d][0] for d in counted if d in punched),
                "late": sum(punched[d][1] for d in counted if d in punched),
                "leave_days": self._by_kind(on_leave, counted),
                "discrepancies": [
                    d for d in counted if d not in punched and d not in on_leave
                ],
            }
        return result

    @api.model
    def _punches(self, employees, date_from, date_to):
        """{employee id: {date: [on time, late]}}."""
        groups = (
            self.env["hr.attendance"]
            .sudo()
            ._read_group(
                [
                    ("employee_id", "in", employees.ids),
                    ("office_local_date", ">=", date_from),
                    ("office_local_date", "<=", date_to),
                ],
                ["employee_id", "office_local_date:day", "office_punctual"],
                ["__count"],
            )
        )
        punches = defaultdict(lambda: defaultdict(lambda: [0, 0]))
        for employee, day, punctual, count in groups:
            punches[employee.id][day][0 if punctual else 1] += count
        return punches

    @api.model
    def _leave_days(self, employees, date_from, date_to):
        """{employee id: {date: leave kind}} of the approved leaves."""
        leaves = (
            self.env["hr.leave"]
            .sudo()
            .search_read(
                [
                    ("employee_id", "in", employees.ids),
                    ("state", "=", "validate"),
                    ("request_date_from", "<=", date_to),
                    ("request_date_to", ">=", date_from),
                ],
                [
                    "employee_id",
                    "request_date_from",
                    "request_date_to",
                    "holiday_status_id",
                ],
            )
        )
        kinds = {
            t.id: t.office_kind or "other"
            for t in self.env["hr.leave.type"]
            .sudo()
            .browse({leave["holiday_status_id"][0] for leave in leaves})
        }
        result = defaultdict(dict)
        for leave in leaves:
            day = max(leave["request_date_from"], date_from)
            while day <= min(leave["request_date_to"], date_to):
                result[leave["employee_id"][0]][day] = kinds[
                    leave["holiday_status_id"][0]
                ]
                day += datetime.timedelta(days=1)
        return result

    @api.model
    def _by_kind(self, on_leave, days):
        counts = defaultdict(int)
        for day in days:
            if day in on_leave:
                counts[on_leave[day]] += 1
        return dict(counts)
