import datetime

from dateutil.relativedelta import relativedelta

from odoo import fields, models


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    office_service_start_date = fields.Date(
        string="Started working on",
        groups="hr.group_hr_user,office_attendance.group_attendance_officer",
        help="First day of work (参加工作时间): the years of service of the annual "
        "leave entitlement count from it (《职工带薪年休假条例》第三条).",
    )

    def _office_years_of_service(self, on_date):
        """Full years of service on `on_date`."""
        self.ensure_one()
        start = self.sudo().office_service_start_date
        if not start or start > on_date:
            return 0
        return relativedelta(on_date, start).years

    def _office_annual_leave(self, year):
        """(days, reason) of annual leave of the year: the band of the years of
        service on 1 January (the plan is made at the start of the year),
        nothing after the sick or personal leave that cancels it."""
        self.ensure_one()
        years = self._office_years_of_service(datetime.date(year, 1, 1))
        rule = self.env["office.annual.leave.rule"]._for_years(years)
        if not rule:
            return 0.0, self.env._("Less than a year of service")
        sick = self._office_leave_calendar_days("sick", year)
        if sick >= rule.sick_days:
            return 0.0, self.env._("%(days)s days of sick leave this year", days=sick)
        personal = self._office_paid_personal_days(year)
        limit = self.company_id.office_personal_leave_exclusion_days
        if personal >= limit:
            return 0.0, self.env._(
                "%(days)s days of personal leave this year", days=personal
            )
        return rule.days, rule.name

    def _office_year_leaves(self, kind, year):
        return (
            self.env["hr.leave"]
            .sudo()
            .search(
                [
                    ("employee_id", "=", self.id),
                    ("state", "=", "validate"),
                    ("holiday_status_id.office_kind", "=", kind),
                    ("request_date_from", "<=", datetime.date(year, 12, 31)),
                    ("request_date_to", ">=", datetime.date(year, 1, 1)),
                ]
            )
        )

    def _office_leave_calendar_days(self, kind, year):
        first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
        days = 0
        for leave in self._office_year_leaves(kind, year):
            start = max(leave.request_date_from, first)
            end = min(leave.request_date_to, last)
            days += (end - start).days + 1
        return days

    def _office_paid_personal_days(self, year):
        leaves = self._office_year_leaves("personal", year)
        return sum(
            leaves.filtered(lambda leave: not leave.holiday_status_id.unpaid).mapped(
                "number_of_days"
            )
        )
