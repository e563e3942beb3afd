from odoo import api, fields, models
from odoo.exceptions import ValidationError

OFFICE_CATEGORIES = [
    ("confidential", "Confidential communications"),
    ("emergency", "Emergency support"),
    ("enforcement", "Law enforcement and duty"),
    ("special", "Special professional and technical"),
    ("general", "General official business"),
]

OFFICE_STATES = [
    ("available", "Available"),
    ("dispatched", "Dispatched"),
    ("repair", "In repair"),
    ("sealed", "Sealed"),
]


class FleetVehicle(models.Model):
    """An official vehicle (公务用车): its category, the designated garage,
    insurer and fuel station (定点维修、保险、加油), one fuel card and one ETC
    card per car (一车一卡), its designated parking place and where it is now."""

    _inherit = "fleet.vehicle"

    office_category = fields.Selection(
        OFFICE_CATEGORIES, string="Official category", tracking=True
    )
    garage_partner_id = fields.Many2one(
        "res.partner", string="Designated garage", tracking=True
    )
    insurer_partner_id = fields.Many2one(
        "res.partner", string="Designated insurer", tracking=True
    )
    fuel_station_partner_id = fields.Many2one(
        "res.partner", string="Designated fuel station", tracking=True
    )
    fuel_card_no = fields.Char(string="Fuel card", copy=False, tracking=True)
    etc_card_no = fields.Char(string="ETC card", copy=False, tracking=True)
    parking_place = fields.Char(
        string="Parking place", help="Where the car is parked after each trip."
    )
    office_state = fields.Selection(
        OFFICE_STATES,
        string="Availability",
        default="available",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    is_rented = fields.Boolean(
        string="Rented car",
        help="A car rented when the official cars are all booked.",
    )
    rental_vendor_id = fields.Many2one("res.partner", string="Rented from")
    rental_price_km = fields.Float(string="Rent per km", digits=(16, 2))
    rental_safety_note = fields.Text(
        string="Safety and insurance",
        help="Safety level and insurance of the rented car, checked before renting.",
    )
    office_trip_ids = fields.One2many(
        "office.fleet.trip", "vehicle_id", string="Trips", readonly=True
    )
    office_trip_count = fields.Integer(compute="_compute_office_counts")
    office_fuel_count = fields.Integer(compute="_compute_office_counts")
    office_repair_count = fields.Integer(compute="_compute_office_counts")
    fuel_consumption_avg = fields.Float(
        string="Fuel per 100 km",
        compute="_compute_fuel_consumption_avg",
        digits=(16, 2),
        help="Average consumption (litres per 100 km) of the confirmed fuel logs.",
    )

    _sql_constraints = [
        (
            "fuel_card_no_uniq",
            "unique(fuel_card_no)",
            "A fuel card belongs to one car only.",
        ),
        (
            "etc_card_no_uniq",
            "unique(etc_card_no)",
            "An ETC card belongs to one car only.",
        ),
    ]

    # ------------------------------------------------------------------
    # Computes and constraints
    # ------------------------------------------------------------------

    def _compute_office_counts(self):
        counts = {}
        for model, key in (
            ("office.fleet.trip", "trip"),
            ("office.fleet.fuel.log", "fuel"),
            ("office.fleet.repair", "repair"),
        ):
            groups = (
                self.env[model]
                .sudo()
                ._read_group(
                    [("vehicle_id", "in", self.ids)], ["vehicle_id"], ["__count"]
                )
            )
            counts[key] = {vehicle.id: count for vehicle, count in groups}
        for vehicle in self:
            vehicle.office_trip_count = counts["trip"].get(vehicle.id, 0)
            vehicle.office_fuel_count = counts["fuel"].get(vehicle.id, 0)
            vehicle.office_repair_count = counts["repair"].get(vehicle.id, 0)

    def _compute_fuel_consumption_avg(self):
        groups = (
            self.env["office.fleet.fuel.log"]
            .sudo()
            ._read_group(
                [
                    ("vehicle_id", "in", self.ids),
                    ("state", "=", "confirmed"),
                    ("distance", ">", 0),
                ],
                ["vehicle_id"],
                ["liters:sum", "distance:sum"],
            )
        )
        averages = {
            vehicle.id: (liters / distance * 100 if distance else 0.0)
            for vehicle, liters, distance in groups
        }
        for vehicle in self:
            vehicle.fuel_consumption_avg = averages.get(vehicle.id, 0.0)

    def _check_cards_unique(self, vals_list):
        """One card per car, checked before writing so that the message is
        clear (the unique indexes stay as the last guard)."""
        for field_name, label in (
            ("fuel_card_no", self.env._("fuel card")),
            ("etc_card_no", self.env._("ETC card")),
        ):
            numbers = [vals[field_name] for vals in vals_list if vals.get(field_name)]
            if not numbers:
                continue
            if len(numbers) != len(set(numbers)) or (len(self) > 1 and len(numbers)):
                raise ValidationError(
                    self.env._(
                        "The %(card)s %(number)s cannot be on several cars: "
                        "one card per car.",
                        card=label,
                        number=numbers[0],
                    )
                )
            clash = (
                self.sudo()
                .with_context(active_test=False)
                .search(
                    [(field_name, "in", numbers), ("id", "not in", self.ids)], limit=1
                )
            )
            if clash:
                raise ValidationError(
                    self.env._(
                        "The %(card)s %(number)s is already on %(car)s: "
                        "one card per car.",
                        card=label,
                        number=clash[field_name],
                        car=clash.license_plate or clash.display_name,
                    )
                )

    @api.constrains("is_rented", "rental_vendor_id")
    def _check_rental(self):
        for vehicle in self:
            if vehicle.is_rented and not vehicle.rental_vendor_id:
                raise ValidationError(
                    self.env._(
                        "Name the vendor of the rented car %(car)s.",
                        car=vehicle.display_name,
                    )
                )

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._normalize_cards(vals)
        self._check_cards_unique(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        self._normalize_cards(vals)
        self._check_cards_unique([vals])
        return super().write(vals)

    @api.model
    def _normalize_cards(self, vals):
        for field_name in ("fuel_card_no", "etc_card_no"):
            if field_name in vals:
                vals[field_name] = (vals[field_name] or "").strip() or False

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def _office_action(self, xmlid):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action["domain"] = [("vehicle_id", "=", self.id)]
        action["context"] = {"default_vehicle_id": self.id}
        return action

    def action_view_office_trips(self):
        return self._office_action("office_fleet.office_fleet_trip_action")

    def action_view_office_fuel_logs(self):
        return self._office_action("office_fleet.office_fleet_fuel_log_action")

    def action_view_office_repairs(self):
        return self._office_action("office_fleet.office_fleet_repair_action")
