import datetime

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)

DISPATCHER = "office_fleet.group_fleet_dispatcher"


class OfficeFleetSealingPlan(models.Model):
    """Holiday sealing (节假日封存停驶): for every break of three or more
    consecutive non-working days (office_base's calendar) a plan is proposed;
    sealing it seals each official car without an approved trip in the break,
    the keys go to the dispatcher (key register); after the break the cars
    are unsealed and an odometer that moved while sealed is flagged.

    The length of a break (``office_fleet_sealing_min_days``) and how far
    ahead plans are proposed (``office_fleet_sealing_lookahead_days``) are
    company settings. Only a dispatcher seals, unseals and cancels (the
    transitions of ``office.workflow.mixin``); the times are the clock's."""

    _name = "office.fleet.sealing.plan"
    _description = "Holiday Sealing Plan"
    _inherit = ["office.workflow.mixin"]
    _order = "date_from desc"
    _check_company_auto = True
    _workflow_transitions = {
        "seal": {
            "from": ("draft",),
            "to": "sealed",
            "groups": (DISPATCHER,),
            "label": _lt("sealed"),
        },
        "unseal": {
            "from": ("sealed",),
            "to": "done",
            "groups": (DISPATCHER,),
            "label": _lt("unsealed"),
        },
        "cancel": {
            "from": ("draft",),
            "to": "cancel",
            "groups": (DISPATCHER,),
            "label": _lt("cancelled"),
        },
    }
    # a sealed plan keeps the keys until it is unsealed
    _workflow_deletable_states = ("draft", "done", "cancel")

    name = fields.Char(required=True)
    date_from = fields.Date(string="First day off", required=True)
    date_to = fields.Date(string="Last day off", required=True)
    days = fields.Integer(compute="_compute_days", store=True)
    keeper_id = fields.Many2one(
        "res.users",
        string="Keys kept by",
        default=lambda self: self.env.user,
        help="The dispatcher who keeps the keys during the break.",
    )
    state = fields.Selection(
        [
            ("draft", "Proposed"),
            ("sealed", "Sealed"),
            ("done", "Unsealed"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    line_ids = fields.One2many("office.fleet.sealing.line", "plan_id", string="Cars")
    sealed_count = fields.Integer(compute="_compute_counts")
    exempt_count = fields.Integer(compute="_compute_counts")
    violation_count = fields.Integer(compute="_compute_counts")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    _sql_constraints = [
        (
            "break_uniq",
            "unique(date_from, company_id)",
            "This break already has a sealing plan.",
        )
    ]

    @api.depends("date_from", "date_to")
    def _compute_days(self):
        for plan in self:
            plan.days = (
                (plan.date_to - plan.date_from).days + 1
                if plan.date_from and plan.date_to
                else 0
            )

    def _compute_counts(self):
        for plan in self:
            plan.sealed_count = len(plan.line_ids.filtered("sealed_at"))
            plan.exempt_count = len(plan.line_ids.filtered("exempt"))
            plan.violation_count = len(plan.line_ids.filtered("odometer_moved"))

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for plan in self:
            if plan.date_to < plan.date_from:
                raise ValidationError(self.env._("The break ends after it starts."))

    # ------------------------------------------------------------------
    # Breaks
    # ------------------------------------------------------------------

    @api.model
    def find_breaks(self, date_from, date_to, company_id=False):
        """[(first, last)] of the runs of at least the company's
        ``office_fleet_sealing_min_days`` consecutive non-working days that
        start between `date_from` and `date_to`."""
        company = (
            self.env["res.company"].browse(company_id)
            if company_id
            else self.env.company
        )
        min_days = company.office_fleet_sealing_min_days
        calendar = self.env["office.calendar"]
        start = fields.Date.to_date(date_from)
        end = fields.Date.to_date(date_to)
        # a run under way on date_from starts before it
        while not calendar.is_working_day(
            start, company
        ) and not calendar.is_working_day(start - datetime.timedelta(days=1), company):
            start -= datetime.timedelta(days=1)
        breaks = []
        day = start
        run_start = None
        while day <= end + datetime.timedelta(days=20):
            if not calendar.is_working_day(day, company):
                run_start = run_start or day
            else:
                if run_start:
                    last = day - datetime.timedelta(days=1)
                    if (last - run_start).days + 1 >= min_days and run_start <= end:
                        breaks.append((run_start, last))
                    run_start = None
                if day > end:
                    break
            day += datetime.timedelta(days=1)
        return [(str(a), str(b)) for a, b in breaks]

    @api.model
    def _cron_propose_plans(self):
        """Propose a plan for each break starting within the company's
        ``office_fleet_sealing_lookahead_days``; idempotent."""
        created = self.browse()
        for company in self.env["res.company"].search([]):
            today = self.env["office.calendar"].today(company)
            ahead = datetime.timedelta(days=company.office_fleet_sealing_lookahead_days)
            for first, last in self.find_breaks(today, today + ahead, company.id):
                if self.search_count(
                    [("date_from", "=", first), ("company_id", "=", company.id)]
                ):
                    continue
                created |= self.propose(first, last, company.id)
        return created.ids

    @api.model
    def propose(self, date_from, date_to, company_id=False):
        company = (
            self.env["res.company"].browse(company_id)
            if company_id
            else self.env.company
        )
        dispatchers = self._dispatchers()
        if self.search_count(
            [("date_from", "=", date_from), ("company_id", "=", company.id)]
        ):
            raise UserError(
                self.env._(
                    "The break from %(date)s already has a sealing plan.",
                    date=date_from,
                )
            )
        plan = self.create(
            {
                "name": self.env._(
                    "Holiday sealing %(from)s – %(to)s",
                    **{"from": date_from, "to": date_to},
                ),
                "date_from": date_from,
                "date_to": date_to,
                "company_id": company.id,
                "keeper_id": (
                    self.env.user
                    if self.env.user.has_group(DISPATCHER)
                    else dispatchers[:1] or self.env.user
                ).id,
            }
        )
        plan.action_compute_lines()
        return plan

    @api.model
    def _dispatchers(self):
        return self.env.ref(DISPATCHER).users.filtered(
            lambda u: not u.has_group("base.group_system")
        )

    def activity_update(self):
        """The dispatcher seals the cars of a proposed plan before the break."""
        xmlid = "office_fleet.mail_act_office_fleet_sealing"
        proposed = self.filtered(lambda p: p.state == "draft")
        (self - proposed).sudo().activity_unlink([xmlid])
        dispatcher = self._dispatchers()[:1]
        for plan in proposed:
            plan._office_schedule_missing(
                xmlid,
                dispatcher,
                deadline=plan.date_from - datetime.timedelta(days=1),
                summary=self.env._("Seal the cars before the break"),
            )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def _break_bounds(self):
        """The break in UTC datetimes (local midnight to midnight)."""
        self.ensure_one()
        tz = pytz.timezone(self.env.user.tz or "Asia/Shanghai")
        start = tz.localize(datetime.datetime.combine(self.date_from, datetime.time()))
        end = tz.localize(
            datetime.datetime.combine(
                self.date_to + datetime.timedelta(days=1), datetime.time()
            )
        )
        return (
            start.astimezone(pytz.utc).replace(tzinfo=None),
            end.astimezone(pytz.utc).replace(tzinfo=None),
        )

    def action_compute_lines(self):
        """One line per official car; cars with an approved trip in the break
        are exempt."""
        for plan in self:
            if plan.state != "draft":
                raise UserError(self.env._("Only a proposed plan is recomputed."))
            start, end = plan._break_bounds()
            cars = self.env["fleet.vehicle"].search(
                [
                    ("is_rented", "=", False),
                    ("company_id", "in", [plan.company_id.id, False]),
                ]
            )
            requests = (
                self.env["office.fleet.request"]
                .sudo()
                .search(
                    [
                        ("vehicle_id", "in", cars.ids),
                        ("state", "in", ("dispatched",)),
                        ("date_start", "<", end),
                        ("date_end", ">", start),
                    ]
                )
            )
            plan.line_ids.unlink()
            plan.line_ids = [
                fields.Command.create(
                    {
                        "vehicle_id": car.id,
                        "request_id": requests.filtered(
                            lambda r, c=car: r.vehicle_id == c
                        )[:1].id,
                    }
                )
                for car in cars
            ]
        return True

    def action_seal(self):
        return self._workflow_run("seal")

    def action_unseal(self):
        return self._workflow_run("unseal")

    def action_cancel(self):
        return self._workflow_run("cancel")

    def _do_seal(self, at=None):
        """`at`: the time of sealing, now unless given by Python code (the
        demo data); no caller over RPC reaches it."""
        now = fields.Datetime.to_datetime(at) or fields.Datetime.now()
        for plan in self:
            plan.action_compute_lines()
            lines = plan.line_ids.filtered(lambda ln: not ln.exempt)
            for line in lines:
                odometer = self.env["office.fleet.trip"]._last_odometer(line.vehicle_id)
                line.write({"sealed_at": now, "odometer_sealed": odometer})
                line.vehicle_id.sudo().office_state = "sealed"
                self.env["office.fleet.key.log"].sudo().create(
                    {
                        "vehicle_id": line.vehicle_id.id,
                        "sealing_line_id": line.id,
                        "company_id": plan.company_id.id,
                        "action": "handed_in",
                        "at": now,
                        "from_user_id": (
                            line.vehicle_id.driver_id.user_ids[:1].id
                            or self.env.user.id
                        ),
                        "to_user_id": plan.keeper_id.id or self.env.user.id,
                        "odometer": odometer,
                    }
                )
            plan._workflow_set_state("seal")

    def _do_unseal(self, at=None):
        """`at`: the time of unsealing, now unless given by Python code (the
        demo data); no caller over RPC reaches it."""
        now = fields.Datetime.to_datetime(at) or fields.Datetime.now()
        Trip = self.env["office.fleet.trip"]
        for plan in self:
            for line in plan.line_ids.filtered(
                lambda ln: ln.sealed_at and not ln.unsealed_at
            ):
                odometer = Trip._last_odometer(line.vehicle_id)
                line.write({"unsealed_at": now, "odometer_unsealed": odometer})
                if line.vehicle_id.office_state == "sealed":
                    line.vehicle_id.sudo().office_state = "available"
                self.env["office.fleet.key.log"].sudo().create(
                    {
                        "vehicle_id": line.vehicle_id.id,
                        "sealing_line_id": line.id,
                        "company_id": plan.company_id.id,
                        "action": "handed_out",
                        "at": now,
                        "from_user_id": plan.keeper_id.id or self.env.user.id,
                        "to_user_id": (
                            line.vehicle_id.driver_id.user_ids[:1].id
                            or self.env.user.id
                        ),
                        "odometer": odometer,
                    }
                )
            plan._workflow_set_state("unseal")
            plan._record_odometer_gaps()
            trips = Trip.sudo().search(
                [
                    ("vehicle_id", "in", plan.line_ids.vehicle_id.ids),
                    ("date_out", "<", now),
                ]
            )
            trips._update_sealed_violation()

    def _record_odometer_gaps(self):
        """A car whose odometer moved while sealed, without a trip recorded in
        the break, gets a flagged trip covering the distance (recorded by the
        dispatcher who unseals)."""
        Trip = self.env["office.fleet.trip"]
        for line in self.line_ids.filtered("odometer_moved"):
            recorded = Trip.sudo().search_count(
                [
                    ("vehicle_id", "=", line.vehicle_id.id),
                    ("state", "in", ("out", "done")),
                    ("date_out", "<=", line.unsealed_at),
                    ("date_out", ">=", line.sealed_at),
                ]
            )
            if recorded:
                continue
            gap = Trip.create(
                {
                    "vehicle_id": line.vehicle_id.id,
                    "date_out": line.sealed_at,
                    "reason": self.env._("Odometer moved while sealed"),
                    "destination": self.env._("Unknown"),
                    "company_id": line.plan_id.company_id.id,
                }
            )
            gap._workflow_run("record_gap", line=line)


class OfficeFleetSealingLine(models.Model):
    _name = "office.fleet.sealing.line"
    _description = "Holiday Sealing of a Car"
    _order = "plan_id, id"

    plan_id = fields.Many2one(
        "office.fleet.sealing.plan", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        related="plan_id.company_id", store=True, index=True, precompute=True
    )
    vehicle_id = fields.Many2one(
        "fleet.vehicle", string="Car", required=True, index=True
    )
    request_id = fields.Many2one("office.fleet.request", string="Approved trip")
    exempt = fields.Boolean(
        compute="_compute_exempt", store=True, help="An approved trip during the break."
    )
    sealed_at = fields.Datetime(readonly=True)
    unsealed_at = fields.Datetime(readonly=True)
    odometer_sealed = fields.Float(readonly=True)
    odometer_unsealed = fields.Float(readonly=True)
    odometer_moved = fields.Boolean(compute="_compute_odometer_moved", store=True)
    key_log_ids = fields.One2many(
        "office.fleet.key.log", "sealing_line_id", readonly=True
    )

    @api.depends("request_id")
    def _compute_exempt(self):
        for line in self:
            line.exempt = bool(line.request_id)

    @api.depends("odometer_sealed", "odometer_unsealed", "unsealed_at")
    def _compute_odometer_moved(self):
        for line in self:
            line.odometer_moved = bool(
                line.unsealed_at and line.odometer_unsealed > line.odometer_sealed
            )
