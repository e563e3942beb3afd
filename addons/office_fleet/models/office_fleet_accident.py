from odoo import api, fields, models
from odoo.exceptions import UserError


class OfficeFleetAccident(models.Model):
    """A traffic accident of an official car, linked to its trip. An accident
    with injuries is a major risk (risk level ``major``)."""

    _name = "office.fleet.accident"
    _description = "Official Car Accident"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

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

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code("office.fleet.accident") or "/"
                )
        return super().create(vals_list)

    def action_report(self):
        for accident in self:
            if accident.state != "draft":
                raise UserError(self.env._("This accident has been reported already."))
            if accident.injuries and not (accident.injury_note or "").strip():
                raise UserError(self.env._("Describe the injuries."))
        self.write({"state": "reported"})
        return True

    def action_close(self):
        if any(accident.state != "reported" for accident in self):
            raise UserError(self.env._("Only a reported accident is closed."))
        if not self.env.user.has_group("office_fleet.group_fleet_dispatcher"):
            raise UserError(self.env._("Only the dispatcher closes an accident."))
        self.write({"state": "closed"})
        return True
