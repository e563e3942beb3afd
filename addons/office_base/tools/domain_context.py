import datetime

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tools.safe_eval import datetime as safe_datetime


def working_day_context(env):
    """Names a configurable domain may use, in China's working days
    (office.calendar): ``today``, ``now``, ``datetime``, ``timedelta``,
    ``relativedelta``, ``working_days_ago(n)``, ``working_days_ahead(n)``,
    ``is_working_day(d)``, ``working_days_between(a, b)`` and ``uid``."""
    calendar = env["office.calendar"]
    today = calendar.today()
    return {
        "today": today,
        "now": fields.Datetime.now(),
        "datetime": safe_datetime,
        "timedelta": datetime.timedelta,
        "relativedelta": relativedelta,
        "working_days_ago": lambda n: calendar.add_working_days(today, -int(n)),
        "working_days_ahead": lambda n: calendar.add_working_days(today, int(n)),
        "is_working_day": calendar.is_working_day,
        "working_days_between": calendar.working_days_between,
        "uid": env.uid,
    }
