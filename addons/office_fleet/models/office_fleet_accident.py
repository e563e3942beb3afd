from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)


class OfficeFleetAccident(models.Model):
    """A traffic accident of an official car, linked to its trip. An accident
    with injuries is a major risk (risk level ``major``).

    Rights (transitions of ``office.workflow.mixin``): whoever may write the
    accident reports it; a dispatcher closes it."""

    _name = "office.fleet.accident"
    _description = "Official Car Accident"
    _inherit = ["office.workflow.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True
    _workflow_sequence_code = "office.fleet.accident"
    _workflow_transitions = {
        "report": {"from": ("draft",), "to": "reported", "label": _lt("reported")},
        "close": {
            "from": ("reported",),
            "to": "closed",
            "groups": ("office_fleet.group_fleet_dispatcher",),
            "label": _lt("closed"),
        },
    }
    _workflow_deletable_states = ("draft",)

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    trip_id = fields.Many2one("office.fleet.trip", index=True, check_company=True)
    vehicle_id = fields.Many2one(
        "fleet.vehicle",
        string="Car",
        required=True,
        compute="_compute_from_trip",
        store=True,
        readonly=False,
        precompute=True,
        check_company=True,
    )
    driver_id = fields.Many2one(
        "hr.employee",
        compute="_compute_from_trip",
        store=True,
        readonly=False,
        precompute=True,
    )
    date = fields.Datetime(required=True, default=fields.Datetime.now, tracking=True)
    place = fields.Char(required=True)
    injuries = fields.Boolean(tracking=True)
    injury_note = fields.Text(string="Injury details")
    damage = fields.Text()
    damage_amount = fields.Monetary(string="Estimated damage")
    currency_id = fields.Many2one(related="company_id.currency_id")
    police_report = fields.Char(string="Police report number")
    responsibility = fields.Selection(
        [
            ("full", "Full"),
            ("main", "Main"),
            ("equal", "Equal"),
            ("minor", "Minor"),
            ("none", "None"),
        ],
        string="Our responsibility",
    )
    risk_level = fields.Selection(
        [("major", "Major"), ("significant", "Significant"), ("general", "General")],
        compute="_compute_risk_level",
        store=True,
    )
    state = fields.Selection(
        [("draft", "Draft"), ("reported", "Reported"), ("closed", "Closed")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    @api.depends("trip_id")
    def _compute_from_trip(self):
        for accident in self:
            if accident.trip_id:
                accident.vehicle_id = accident.trip_id.vehicle_id
                accident.driver_id = accident.trip_id.driver_id

    @api.depends("injuries", "damage_amount")
    def _compute_risk_level(self):
        for accident in self:
            accident.risk_level = (
                "major"
                if accident.injuries
                else "significant"
                if accident.damage_amount >= 10000
                else "general"
            )

    def action_report(self):
        return self._workflow_run("report")

    def action_close(self):
        return self._workflow_run("close")

    def _check_can_report(self):
        for accident in self:
            if accident.injuries and not (accident.injury_note or "").strip():
                raise UserError(self.env._("Describe the injuries."))
