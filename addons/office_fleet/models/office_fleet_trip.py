from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from odoo.addons.office_base.tools import granted, is_granted

_lt = LazyTranslate(__name__)

DISPATCHER = "office_fleet.group_fleet_dispatcher"
#: the flag "used while sealed" is set by the sealing checks only
SEALED_FLAG = "office_fleet_sealed_violation"

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

    Rights (transitions of ``office.workflow.mixin``, checked for the acting
    user, superuser or not): the driver of the trip or a dispatcher records
    the departure and the return, and cancels a planned trip (a planned trip
    is also cancelled with its request); a dispatcher records the distance
    of a car whose odometer moved while it was sealed. The applicant reads
    the trips of the request; the dispatchers and the office director see
    all. A returned trip is part of the ledger: it is not changed."""

    _name = "office.fleet.trip"
    _description = "Official Car Trip"
    _inherit = ["office.workflow.mixin"]
    _order = "date_out desc, id desc"
    _check_company_auto = True
    _workflow_state_field = "state"
    _workflow_sequence_code = "office.fleet.trip"
    _workflow_transitions = {
        "depart": {"from": ("planned",), "to": "out", "label": _lt("departed")},
        "return": {"from": ("out",), "to": "done", "label": _lt("returned")},
        "cancel": {"from": ("planned",), "to": "cancel", "label": _lt("cancelled")},
        "record_gap": {
            "from": ("planned",),
            "to": "done",
            "groups": (DISPATCHER,),
            "label": _lt("recorded as a distance driven while sealed"),
        },
    }
    _workflow_editable_states = ("planned", "out")
    _workflow_locked_fields = (
        "vehicle_id",
        "odometer_out",
        "odometer_in",
        "date_out",
        "date_in",
    )
    _workflow_deletable_states = ("planned", "cancel")

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
            if vals.get("sealed_violation"):
                raise UserError(
                    self.env._("Only the sealing checks flag a trip used while sealed.")
                )
        trips = super().create(vals_list)
        trips._update_sealed_violation()
        return trips

    def write(self, vals):
        res = super().write(vals)
        if {"vehicle_id", "date_out", "date_in"} & set(vals):
            self._update_sealed_violation()
        return res

    def _workflow_check_write(self, vals):
        res = super()._workflow_check_write(vals)
        if "sealed_violation" in vals and not is_granted(SEALED_FLAG, self):
            raise UserError(
                self.env._("Only the sealing checks flag a trip used while sealed.")
            )
        if (
            {"vehicle_id", "driver_id", "request_id"} & set(vals)
            and any(t.request_id for t in self)
            and not self.env.user.has_group(DISPATCHER)
        ):
            raise UserError(
                self.env._("The car and the driver of a dispatched trip are fixed.")
            )

        # ------------------------------------------------------------------
        # Business
        # ------------------------------------------------------------------
        return res

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
            with granted(SEALED_FLAG, new):
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
        if self.env.user.has_group(DISPATCHER):
            return
        for trip in self:
            if trip.sudo().driver_id.user_id != self.env.user:
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

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_depart(self):
        """The car leaves with the odometer shown on the form."""
        for trip in self:
            trip.depart(trip.odometer_out)
        return True

    def depart(self, odometer_out):
        """The car leaves with `odometer_out` km; usable over XML-RPC."""
        self.ensure_one()
        return self._workflow_run("depart", odometer_out=odometer_out)

    def action_return(self):
        """Open the return form (which runs the transition ``return``)."""
        self.ensure_one()
        self._workflow_check_from("return", self._workflow_spec("return"))
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
        return self._workflow_run(
            "return",
            odometer_in=odometer_in,
            fuel_liters=fuel_liters,
            toll_amount=toll_amount,
            parking_amount=parking_amount,
        )

    def action_cancel(self):
        return self._workflow_run("cancel")

    # ------------------------------------------------------------------
    # Transitions: checks and steps
    # ------------------------------------------------------------------

    def _check_can_depart(self, odometer_out=0.0, at=None):
        self._check_is_driver_or_dispatcher()

    def _do_depart(self, odometer_out=0.0, at=None):
        """`at`: the time of departure, now unless given by Python code (the
        demo data); no caller over RPC reaches it."""
        self.ensure_one()
        at = fields.Datetime.to_datetime(at) or fields.Datetime.now()
        self._add_odometer(float(odometer_out), fields.Date.context_today(self, at))
        self._workflow_set_state(
            "depart", {"odometer_out": float(odometer_out), "date_out": at}
        )
        vehicle = self.sudo().vehicle_id
        if vehicle.office_state == "available":
            vehicle.office_state = "dispatched"
        self._update_sealed_violation()

    def _check_can_return(
        self,
        odometer_in=0.0,
        fuel_liters=0.0,
        toll_amount=0.0,
        parking_amount=0.0,
        at=None,
    ):
        self._check_is_driver_or_dispatcher()
        if min(fuel_liters or 0, toll_amount or 0, parking_amount or 0) < 0:
            raise ValidationError(
                self.env._("Fuel, tolls and parking cannot be negative.")
            )
        for trip in self:
            if float(odometer_in) < trip.odometer_out:
                raise ValidationError(
                    self.env._(
                        "The odometer cannot go backwards: %(car)s left at %(out)s km "
                        "and cannot return at %(back)s km.",
                        car=trip.vehicle_id.license_plate,
                        out=trip.odometer_out,
                        back=odometer_in,
                    )
                )

    def _do_return(
        self,
        odometer_in=0.0,
        fuel_liters=0.0,
        toll_amount=0.0,
        parking_amount=0.0,
        at=None,
    ):
        """`at`: the time of return, now unless given by Python code (the
        demo data); no caller over RPC reaches it."""
        self.ensure_one()
        at = fields.Datetime.to_datetime(at) or fields.Datetime.now()
        odometer_in = float(odometer_in)
        self._add_odometer(odometer_in, fields.Date.context_today(self, at))
        vehicle = self.sudo().vehicle_id
        self._workflow_set_state(
            "return",
            {
                "odometer_in": odometer_in,
                "date_in": at,
                "fuel_liters": fuel_liters or 0.0,
                "toll_amount": toll_amount or 0.0,
                "parking_amount": parking_amount or 0.0,
                "parked_at": vehicle.parking_place,
            },
        )
        if vehicle.office_state == "dispatched":
            vehicle.office_state = "available"
        request = self.sudo().request_id
        if request.state == "dispatched":
            request.with_env(self.env)._workflow_run("done")
        self.sudo()._create_costs()
        self._update_sealed_violation()

    def _check_can_cancel(self):
        if self.env.user.has_group(DISPATCHER):
            return
        for trip in self:
            if trip.sudo().request_id.state != "cancel":
                trip._check_is_driver_or_dispatcher()

    def _check_can_record_gap(self, line=None):
        if line is None or self.request_id or not line.odometer_moved:
            raise UserError(
                self.env._(
                    "Only the distance a sealed car moved without a recorded trip "
                    "is recorded this way."
                )
            )

    def _do_record_gap(self, line=None):
        self._workflow_set_state(
            "record_gap",
            {
                "date_in": line.unsealed_at,
                "odometer_out": line.odometer_sealed,
                "odometer_in": line.odometer_unsealed,
            },
        )
        with granted(SEALED_FLAG, self):
            self.sudo().write({"sealed_violation": True})

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
