import datetime

import pytz

from odoo import api, fields, models

#: trips that took the traveller somewhere
USED_TRIP_STATES = ("out", "done")


class OfficeExpenseTravel(models.Model):
    """With the trip ledger of office_fleet: the days of a business trip on
    which the traveller's official car was out are the days by official car
    (公务出差管理制度: 出差人员乘坐公务交通工具的, 不予补助市内交通费), so no
    local transport allowance is paid for them. Counted again at the claim,
    when the trips are back."""

    _inherit = "office.expense.travel"

    fleet_car_days = fields.Integer(
        string="Days by official car (trip ledger)",
        compute="_compute_fleet_car_days",
        store=True,
        help="Days of the trip on which an official car of the traveller's car "
        "requests was out (trip ledger): no local transport allowance for them, "
        "whatever the days typed in.",
    )

    @api.depends("applicant_id", "date_start", "date_end")
    def _compute_fleet_car_days(self):
        for travel in self:
            days = set()
            for trip in travel._fleet_trips():
                days |= travel._trip_days(trip)
            travel.fleet_car_days = len(days)

    @api.depends("fleet_car_days")
    def _compute_allowances(self):
        return super()._compute_allowances()

    def _car_days(self):
        return max(super()._car_days(), self.fleet_car_days)

    def _fleet_trips(self):
        """The returned or running trips of the traveller's car requests that
        overlap the trip (the ledger may be out of the traveller's reach)."""
        self.ensure_one()
        if not (self.applicant_id and self.date_start and self.date_end):
            return self.env["office.fleet.trip"]
        tz = self._office_tz()
        start = self._utc(tz, self.date_start)
        end = self._utc(tz, self.date_end + datetime.timedelta(days=1))
        return (
            self.env["office.fleet.trip"]
            .sudo()
            .search(
                [
                    ("applicant_id", "=", self.applicant_id.id),
                    ("state", "in", USED_TRIP_STATES),
                    ("date_out", "<", end),
                    "|",
                    ("date_in", "=", False),
                    ("date_in", ">=", start),
                ]
            )
        )

    def _office_tz(self):
        calendar = self.env["office.calendar"]._calendar(self.company_id)
        return pytz.timezone(calendar.tz or "Asia/Shanghai")

    @staticmethod
    def _utc(tz, day):
        local = tz.localize(datetime.datetime.combine(day, datetime.time()))
        return local.astimezone(pytz.utc).replace(tzinfo=None)

    def _trip_days(self, trip):
        """The local dates of the trip within the travel's dates."""
        tz = self._office_tz()
        first = pytz.utc.localize(trip.date_out).astimezone(tz).date()
        last = pytz.utc.localize(trip.date_in or trip.date_out).astimezone(tz).date()
        first, last = max(first, self.date_start), min(last, self.date_end)
        return {
            first + datetime.timedelta(days=n) for n in range((last - first).days + 1)
        }

    def _check_can_claim(self):
        # the trips are back by now: count them again, and the allowances
        for name in (
            "fleet_car_days",
            "meal_allowance",
            "transport_allowance",
            "amount_total",
        ):
            self.env.add_to_compute(self._fields[name], self)
        self.flush_recordset()
        return super()._check_can_claim()
