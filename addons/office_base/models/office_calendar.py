import datetime

import pytz

from odoo import api, fields, models, tools


class OfficeCalendar(models.AbstractModel):
    """Working-day arithmetic for deadlines: the company's weekly working
    calendar (resource.calendar) corrected by China's public holidays and
    make-up working days kept in office.holiday.

    Dates are local dates; datetimes are naive UTC as everywhere in Odoo and
    are converted to the calendar's time zone for working hours."""

    _name = "office.calendar"
    _description = "Office Working-Day Service"

    # ------------------------------------------------------------------
    # Cached data
    # ------------------------------------------------------------------

    @api.model
    def invalidate_calendar_cache(self):
        self.env.registry.clear_cache()

    @api.model
    @tools.ormcache("company_id")
    def _exception_days(self, company_id):
        """{date: 'holiday'|'workday'}; company-specific entries win."""
        self.env.cr.execute(
            """SELECT date, kind, company_id FROM office_holiday
               WHERE company_id IS NULL OR company_id = %s
               ORDER BY company_id NULLS FIRST""",
            [company_id],
        )
        return {day: kind for day, kind, _company in self.env.cr.fetchall()}

    @api.model
    @tools.ormcache("calendar_id")
    def _week_pattern(self, calendar_id):
        """{weekday: ((hour_from, hour_to), ...)} of a resource calendar."""
        calendar = self.env["resource.calendar"].sudo().browse(calendar_id)
        pattern = {}
        for att in calendar.attendance_ids:
            if att.display_type or att.day_period == "lunch":
                continue
            if calendar.two_weeks_calendar and att.week_type != "0":
                continue
            pattern.setdefault(int(att.dayofweek), []).append(
                (att.hour_from, att.hour_to)
            )
        return {day: tuple(sorted(spans)) for day, spans in pattern.items()}

    def _calendar(self, company=None):
        company = company or self.env.company
        return company.resource_calendar_id or self.env.ref(
            "resource.resource_calendar_std"
        )

    # ------------------------------------------------------------------
    # Days
    # ------------------------------------------------------------------

    @api.model
    def today(self, company=None):
        """Today in the time zone of the office's working calendar (Beijing
        by default), whatever the user's or the server's time zone: between
        00:00 and 08:00 in China the UTC date is still yesterday."""
        tz = self._calendar(company).tz or "Asia/Shanghai"
        return fields.Datetime.context_timestamp(
            self.with_context(tz=tz), fields.Datetime.now()
        ).date()

    @api.model
    def to_local(self, value, company=None):
        """The UTC datetime `value` as the office's wall-clock time (naive),
        in the time zone of its working calendar (Beijing by default): what
        a person reads in a title or a message, whoever computed it."""
        tz = pytz.timezone(self._calendar(company).tz or "Asia/Shanghai")
        value = fields.Datetime.to_datetime(value)
        return pytz.utc.localize(value).astimezone(tz).replace(tzinfo=None)

    @api.model
    def is_working_day(self, day, company=None):
        day = _as_date(day)
        company = company or self.env.company
        exception = self._exception_days(company.id).get(day)
        if exception:
            return exception == "workday"
        return day.weekday() in self._week_pattern(self._calendar(company).id)

    @api.model
    def add_working_days(self, start, days, company=None):
        """The date `days` working days after `start` (before it when negative).
        A datetime keeps its time of day."""
        days = int(days)
        day = _as_date(start)
        step = 1 if days >= 0 else -1
        remaining = abs(days)
        guard = 0
        while remaining:
            day += datetime.timedelta(days=step)
            guard += 1
            if guard > 3660:
                raise ValueError("No working day found within ten years.")
            if self.is_working_day(day, company):
                remaining -= 1
        if isinstance(start, datetime.datetime):
            return datetime.datetime.combine(day, start.time())
        return day

    @api.model
    def working_days_between(self, date_from, date_to, company=None):
        """Working days after `date_from` up to and including `date_to`;
        negative when `date_to` is earlier."""
        start, end = _as_date(date_from), _as_date(date_to)
        sign = 1
        if end < start:
            start, end, sign = end, start, -1
        count = 0
        day = start
        while day < end:
            day += datetime.timedelta(days=1)
            if self.is_working_day(day, company):
                count += 1
        return sign * count

    # ------------------------------------------------------------------
    # Hours
    # ------------------------------------------------------------------

    def _day_spans(self, day, company):
        """Working hour spans of a local date, as (hour_from, hour_to) floats."""
        if not self.is_working_day(day, company):
            return ()
        pattern = self._week_pattern(self._calendar(company).id)
        if day.weekday() in pattern:
            return pattern[day.weekday()]
        # A make-up weekend day works the hours of the first working weekday.
        return pattern[min(pattern)] if pattern else ((8.0, 12.0), (13.0, 17.0))

    @api.model
    def add_working_hours(self, start, hours, company=None):
        """The UTC datetime `hours` working hours after the UTC datetime `start`."""
        company = company or self.env.company
        start = fields.Datetime.to_datetime(start)
        tz = pytz.timezone(self._calendar(company).tz or "Asia/Shanghai")
        local = pytz.utc.localize(start).astimezone(tz).replace(tzinfo=None)
        remaining = float(hours)
        day = local.date()
        cursor = local.hour + local.minute / 60 + local.second / 3600
        for _i in range(3660):
            for hour_from, hour_to in self._day_spans(day, company):
                begin = max(hour_from, cursor)
                if begin >= hour_to:
                    continue
                available = hour_to - begin
                if remaining <= available:
                    result = datetime.datetime.combine(day, datetime.time()) + (
                        datetime.timedelta(hours=begin + remaining)
                    )
                    return (
                        tz.localize(result)
                        .astimezone(pytz.utc)
                        .replace(tzinfo=None, microsecond=0)
                    )
                remaining -= available
            day += datetime.timedelta(days=1)
            cursor = 0.0
        raise ValueError("No working hours found within ten years.")


def _as_date(value):
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, str):
        return datetime.date.fromisoformat(value[:10])
    return value
