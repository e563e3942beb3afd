from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools.translate import LazyTranslate

from .office_asset import MANAGER

_lt = LazyTranslate(__name__)

CHECKS = ("lights_off", "computers_off", "ac_off", "windows_closed", "door_locked")


class OfficeSafetyRound(models.Model):
    """The end-of-day safety round of an area (002 水电卫生管理制度 一–六):
    lights, computers, air conditioners off, doors and windows closed; the
    air conditioning found set cooler than the company's summer minimum
    (26 ℃) is a finding; findings are recorded. A working day without a
    round is recorded as missed the next morning by the scheduled action,
    and the office director sees it.

    Rights: the appointed person of the area (or an asset manager) records
    the round; rounds are never deleted once done or missed."""

    _name = "office.safety.round"
    _description = "Safety Round"
    _inherit = ["office.workflow.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True
    _workflow_deletable_states = ("draft",)
    _workflow_transitions = {
        "done": {"from": ("draft",), "to": "done", "label": _lt("recorded")},
        "miss": {"from": ("draft",), "to": "missed", "label": _lt("missed")},
    }
    _workflow_locked_fields = (
        "area_id",
        "date",
        "checker_id",
        *CHECKS,
        "ac_setpoint",
        "findings",
    )

    area_id = fields.Many2one(
        "office.safety.area", required=True, index=True, check_company=True
    )
    kind = fields.Selection(related="area_id.kind", store=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    checker_id = fields.Many2one(
        "res.users",
        string="Checked by",
        required=True,
        default=lambda self: self.env.user,
    )
    lights_off = fields.Boolean(string="Lights off")
    computers_off = fields.Boolean(string="Computers off")
    ac_off = fields.Boolean(string="Air conditioners off")
    windows_closed = fields.Boolean(string="Doors and windows closed")
    door_locked = fields.Boolean(string="Gate locked")
    ac_setpoint = fields.Float(
        string="Air conditioning set to (℃)",
        help="The temperature found set during the day; 0 when not in use.",
    )
    findings = fields.Text()
    has_finding = fields.Boolean(compute="_compute_has_finding", store=True)
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Done"), ("missed", "Missed")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )

    _sql_constraints = [
        ("area_date_unique", "UNIQUE(area_id, date)", "One round per area and day."),
    ]

    @api.depends(*CHECKS, "ac_setpoint", "findings", "state")
    def _compute_has_finding(self):
        for round_ in self:
            round_.has_finding = bool(
                round_.state == "missed"
                or round_._failed_checks()
                or round_._ac_too_cold()
                or (round_.findings or "").strip()
            )

    @api.depends("area_id", "date")
    def _compute_display_name(self):
        for round_ in self:
            round_.display_name = f"{round_.area_id.name} {round_.date or ''}"

    def _failed_checks(self):
        self.ensure_one()
        checks = CHECKS if self.kind == "office" else CHECKS[:4]
        return [check for check in checks if not self[check]]

    def _ac_too_cold(self):
        self.ensure_one()
        company = self.company_id
        month = self.date.month if self.date else 0
        summer = (
            company.office_asset_summer_month_from
            <= month
            <= (company.office_asset_summer_month_to)
        )
        minimum = company.office_asset_summer_ac_min
        return bool(summer and self.ac_setpoint and self.ac_setpoint < minimum)

    def action_done(self):
        return self._workflow_run("done")

    def _check_can_done(self):
        for round_ in self:
            if self.env.user not in (
                round_.checker_id | round_.area_id.responsible_id
            ) and not self.env.user.has_group(MANAGER):
                raise AccessError(
                    self.env._("Only the person who checks the area records the round.")
                )
            if round_.date > self.env["office.calendar"].today(round_.company_id):
                raise UserError(
                    self.env._("A round is recorded on its day, not before.")
                )
            problems = round_._failed_checks() or round_._ac_too_cold()
            if problems and not (round_.findings or "").strip():
                raise UserError(
                    self.env._(
                        "Something was left on or open, or the air conditioning was "
                        "set below %(min)s ℃ in summer: record the findings.",
                        min=round_.company_id.office_asset_summer_ac_min,
                    )
                )

    def _check_can_miss(self):
        today = self.env["office.calendar"].today()
        if any(round_.date >= today for round_ in self):
            raise UserError(self.env._("A round is missed only once its day is over."))

    # ------------------------------------------------------------------
    # Cron
    # ------------------------------------------------------------------

    @api.model
    def _cron_missed_rounds(self, limit=500):
        """Record as missed the rounds of the last working day that nobody
        recorded, and tell the appointed person and the office director."""
        calendar = self.env["office.calendar"]
        day = calendar.today() - timedelta(days=1)
        while not calendar.is_working_day(day):
            day -= timedelta(days=1)
        areas = self.env["office.safety.area"].search([], limit=limit)
        rounds = self.search([("area_id", "in", areas.ids), ("date", "=", day)])
        done_areas = rounds.filtered(lambda r: r.state != "draft").area_id
        open_rounds = rounds.filtered(lambda r: r.state == "draft")
        new = self.create(
            [
                {
                    "area_id": area.id,
                    "date": day,
                    "checker_id": area.responsible_id.id,
                    "company_id": area.company_id.id,
                }
                for area in areas - done_areas - open_rounds.area_id
            ]
        )
        missed = open_rounds | new
        if missed:
            missed._workflow_run("miss")
            directors = self.env.ref("office_base.group_office_director").users
            for round_ in missed:
                round_._office_schedule_missing(
                    "office_asset.mail_activity_safety_missed",
                    round_.area_id.responsible_id | directors,
                )
        return missed
