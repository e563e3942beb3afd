import base64
import csv
import datetime
import io
from collections import defaultdict

import pytz

from odoo import fields, models
from odoo.exceptions import UserError

#: the header line of a clock file: the clock's export, or the same in Chinese
HEADERS = {("badge", "time"), ("考勤号", "打卡时间")}


class OfficeAttendanceImportWizard(models.TransientModel):
    """Import the punches of the fingerprint clock (CSV: badge, time in
    local time) as Odoo attendances: one per employee and session, from
    the first to the last punch of the morning or afternoon (002 篇4 考勤
    管理制度 二: 办公室定期对打卡机数据下载统计). The whole file is checked
    first; a bad line stops the import and nothing is written. Punches
    already imported are skipped."""

    _name = "office.attendance.import.wizard"
    _description = "Import Clock-in Data"

    data_file = fields.Binary(string="Clock file (CSV)", required=True)
    file_name = fields.Char()
    imported_count = fields.Integer(readonly=True)

    def action_import(self):
        self.ensure_one()
        punches = self._parse()
        sessions = self._sessions(punches)
        created = self._create_attendances(sessions)
        self.imported_count = len(created)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "message": self.env._(
                    "%(count)s clock-ins imported.", count=len(created)
                ),
                "type": "success",
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    def _parse(self):
        """[(employee, local datetime)] of the file; every line checked."""
        try:
            text = base64.b64decode(self.data_file or b"").decode("utf-8-sig")
        except (ValueError, UnicodeDecodeError) as error:
            raise UserError(self.env._("The clock file is not UTF-8 CSV.")) from error
        rows = list(csv.reader(io.StringIO(text)))
        if not rows or tuple(c.strip().lower() for c in rows[0][:2]) not in HEADERS:
            raise UserError(
                self.env._(
                    "The clock file starts with the header line “考勤号,打卡时间” "
                    "(or the clock's own “badge,time”)."
                )
            )
        badges = {r[0].strip() for r in rows[1:] if r}
        employees = {
            e.barcode: e
            for e in self.env["hr.employee"].search([("barcode", "in", list(badges))])
        }
        punches, errors = [], []
        for number, row in enumerate(rows[1:], start=2):
            if not row or not any(c.strip() for c in row):
                continue
            employee = employees.get(row[0].strip())
            when = _parse_time(row[1] if len(row) > 1 else "")
            if not employee:
                errors.append(self.env._("line %(n)s: unknown badge", n=number))
            elif not when:
                errors.append(self.env._("line %(n)s: unreadable time", n=number))
            else:
                punches.append((employee, when))
        if errors:
            raise UserError(
                self.env._(
                    "Nothing was imported: %(errors)s.", errors="; ".join(errors[:20])
                )
            )
        return punches

    def _sessions(self, punches):
        """{(employee, date, session): [first, last] local datetime}."""
        Timetable = self.env["office.attendance.timetable"]
        sessions = defaultdict(list)
        for employee, when in punches:
            timetable = Timetable._for_date(when.date(), employee.company_id)
            hour = when.hour + when.minute / 60
            session = timetable._classify(hour)[0] if timetable else "morning"
            sessions[(employee, when.date(), session)].append(when)
        return {key: (min(times), max(times)) for key, times in sessions.items()}

    def _create_attendances(self, sessions):
        Attendance = self.env["hr.attendance"]
        tz = pytz.timezone(
            self.env["office.calendar"]._calendar().tz or "Asia/Shanghai"
        )
        vals_list = []
        for (employee, _day, _session), (first, last) in sessions.items():
            check_in, check_out = _to_utc(first, tz), _to_utc(last, tz)
            if Attendance.search_count(
                [("employee_id", "=", employee.id), ("check_in", "=", check_in)]
            ):
                continue
            vals_list.append(
                {
                    "employee_id": employee.id,
                    "check_in": check_in,
                    "check_out": check_out,
                    "office_imported": True,
                }
            )
        vals_list.sort(key=lambda v: (v["employee_id"], v["check_in"]))
        return Attendance.create(vals_list)


def _parse_time(value):
    value = (value or "").strip()
    for pattern in (
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y/%m/%d %H:%M:%S",
        "%Y/%m/%d %H:%M",
    ):
        try:
            return datetime.datetime.strptime(value, pattern)
        except ValueError:
            continue
    return None


def _to_utc(local, tz):
    return tz.localize(local).astimezone(pytz.utc).replace(tzinfo=None)
