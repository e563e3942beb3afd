from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)

DISPATCHER = "office_fleet.group_fleet_dispatcher"


class OfficeFleetFuelLog(models.Model):
    """A refuelling with the car's own fuel card (一车一卡, no cash). On
    confirmation the consumption per 100 km since the previous refuelling is
    computed; a log over the car's rolling average of the previous logs
    times the company's ratio (``office_fleet_fuel_rolling_logs`` logs,
    ``office_fleet_fuel_anomaly_ratio``: 5 and 1.3 by default) is flagged
    for review (``anomaly``).

    Rights (transitions of ``office.workflow.mixin``): whoever may write the
    log confirms it; a dispatcher marks an anomaly reviewed. A confirmed log
    is not changed (but for its review note) nor deleted."""

    _name = "office.fleet.fuel.log"
    _description = "Official Car Fuel Log"
    _inherit = ["office.workflow.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True
    _workflow_transitions = {
        "confirm": {"from": ("draft",), "to": "confirmed", "label": _lt("confirmed")},
        "mark_reviewed": {
            "from": ("confirmed",),
            "to": "confirmed",
            "groups": (DISPATCHER,),
            "label": _lt("marked reviewed"),
        },
    }
    _workflow_deletable_states = ("draft",)
    #: set by the confirmation only
    _computed_on_confirmation = (
        "anomaly",
        "anomaly_reviewed",
        "consumption",
        "rolling_average",
        "distance",
        "cost_id",
    )

    vehicle_id = fields.Many2one(
        "fleet.vehicle", string="Car", required=True, index=True, check_company=True
    )
    driver_id = fields.Many2one("hr.employee")
    driver_user_id = fields.Many2one(related="driver_id.user_id", store=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    card_no = fields.Char(string="Fuel card", required=True)
    station_partner_id = fields.Many2one("res.partner", string="Fuel station")
    liters = fields.Float(string="Litres", required=True, aggregator="sum")
    amount = fields.Monetary(required=True, aggregator="sum")
    currency_id = fields.Many2one(related="company_id.currency_id")
    odometer = fields.Float(required=True)
    distance = fields.Float(
        string="Distance since last refuelling",
        readonly=True,
        copy=False,
        aggregator="sum",
    )
    consumption = fields.Float(
        string="Litres per 100 km",
        readonly=True,
        copy=False,
        digits=(16, 2),
        aggregator="avg",
    )
    rolling_average = fields.Float(
        string="Rolling average",
        readonly=True,
        copy=False,
        digits=(16, 2),
        aggregator=None,
    )
    anomaly = fields.Boolean(
        string="Over the average",
        readonly=True,
        copy=False,
        index=True,
        help="Over the car's rolling average times the company's anomaly ratio: to "
        "be reviewed.",
    )
    anomaly_reviewed = fields.Boolean(string="Reviewed", readonly=True, copy=False)
    review_note = fields.Text()
    state = fields.Selection(
        [("draft", "Draft"), ("confirmed", "Confirmed")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    cost_id = fields.Many2one("office.fleet.cost", readonly=True, copy=False)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    @api.onchange("vehicle_id")
    def _onchange_vehicle_id(self):
        if self.vehicle_id:
            self.card_no = self.vehicle_id.fuel_card_no
            self.station_partner_id = self.vehicle_id.fuel_station_partner_id

    @api.depends("vehicle_id", "date", "liters")
    def _compute_display_name(self):
        for log in self:
            log.display_name = (
                f"{log.vehicle_id.license_plate or ''} {log.date or ''} {log.liters:g}L"
            )

    @api.constrains("liters", "amount", "odometer")
    def _check_amounts(self):
        for log in self:
            if log.liters <= 0 or log.amount < 0 or log.odometer < 0:
                raise ValidationError(
                    self.env._(
                        "Fuel logs need a positive quantity, amount and odometer."
                    )
                )

    @api.constrains("card_no", "vehicle_id")
    def _check_card(self):
        for log in self:
            card = (log.vehicle_id.fuel_card_no or "").strip()
            if (log.card_no or "").strip() != card:
                raise ValidationError(
                    self.env._(
                        "One card per car: the fuel card %(card)s is not the card of "
                        "%(car)s (%(expected)s).",
                        card=log.card_no,
                        car=log.vehicle_id.license_plate or log.vehicle_id.display_name,
                        expected=card or self.env._("none"),
                    )
                )

    def _workflow_check_write(self, vals):
        res = super()._workflow_check_write(vals)
        if set(self._computed_on_confirmation) & set(vals):
            raise UserError(self.env._("These values are computed on confirmation."))
        if any(log.state == "confirmed" for log in self) and set(vals) - {
            "review_note"
        }:
            raise UserError(self.env._("A confirmed fuel log is not changed."))
        return res

    def action_confirm(self):
        return self._workflow_run("confirm")

    def action_mark_reviewed(self):
        return self._workflow_run("mark_reviewed")

    def _do_confirm(self):
        for log in self.sorted(lambda lg: (lg.date, lg.odometer, lg.id)):
            log._confirm_one()

    def _confirm_one(self):
        self.ensure_one()
        rolling_logs = self.company_id.office_fleet_fuel_rolling_logs
        ratio = self.company_id.office_fleet_fuel_anomaly_ratio
        previous = self.search(
            [
                ("vehicle_id", "=", self.vehicle_id.id),
                ("state", "=", "confirmed"),
                ("id", "!=", self.id),
            ],
            order="odometer desc, id desc",
            limit=rolling_logs + 1,
        )
        last = previous[:1]
        if last and self.odometer <= last.odometer:
            raise ValidationError(
                self.env._(
                    "The odometer cannot go backwards: the last refuelling of %(car)s "
                    "was at %(last)s km.",
                    car=self.vehicle_id.license_plate,
                    last=last.odometer,
                )
            )
        distance = self.odometer - last.odometer if last else 0.0
        consumption = self.liters / distance * 100 if distance else 0.0
        history = previous.filtered(lambda lg: lg.consumption > 0)[:rolling_logs]
        average = sum(history.mapped("consumption")) / len(history) if history else 0.0
        anomaly = bool(average and consumption > average * ratio)
        cost = (
            self.env["office.fleet.cost"]
            .sudo()
            .create(
                {
                    "vehicle_id": self.vehicle_id.id,
                    "cost_type": "fuel",
                    "amount": self.amount,
                    "date": self.date,
                    "partner_id": self.station_partner_id.id,
                    "name": self.env._("Fuel %(liters)s L", liters=self.liters),
                }
            )
        )
        self._workflow_set_state(
            "confirm",
            {
                "distance": distance,
                "consumption": consumption,
                "rolling_average": average,
                "anomaly": anomaly,
                "cost_id": cost.id,
            },
        )
        if anomaly:
            dispatchers = self.env.ref("office_fleet.group_fleet_dispatcher").users
            user = (
                self.vehicle_id.manager_id
                or dispatchers.filtered(lambda u: not u.has_group("base.group_system"))[
                    :1
                ]
            )
            self.sudo().message_post(
                body=self.env._(
                    "%(consumption).1f L/100 km is more than %(over).0f %% over the "
                    "average of %(average).1f L/100 km: to be reviewed.",
                    consumption=consumption,
                    over=(ratio - 1) * 100,
                    average=average,
                ),
                subtype_xmlid="mail.mt_note",
            )
            if user:
                self.sudo().activity_schedule(
                    "office_fleet.mail_act_office_fleet_review",
                    user_id=user.id,
                    summary=self.env._(
                        "Check the fuel consumption of %(car)s",
                        car=self.vehicle_id.license_plate,
                    ),
                )

    def _check_can_mark_reviewed(self):
        if any(not log.anomaly or log.anomaly_reviewed for log in self):
            raise UserError(self.env._("Only an anomaly not yet reviewed is reviewed."))

    def _do_mark_reviewed(self):
        self._workflow_set_state("mark_reviewed", {"anomaly_reviewed": True})
        self.sudo().activity_unlink(["office_fleet.mail_act_office_fleet_review"])
