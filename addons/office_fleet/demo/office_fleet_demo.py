from odoo import api, models


class OfficeFleetDemo(models.AbstractModel):
    """Demo data helpers, called by ``demo/office_fleet_demo.xml``: they drive
    the records through their real transitions, as the users who act, at
    the times given here (Python arguments, never a context key)."""

    _name = "office.fleet.demo"
    _inherit = ["office.demo"]
    _description = "Official Vehicles Demo Data"

    @api.model
    def _demo_trip(
        self, request_id, user_id, odometer_out, odometer_in, fuel, toll, parking
    ):
        """Drive the trip of a dispatched request as its driver, leaving and
        returning at the times of the request."""
        request = self.env["office.fleet.request"].browse(request_id)
        trip = request.trip_ids[:1].with_user(user_id)
        trip._workflow_run("depart", odometer_out=odometer_out, at=request.date_start)
        trip._workflow_run(
            "return",
            odometer_in=odometer_in,
            fuel_liters=fuel,
            toll_amount=toll,
            parking_amount=parking,
            at=request.date_end,
        )
        return trip.id

    @api.model
    def _demo_national_day(self, dispatcher_id, vehicle_id, driver_id):
        """National Day 2026: the dispatcher seals the cars the day before,
        a car is used anyway, the dispatcher unseals after the break."""
        Plan = self.env["office.fleet.sealing.plan"]
        breaks = Plan.find_breaks("2026-10-01", "2026-10-01")
        if not breaks:
            return False
        first, last = breaks[0]
        plan = (
            Plan.with_user(dispatcher_id)
            .with_context(lang="zh_CN")
            .propose(first, last)
        )
        plan._workflow_run("seal", at="2026-09-30 10:00:00")
        trip = (
            self.env["office.fleet.trip"]
            .with_user(dispatcher_id)
            .create(
                {
                    "vehicle_id": vehicle_id,
                    "driver_id": driver_id,
                    "date_out": "2026-10-03 01:00:00",
                    "reason": "国庆假期未经审批出车",
                    "destination": "桃江县桃花江竹海景区",
                }
            )
        )
        trip._workflow_run("depart", odometer_out=23100, at="2026-10-03 01:00:00")
        trip._workflow_run("return", odometer_in=23236, at="2026-10-03 10:00:00")
        plan._workflow_run("unseal", at="2026-10-08 00:30:00")
        return plan.id
