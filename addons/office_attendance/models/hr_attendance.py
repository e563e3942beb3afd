import pytz

from odoo import api, fields, models


class HrAttendance(models.Model):
    """A clock-in (打卡) classified against the timetable of its day: the
    morning or afternoon session, on time within the window or not."""

    _inherit = "hr.attendance"

    office_session = fields.Selection(
        [("morning", "Morning"), ("afternoon", "Afternoon")],
        string="Session",
        compute="_compute_office_clock_in",
        store=True,
    )
    office_punctual = fields.Boolean(
        string="Clocked in on time",
        compute="_compute_office_clock_in",
        store=True,
        help="The clock-in falls within the window before the start of the "
        "session (002 篇4 考勤管理制度 二).",
    )
    office_local_date = fields.Date(
        string="Day", compute="_compute_office_clock_in", store=True, index=True
    )
    office_imported = fields.Boolean(
        string="From the clock",
        readonly=True,
        help="Imported from the fingerprint clock.",
    )

    @api.depends("check_in", "employee_id")
    def _compute_office_clock_in(self):
        Timetable = self.env["office.attendance.timetable"]
        for attendance in self:
            if not attendance.check_in:
                attendance.office_session = False
                attendance.office_punctual = False
                attendance.office_local_date = False
                continue
            local = attendance._office_local_check_in()
            timetable = Timetable._for_date(
                local.date(), attendance.employee_id.company_id or None
            )
            hour = local.hour + local.minute / 60 + local.second / 3600
            session, punctual = (
                timetable._classify(hour) if timetable else ("morning", False)
            )
            attendance.office_session = session
            attendance.office_punctual = punctual
            attendance.office_local_date = local.date()

    def _office_local_check_in(self):
        """The clock-in in the office's time zone (the clock is at the office)."""
        self.ensure_one()
        calendar = self.env["office.calendar"]._calendar(self.employee_id.company_id)
        tz = pytz.timezone(calendar.tz or "Asia/Shanghai")
        return pytz.utc.localize(self.check_in).astimezone(tz).replace(tzinfo=None)
