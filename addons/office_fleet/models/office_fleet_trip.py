from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

TRIP_STATES = [
    ("planned", "Planned"),
    ("out", "Out"),
    ("done", "Returned"),
    ("cancel", "Cancelled"),
]


class OfficeFleetTrip(models.Model):
    """One line of the trip ledger (公车使用登记台账): car, driver, request,
    times, matter, destination, odometer out and in (recorded in Odoo fleet's
    odometer; never backwards), distance, fuel, tolls and parking.

    A trip on a sealed car, or during a sealing of its car, is flagged
    (``sealed_violation``); office_risk raises a risk event from it.

    Rights: drivers record their own trips; the applicant reads the trips of
    the request; the dispatchers and the office director see all."""

    _name = "office.fleet.trip"
    _description = "Official Car Trip"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_out desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    request_id = fields.Many2one(
        "office.fleet.request",
        index=True,
        check_company=True,
        readonly=True,
    )
    applicant_id = fields.Many2one(related="request_id.applicant_id", store=True)
    vehicle_id = fields.Many2one(
        "fleet.vehicle",
        string="Car",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
    )
    driver_id = fields.Many2one("hr.employee", index=True, tracking=True)
    driver_user_id = fields.Many2one(
        "res.users", related="driver_id.user_id", store=True, string="Driver user"
    )
    date_out = fields.Datetime(
        string="Out at", required=True, default=fields.Datetime.now
    )
    date_in = fields.Datetime(string="Back at", copy=False)
    reason = fields.Char(string="Matter", required=True)
    destination = fields.Char(required=True)
    odometer_out = fields.Float(string="Odometer out", copy=False, tracking=True)
    odometer_in = fields.Float(string="Odometer in", copy=False, tracking=True)
    distance = fields.Float(compute="_compute_distance", store=True, aggregator="sum")
    fuel_liters = fields.Float(string="Fuel (litres)", aggregator="sum")
    toll_amount = fields.Monetary(string="Tolls", aggregator="sum")
    parking_amount = fields.Monetary(string="Parking", aggregator="sum")
    currency_id = fields.Many2one(related="company_id.currency_id")
    parked_at = fields.Char(string="Parked at", copy=False, readonly=True)
    note = fields.Text()
    state = fields.Selection(
        TRIP_STATES,
        default="planned",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    sealed_violation = fields.Boolean(
        string="Used while sealed",
        copy=False,
        readonly=True,
        index=True,
        tracking=True,
        help="Recorded on a sealed car, or the odometer moved while the car was "
        "sealed.",
    )
    unapproved = fields.Boolean(
        string="Without approved request",
        compute="_compute_unapproved",
        store=True,
        help="A trip not arising from an approved car request.",
    )
    odometer_ids = fields.Many2many(
        "fleet.vehicle.odometer", string="Odometer entries", readonly=True, copy=False
    )
    cost_ids = fields.One2many("office.fleet.cost", "trip_id", readonly=True)
    accident_ids = fields.One2many("office.fleet.accident", "trip_id", readonly=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    # ------------------------------------------------------------------
    # Computes and constraints
    # ------------------------------------------------------------------

    @api.depends("odometer_out", "odometer_in", "state")
    def _compute_distance(self):
        for trip in self:
            trip.distance = (
                max(trip.odometer_in - trip.odometer_out, 0.0)
                if trip.odometer_in
                else 0.0
            )

    @api.depends("request_id.state")
    def _compute_unapproved(self):
        for trip in self:
            trip.unapproved = trip.request_id.state not in ("dispatched", "done")

    @api.constrains("odometer_out", "odometer_in")
    def _check_odometer(self):
        for trip in self:
            if trip.odometer_out < 0 or trip.odometer_in < 0:
                raise ValidationError(
                    self.env._("An odometer reading cannot be negative.")
                )
            if trip.odometer_in and trip.odometer_in < trip.odometer_out:
                raise ValidationError(
                    self.env._(
                        "The odometer cannot go backwards: %(car)s left at %(out)s km "
                        "and cannot return at %(back)s km.",
                        car=trip.vehicle_id.license_plate,
                        out=trip.odometer_out,
                        back=trip.odometer_in,
                    )
                )

    @api.constrains("date_out", "date_in")
    def _check_dates(self):
        for trip in self:
            if trip.date_in and trip.date_in < trip.date_out:
                raise ValidationError(self.env._("The car comes back after it leaves."))

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code("office.fleet.trip") or "/"
                )
        trips = super().create(vals_list)
        trips._update_sealed_violation()
        return trips

    def write(self, vals):
        if not self.env.su:
            if "state" in vals or "sealed_violation" in vals:
                raise UserError(
                    self.env._(
                        "The trip state changes only through the action buttons."
                    )
                )
            dispatcher = self.env.user.has_group("office_fleet.group_fleet_dispatcher")
            if (
                not dispatcher
                and {"vehicle_id", "driver_id", "request_id"} & set(vals)
                and any(t.request_id for t in self)
            ):
                raise UserError(
                    self.env._("The car and the driver of a dispatched trip are fixed.")
                )
            locked = {
                "vehicle_id",
                "odometer_out",
                "odometer_in",
                "date_out",
                "date_in",
            }
            if locked & set(vals) and any(t.state == "done" for t in self):
                raise UserError(
                    self.env._(
                        "A returned trip is part of the ledger: it is not changed."
                    )
                )
        res = super().write(vals)
        if {"vehicle_id", "date_out", "date_in"} & set(vals):
            self._update_sealed_violation()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_recorded(self):
        if any(trip.state in ("out", "done") for trip in self):
            raise UserError(self.env._("A trip in the ledger cannot be deleted."))

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------

    def _update_sealed_violation(self):
        """Flag the trips recorded on a sealed car, or overlapping a sealing
        period of their car (set-based, for the cron and the sealing plans)."""
        if not self:
            return
        now = fields.Datetime.now()
        lines = (
            self.env["office.fleet.sealing.line"]
            .sudo()
            .search(
                [
                    ("vehicle_id", "in", self.vehicle_id.ids),
                    ("sealed_at", "!=", False),
                ]
            )
        )
        flagged = self.browse()
        for trip in self.sudo():
            if trip.state == "cancel":
                continue
            if trip.vehicle_id.office_state == "sealed" and trip.state != "planned":
                flagged |= trip
                continue
            end = trip.date_in or trip.date_out
            for line in lines.filtered(
                lambda ln, t=trip: ln.vehicle_id == t.vehicle_id
            ):
                if (
                    line.sealed_at < end
                    and (line.unsealed_at or now) > trip.date_out
                    and (trip.state != "planned")
                ):
                    flagged |= trip
                    break
        new = flagged.filtered(lambda t: not t.sealed_violation)
        if new:
            new.sudo().write({"sealed_violation": True})
            for trip in new.sudo():
                trip.message_post(
                    body=self.env._(
                        "Flagged: the car %(car)s was sealed when this trip was "
                        "recorded.",
                        car=trip.vehicle_id.license_plate,
                    ),
                    subtype_xmlid="mail.mt_note",
                )

    def _check_is_driver_or_dispatcher(self):
        dispatcher = self.env.su or self.env.user.has_group(
            "office_fleet.group_fleet_dispatcher"
        )
        for trip in self:
            if not dispatcher and trip.sudo().driver_id.user_id != self.env.user:
                raise AccessError(
                    self.env._("Only the driver or the dispatcher records this trip.")
                )

    def _last_odometer(self, vehicle):
        self.env["fleet.vehicle.odometer"].flush_model()
        self.env.cr.execute(
            "SELECT COALESCE(MAX(value), 0) FROM fleet_vehicle_odometer "
            "WHERE vehicle_id = %s",
            [vehicle.id],
        )
        return self.env.cr.fetchone()[0]

    def _add_odometer(self, value, day):
        self.ensure_one()
        last = self._last_odometer(self.vehicle_id)
        if value < last:
            raise ValidationError(
                self.env._(
                    "The odometer cannot go backwards: %(car)s already shows "
                    "%(last)s km, %(value)s km is refused.",
                    car=self.vehicle_id.license_plate or self.vehicle_id.display_name,
                    last=last,
                    value=value,
                )
            )
        if value == last and last:
            return
        entry = (
            self.env["fleet.vehicle.odometer"]
            .sudo()
            .create({"vehicle_id": self.vehicle_id.id, "value": value, "date": day})
        )
        self.sudo().odometer_ids = [fields.Command.link(entry.id)]

    def action_depart(self):
        """Open the trip to record the odometer out (form button)."""
        for trip in self:
            trip.depart(trip.odometer_out)
        return True

    def depart(self, odometer_out):
        """The car leaves with `odometer_out` km; usable over XML-RPC."""
        self.ensure_one()
        self._check_is_driver_or_dispatcher()
        if self.state != "planned":
            raise UserError(self.env._("Only a planned trip departs."))
        now = fields.Datetime.now()
        trip = self.sudo()
        trip._add_odometer(float(odometer_out), fields.Date.context_today(self))
        trip.write({"state": "out", "odometer_out": odometer_out, "date_out": now})
        if trip.vehicle_id.office_state == "available":
            trip.vehicle_id.office_state = "dispatched"
        trip._update_sealed_violation()
        return True

    def action_return(self):
        self.ensure_one()
        self._check_is_driver_or_dispatcher()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Return"),
            "res_model": "office.fleet.trip.return.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_trip_id": self.id},
        }

    def register_return(
        self, odometer_in, fuel_liters=0.0, toll_amount=0.0, parking_amount=0.0
    ):
        """The car is back with `odometer_in` km; records the costs, parks the
        car at its place and closes the request; usable over XML-RPC."""
        self.ensure_one()
        self._check_is_driver_or_dispatcher()
        if self.state != "out":
            raise UserError(self.env._("Only a trip that is out can return."))
        if min(fuel_liters or 0, toll_amount or 0, parking_amount or 0) < 0:
            raise ValidationError(
                self.env._("Fuel, tolls and parking cannot be negative.")
            )
        odometer_in = float(odometer_in)
        if odometer_in < self.odometer_out:
            raise ValidationError(
                self.env._(
                    "The odometer cannot go backwards: %(car)s left at %(out)s km "
                    "and cannot return at %(back)s km.",
                    car=self.vehicle_id.license_plate,
                    out=self.odometer_out,
                    back=odometer_in,
                )
            )
        trip = self.sudo()
        trip._add_odometer(odometer_in, fields.Date.context_today(self))
        trip.write(
            {
                "state": "done",
                "odometer_in": odometer_in,
                "date_in": fields.Datetime.now(),
                "fuel_liters": fuel_liters or 0.0,
                "toll_amount": toll_amount or 0.0,
                "parking_amount": parking_amount or 0.0,
                "parked_at": trip.vehicle_id.parking_place,
            }
        )
        if trip.vehicle_id.office_state == "dispatched":
            trip.vehicle_id.office_state = "available"
        if trip.request_id.state == "dispatched":
            trip.request_id._write_state({"state": "done"})
        trip._create_costs()
        trip._update_sealed_violation()
        return True

    def _create_costs(self):
        Cost = self.env["office.fleet.cost"].sudo()
        vals_list = []
        for trip in self:
            day = fields.Date.context_today(self, trip.date_in or trip.date_out)
            for cost_type, amount, label in (
                ("toll", trip.toll_amount, self.env._("Tolls")),
                ("parking", trip.parking_amount, self.env._("Parking")),
            ):
                if amount:
                    vals_list.append(
                        {
                            "vehicle_id": trip.vehicle_id.id,
                            "trip_id": trip.id,
                            "cost_type": cost_type,
                            "amount": amount,
                            "date": day,
                            "name": f"{label} {trip.name}",
                        }
                    )
            if (
                trip.vehicle_id.is_rented
                and trip.vehicle_id.rental_price_km
                and trip.distance
            ):
                vals_list.append(
                    {
                        "vehicle_id": trip.vehicle_id.id,
                        "trip_id": trip.id,
                        "cost_type": "rental",
                        "amount": trip.distance * trip.vehicle_id.rental_price_km,
                        "partner_id": trip.vehicle_id.rental_vendor_id.id,
                        "date": day,
                        "name": self.env._("Rent %(trip)s", trip=trip.name),
                    }
                )
        return Cost.create(vals_list)

    @api.model
    def _demo_trip(
        self, request_id, user_id, odometer_out, odometer_in, fuel, toll, parking
    ):
        """Drive the trip of a dispatched request as its driver (demo data)."""
        request = self.env["office.fleet.request"].browse(request_id)
        trip = request.trip_ids[:1].with_user(user_id)
        trip.depart(odometer_out)
        trip.register_return(odometer_in, fuel, toll, parking)
        trip.sudo().write({"date_out": request.date_start, "date_in": request.date_end})
        return trip.id

    def action_cancel(self):
        self._check_is_driver_or_dispatcher()
        if any(trip.state != "planned" for trip in self):
            raise UserError(self.env._("Only a planned trip can be cancelled."))
        self.sudo().write({"state": "cancel"})
        return True
