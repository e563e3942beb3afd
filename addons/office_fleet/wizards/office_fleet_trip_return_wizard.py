from odoo import fields, models


class OfficeFleetTripReturnWizard(models.TransientModel):
    _name = "office.fleet.trip.return.wizard"
    _description = "Register a Car's Return"

    trip_id = fields.Many2one("office.fleet.trip", required=True, readonly=True)
    odometer_out = fields.Float(related="trip_id.odometer_out")
    odometer_in = fields.Float(string="Odometer in", required=True)
    fuel_liters = fields.Float(string="Fuel (litres)")
    toll_amount = fields.Float(string="Tolls")
    parking_amount = fields.Float(string="Parking")

    def action_confirm(self):
        self.ensure_one()
        self.trip_id.register_return(
            self.odometer_in, self.fuel_liters, self.toll_amount, self.parking_amount
        )
        return {"type": "ir.actions.act_window_close"}
