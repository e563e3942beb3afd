from odoo import api, fields, models
from odoo.exceptions import ValidationError

SEED = (
    "002 篇4 考勤管理制度 二: 每天上午8:00、下午2:30前1小时以内为打卡时间"
    "(夏季执行夏时制)"
)


class OfficeAttendanceTimetable(models.Model):
    """When the working day starts, morning and afternoon, and how long
    before it a clock-in is on time. The undated timetable is the standard
    one; a dated one (the summer timetable) wins within its dates."""

    _name = "office.attendance.timetable"
    _description = "Clock-in Timetable"
    _order = "date_from desc, id"

    name = fields.Char(required=True, translate=True)
    date_from = fields.Date(
        string="From",
        help="First day of a seasonal timetable; empty for the standard one.",
    )
    date_to = fields.Date(string="To", help="Last day of a seasonal timetable.")
    morning_start = fields.Float(
        string="Morning starts at",
        required=True,
        default=8.0,
        help="Start of the morning's work (" + SEED + ").",
    )
    afternoon_start = fields.Float(
        string="Afternoon starts at",
        required=True,
        default=14.5,
        help="Start of the afternoon's work (" + SEED + ").",
    )
    window_hours = fields.Float(
        string="Clock-in window (hours)",
        required=True,
        default=1.0,
        help="A clock-in within this many hours before the start is on time ("
        + SEED
        + ").",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)

    @api.constrains(
        "date_from", "date_to", "morning_start", "afternoon_start", "window_hours"
    )
    def _check_times(self):
        for timetable in self:
            if bool(timetable.date_from) != bool(timetable.date_to):
                raise ValidationError(
                    self.env._(
                        "A seasonal timetable needs both its first and last day."
                    )
                )
            if timetable.date_from and timetable.date_from > timetable.date_to:
                raise ValidationError(
                    self.env._(
                        "The timetable “%s” ends before it starts.", timetable.name
                    )
                )
            if not (
                0 < timetable.window_hours
                and timetable.window_hours
                <= timetable.morning_start
                < timetable.afternoon_start
                < 24
            ):
                raise ValidationError(
                    self.env._(
                        "The timetable “%s” needs a morning start before the afternoon "
                        "start and a positive clock-in window.",
                        timetable.name,
                    )
                )

    @api.model
    def _for_date(self, day, company=None):
        """The timetable of a local date: a seasonal one covering it, else the
        standard one."""
        company = company or self.env.company
        timetables = self.search([("company_id", "=", company.id)])
        seasonal = timetables.filtered(
            lambda t: t.date_from and t.date_from <= day <= t.date_to
        )
        return seasonal[:1] or timetables.filtered(lambda t: not t.date_from)[:1]

    def _classify(self, hour):
        """(session, punctual) of a clock-in at the local `hour` (a float)."""
        self.ensure_one()
        # the afternoon begins when its clock-in window opens
        if hour < self.afternoon_start - self.window_hours:
            session, start = "morning", self.morning_start
        else:
            session, start = "afternoon", self.afternoon_start
        return session, start - self.window_hours <= hour <= start
