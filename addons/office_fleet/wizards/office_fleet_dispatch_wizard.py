from odoo import api, fields, models


class OfficeFleetDispatchWizard(models.TransientModel):
    """The dispatcher's form: the free official cars and drivers of the
    period are offered; when no official car is free, a rented car."""

    _name = "office.fleet.dispatch.wizard"
    _description = "Dispatch a Car"

    request_id = fields.Many2one("office.fleet.request", required=True, readonly=True)
    date_start = fields.Datetime(related="request_id.date_start")
    date_end = fields.Datetime(related="request_id.date_end")
    free_vehicle_ids = fields.Many2many(
        "fleet.vehicle", compute="_compute_free", string="Free official cars"
    )
    free_rented_ids = fields.Many2many(
        "fleet.vehicle",
        "office_fleet_dispatch_wizard_rented_rel",
        compute="_compute_free",
        string="Rented cars",
    )
    free_driver_ids = fields.Many2many(
        "hr.employee", compute="_compute_free", string="Free drivers"
    )
    no_official_car = fields.Boolean(compute="_compute_free")
    use_rental = fields.Boolean(string="Rent a car")
    allowed_vehicle_ids = fields.Many2many(
        "fleet.vehicle",
        "office_fleet_dispatch_wizard_allowed_rel",
        compute="_compute_allowed_vehicle_ids",
    )
    vehicle_id = fields.Many2one("fleet.vehicle", string="Car")
    driver_id = fields.Many2one("hr.employee")

    @api.depends("request_id")
    def _compute_free(self):
        for wizard in self:
            request = wizard.request_id
            wizard.free_vehicle_ids = request.get_free_vehicles()
            wizard.free_rented_ids = request.get_free_vehicles(rented=True)
            wizard.free_driver_ids = request.get_free_drivers()
            wizard.no_official_car = not wizard.free_vehicle_ids

    @api.depends("free_vehicle_ids", "free_rented_ids", "use_rental")
    def _compute_allowed_vehicle_ids(self):
        for wizard in self:
            wizard.allowed_vehicle_ids = (
                wizard.free_rented_ids if wizard.use_rental else wizard.free_vehicle_ids
            )

    @api.onchange("request_id", "use_rental")
    def _onchange_suggest(self):
        cars = self.free_rented_ids if self.use_rental else self.free_vehicle_ids
        if self.vehicle_id not in cars:
            self.vehicle_id = cars[:1]
        if not self.driver_id:
            self.driver_id = self.free_driver_ids[:1]

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        request = self.env["office.fleet.request"].browse(values.get("request_id"))
        if request:
            cars = request.get_free_vehicles()
            drivers = request.get_free_drivers()
            values.setdefault("use_rental", not cars)
            values.setdefault(
                "vehicle_id",
                (cars or request.get_free_vehicles(rented=True) or [False])[0],
            )
            values.setdefault("driver_id", (drivers or [False])[0])
        return values

    def action_confirm(self):
        self.ensure_one()
        self.request_id.dispatch(self.vehicle_id.id, self.driver_id.id)
        return {"type": "ir.actions.act_window_close"}
