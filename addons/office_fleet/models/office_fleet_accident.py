from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)

# our share of responsibility, from the heaviest: a share at or above the
# company's threshold costs the driver his year's safety bonus
RESPONSIBILITY_RANK = {"full": 4, "main": 3, "equal": 2, "minor": 1, "none": 0}


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
    # what decides the driver's safety bonus is fixed once the accident closes
    _workflow_editable_states = ("draft", "reported")
    _workflow_locked_fields = (
        "trip_id",
        "vehicle_id",
        "driver_id",
        "date",
        "responsibility",
        "driver_misconduct",
    )

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
    driver_misconduct = fields.Boolean(
        string="Drunk, tired or private driving",
        tracking=True,
        help="002 公车管理制度 八: 不得酒后驾车、疲劳驾车或公车私用 — the driver's own "
        "misconduct costs the safety bonus whatever the share of responsibility.",
    )
    safety_bonus_forfeited = fields.Boolean(
        string="Safety bonus withheld",
        compute="_compute_safety_bonus",
        store=True,
        help="002 公车管理制度 八: 造成事故、损失…"
        "责任概由公车驾驶员承担，并扣发全年安全奖金. "
        "Set by our share of responsibility (from the company's threshold) or "
        "the driver's misconduct.",
    )
    safety_bonus_year = fields.Integer(
        string="Bonus year",
        compute="_compute_safety_bonus",
        store=True,
        aggregator=False,
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

    @api.depends(
        "responsibility", "driver_misconduct", "driver_id", "date", "company_id"
    )
    def _compute_safety_bonus(self):
        for accident in self:
            threshold = RESPONSIBILITY_RANK.get(
                accident.company_id.office_fleet_bonus_forfeit_from, 1
            )
            share = RESPONSIBILITY_RANK.get(accident.responsibility or "none", 0)
            accident.safety_bonus_forfeited = bool(
                accident.driver_id
                and (accident.driver_misconduct or (share and share >= threshold))
            )
            accident.safety_bonus_year = (
                self.env["office.calendar"].to_local(accident.date).year
                if accident.safety_bonus_forfeited
                else 0
            )

    def action_report(self):
        return self._workflow_run("report")

    def action_close(self):
        return self._workflow_run("close")

    def _check_can_close(self):
        for accident in self:
            if not accident.responsibility:
                raise UserError(
                    self.env._(
                        "Record our share of responsibility for %(accident)s before "
                        "closing it: it decides the driver's safety bonus "
                        "(002 公车管理制度 八).",
                        accident=accident.display_name,
                    )
                )

    def _check_can_report(self):
        for accident in self:
            if accident.injuries and not (accident.injury_note or "").strip():
                raise UserError(self.env._("Describe the injuries."))
