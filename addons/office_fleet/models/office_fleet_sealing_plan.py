import datetime

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

MIN_BREAK_DAYS = 3
LOOKAHEAD_DAYS = 30


class OfficeFleetSealingPlan(models.Model):
    """Holiday sealing (节假日封存停驶): for every break of three or more
    consecutive non-working days (office_base's calendar) a plan is proposed;
    sealing it seals each official car without an approved trip in the break,
    the keys go to the dispatcher (key register); after the break the cars
    are unsealed and an odometer that moved while sealed is flagged."""

    _name = "office.fleet.sealing.plan"
    _description = "Holiday Sealing Plan"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_from desc"
    _check_company_auto = True

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
        """[(first, last)] of the runs of at least three consecutive
        non-working days that start between `date_from` and `date_to`."""
        company = (
            self.env["res.company"].browse(company_id)
            if company_id
            else self.env.company
        )
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
                    if (
                        last - run_start
                    ).days + 1 >= MIN_BREAK_DAYS and run_start <= end:
                        breaks.append((run_start, last))
                    run_start = None
                if day > end:
                    break
            day += datetime.timedelta(days=1)
        return [(str(a), str(b)) for a, b in breaks]

    @api.model
    def _cron_propose_plans(self):
        """Propose a plan for each break starting within 30 days; idempotent."""
        today = fields.Date.context_today(self)
        created = self.browse()
        for company in self.env["res.company"].search([]):
            for first, last in self.find_breaks(
                today, today + datetime.timedelta(days=LOOKAHEAD_DAYS), company.id
            ):
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
        dispatchers = self.env.ref(
            "office_fleet.group_fleet_dispatcher"
        ).users.filtered(lambda u: not u.has_group("base.group_system"))
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
                    if self.env.user.has_group("office_fleet.group_fleet_dispatcher")
                    and not self.env.su
                    else dispatchers[:1] or self.env.user
                ).id,
            }
        )
        plan.action_compute_lines()
        if dispatchers:
            plan.activity_schedule(
                "office_fleet.mail_act_office_fleet_sealing",
                user_id=dispatchers[0].id,
                date_deadline=fields.Date.to_date(date_from)
                - datetime.timedelta(days=1),
                summary=self.env._("Seal the cars before the break"),
            )
        return plan

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def _check_dispatcher(self):
        if not self.env.user.has_group("office_fleet.group_fleet_dispatcher"):
            raise AccessError(self.env._("Only the dispatcher seals and unseals cars."))

    def _break_bounds(self):
        """The break in UTC datetimes (local midnight to midnight)."""
        self.ensure_one()
        import pytz

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

    def _now(self):
        return self.env.context.get("office_fleet_now") or fields.Datetime.now()

    def action_seal(self):
        self._check_dispatcher()
        now = self._now()
        for plan in self:
            if plan.state != "draft":
                raise UserError(self.env._("Only a proposed plan is sealed."))
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
            plan.state = "sealed"
            plan.activity_unlink(["office_fleet.mail_act_office_fleet_sealing"])
        return True

    def action_unseal(self):
        self._check_dispatcher()
        now = self._now()
        Trip = self.env["office.fleet.trip"]
        for plan in self:
            if plan.state != "sealed":
                raise UserError(self.env._("Only a sealed plan is unsealed."))
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
            plan.state = "done"
            plan._record_odometer_gaps()
            trips = Trip.sudo().search(
                [
                    ("vehicle_id", "in", plan.line_ids.vehicle_id.ids),
                    ("date_out", "<", now),
                ]
            )
            trips._update_sealed_violation()
        return True

    @api.model
    def _demo_national_day(self, dispatcher_id, vehicle_id, driver_id):
        """National Day 2026: seal, a car used anyway, unseal (demo data)."""
        breaks = self.find_breaks("2026-10-01", "2026-10-01")
        if not breaks:
            return False
        first, last = breaks[0]
        plan = (
            self.with_user(dispatcher_id)
            .with_context(lang="zh_CN")
            .propose(first, last)
        )
        plan.with_context(office_fleet_now="2026-09-30 10:00:00").action_seal()
        trip = (
            self.env["office.fleet.trip"]
            .with_user(dispatcher_id)
            .create(
                {
                    "vehicle_id": vehicle_id,
                    "driver_id": driver_id,
                    "date_out": "2026-10-03 01:00:00",
                    "reason": "国庆假期未经审批出车",
                    "destination": "桃江县桃花江竹海景区",
                }
            )
        )
        trip.depart(23100)
        trip.register_return(23236, 0, 0, 0)
        trip.sudo().write(
            {"date_out": "2026-10-03 01:00:00", "date_in": "2026-10-03 10:00:00"}
        )
        plan.with_context(office_fleet_now="2026-10-08 00:30:00").action_unseal()
        return plan.id

    def _record_odometer_gaps(self):
        """A car whose odometer moved while sealed, without a trip recorded in
        the break, gets a flagged trip covering the distance."""
        Trip = self.env["office.fleet.trip"].sudo()
        for line in self.line_ids.filtered("odometer_moved"):
            recorded = Trip.search_count(
                [
                    ("vehicle_id", "=", line.vehicle_id.id),
                    ("state", "in", ("out", "done")),
                    ("date_out", "<=", line.unsealed_at),
                    ("date_out", ">=", line.sealed_at),
                ]
            )
            if recorded:
                continue
            Trip.create(
                {
                    "vehicle_id": line.vehicle_id.id,
                    "date_out": line.sealed_at,
                    "date_in": line.unsealed_at,
                    "odometer_out": line.odometer_sealed,
                    "odometer_in": line.odometer_unsealed,
                    "reason": self.env._("Odometer moved while sealed"),
                    "destination": self.env._("Unknown"),
                    "state": "done",
                    "sealed_violation": True,
                    "company_id": line.plan_id.company_id.id,
                }
            )

    def action_cancel(self):
        self._check_dispatcher()
        if any(plan.state != "draft" for plan in self):
            raise UserError(self.env._("Only a proposed plan is cancelled."))
        self.state = "cancel"
        return True


class OfficeFleetSealingLine(models.Model):
    _name = "office.fleet.sealing.line"
    _description = "Holiday Sealing of a Car"
    _order = "plan_id, id"

    plan_id = fields.Many2one(
        "office.fleet.sealing.plan", required=True, ondelete="cascade", index=True
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
