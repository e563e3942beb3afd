import calendar
import datetime

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError


class OfficeFleetPublicationWizard(models.TransientModel):
    """The monthly publication (公示) of the trip ledger per car: time, matter,
    destination, distance, fuel and costs, as PDF or xlsx."""

    _name = "office.fleet.publication.wizard"
    _description = "Trip Ledger Publication"

    year = fields.Integer(required=True, default=lambda self: fields.Date.today().year)
    month = fields.Selection(
        [(str(m), str(m)) for m in range(1, 13)],
        required=True,
        default=lambda self: str(fields.Date.today().month),
    )
    vehicle_ids = fields.Many2many(
        "fleet.vehicle", string="Cars", help="Leave empty for every official car."
    )

    def _period(self):
        self.ensure_one()
        month = int(self.month)
        first = datetime.date(self.year, month, 1)
        last = datetime.date(self.year, month, calendar.monthrange(self.year, month)[1])
        return first, last

    @api.model
    def _publication_data(self, year, month, vehicle_ids=None):
        """[{vehicle, trips, distance, fuel, costs}] of a month (for the
        reports and XML-RPC)."""
        first = datetime.date(year, month, 1)
        last = datetime.date(year, month, calendar.monthrange(year, month)[1])
        tz = pytz.timezone(self.env.user.tz or "Asia/Shanghai")
        start = (
            tz.localize(datetime.datetime.combine(first, datetime.time()))
            .astimezone(pytz.utc)
            .replace(tzinfo=None)
        )
        end = (
            tz.localize(datetime.datetime.combine(last, datetime.time.max))
            .astimezone(pytz.utc)
            .replace(tzinfo=None)
        )
        domain = [
            ("state", "=", "done"),
            ("date_out", ">=", start),
            ("date_out", "<=", end),
        ]
        if vehicle_ids:
            domain.append(("vehicle_id", "in", vehicle_ids))
        trips = self.env["office.fleet.trip"].search(
            domain, order="vehicle_id, date_out"
        )
        costs = self.env["office.fleet.cost"].search(
            [("date", ">=", first), ("date", "<=", last)]
            + ([("vehicle_id", "in", vehicle_ids)] if vehicle_ids else [])
        )
        result = []
        for vehicle in trips.vehicle_id | costs.vehicle_id:
            car_trips = trips.filtered(lambda t, v=vehicle: t.vehicle_id == v)
            car_costs = costs.filtered(lambda c, v=vehicle: c.vehicle_id == v)
            distance = sum(car_trips.mapped("distance"))
            total = sum(car_costs.mapped("amount"))
            result.append(
                {
                    "vehicle": vehicle,
                    "trips": car_trips,
                    "distance": distance,
                    "fuel": sum(car_trips.mapped("fuel_liters")),
                    "costs": total,
                    "cost_per_km": total / distance if distance else 0.0,
                }
            )
        return result

    def _check_data(self):
        first, _last = self._period()
        if not self._publication_data(first.year, first.month, self.vehicle_ids.ids):
            raise UserError(self.env._("No trip or cost in this month."))

    def action_print_pdf(self):
        self._check_data()
        return self.env.ref(
            "office_fleet.action_report_office_fleet_publication"
        ).report_action(self)

    def action_print_xlsx(self):
        self._check_data()
        return self.env.ref(
            "office_fleet.action_report_office_fleet_publication_xlsx"
        ).report_action(self)
