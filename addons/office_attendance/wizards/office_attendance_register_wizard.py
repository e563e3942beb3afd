import calendar
import datetime

from odoo import api, fields, models
from odoo.exceptions import UserError

KIND_COLUMNS = ("annual", "sick", "personal", "compensatory", "other")


class OfficeAttendanceRegisterWizard(models.TransientModel):
    """The monthly or yearly attendance register (考勤登记, 月统计, 年汇总):
    one line per employee, printed as PDF or xlsx (002 篇4 考勤管理制度 一)."""

    _name = "office.attendance.register.wizard"
    _description = "Attendance Register"

    period = fields.Selection(
        [("month", "Month"), ("year", "Year")], required=True, default="month"
    )
    year = fields.Integer(
        required=True, default=lambda self: self._default_month().year
    )
    month = fields.Integer(default=lambda self: self._default_month().month)
    department_id = fields.Many2one("hr.department")

    @api.model
    def _default_month(self):
        today = self.env["office.calendar"].today()
        return today.replace(day=1) - datetime.timedelta(days=1)

    def _dates(self):
        self.ensure_one()
        if not 2000 <= self.year <= 2100:
            raise UserError(self.env._("Choose a year between 2000 and 2100."))
        if self.period == "year":
            return datetime.date(self.year, 1, 1), datetime.date(self.year, 12, 31)
        if not 1 <= (self.month or 0) <= 12:
            raise UserError(self.env._("Choose a month between 1 and 12."))
        last = calendar.monthrange(self.year, self.month)[1]
        return datetime.date(self.year, self.month, 1), datetime.date(
            self.year, self.month, last
        )

    def _title(self):
        self.ensure_one()
        if self.period == "year":
            return self.env._("Attendance register %(year)s", year=self.year)
        return self.env._(
            "Attendance register %(year)s-%(month)02d", year=self.year, month=self.month
        )

    def _lines(self):
        """The register's lines, sorted by department and name."""
        self.ensure_one()
        date_from, date_to = self._dates()
        domain = [("company_id", "=", self.env.company.id)]
        if self.department_id:
            domain.append(("department_id", "child_of", self.department_id.id))
        employees = self.env["hr.employee"].search(domain, order="department_id, name")
        tally = self.env["office.attendance.tally"]._tally(
            employees, date_from, date_to
        )
        lines = []
        for employee in employees:
            line = tally[employee.id]
            lines.append(
                {
                    "name": employee.name,
                    "department": employee.department_id.name or "",
                    "working_days": line["working_days"],
                    "punched_days": line["punched_days"],
                    "punctual": line["punctual"],
                    "late": line["late"],
                    **{kind: line["leave_days"].get(kind, 0) for kind in KIND_COLUMNS},
                    "discrepancies": len(line["discrepancies"]),
                }
            )
        return lines

    def action_print_pdf(self):
        self._dates()
        return self.env.ref(
            "office_attendance.action_report_office_attendance_register"
        ).report_action(self)

    def action_print_xlsx(self):
        self._dates()
        return self.env.ref(
            "office_attendance.action_report_office_attendance_register_xlsx"
        ).report_action(self)
