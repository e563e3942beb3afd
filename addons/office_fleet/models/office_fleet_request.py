import datetime

import pytz

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL
from odoo.tools.translate import LazyTranslate

from odoo.addons.office_base.models.office_request_mixin import request_transitions
from odoo.addons.office_base.models.office_workflow_mixin import TRANSITION
from odoo.addons.office_base.tools import is_granted

_lt = LazyTranslate(__name__)

DISPATCHER = "office_fleet.group_fleet_dispatcher"

PURPOSES = [
    ("reception", "Official reception"),
    ("field_visit", "Field visit"),
    ("business_trip", "Business trip"),
    ("meeting", "Meeting"),
    ("other", "Other official business"),
]

REQUEST_STATES = [
    ("draft", "Draft"),
    ("to_approve", "To approve"),
    ("approved", "Approved"),
    ("dispatched", "Dispatched"),
    ("done", "Returned"),
    ("refused", "Refused"),
    ("cancel", "Cancelled"),
]

BOOKED_STATES = ("dispatched", "done")


class OfficeFleetRequest(models.Model):
    """A request for an official car (用车申请) and its dispatch (派车).

    Rules (公车管理制度 art. 1, 2, 5): the office arranges every use; the
    leaders' official business and urgent matters come first; staff
    requests for a car are approved by the principal leader; use on a
    non-working day is reported beforehand to the leader in charge and filed
    with the discipline commission. The approval steps are
    ``tier.definition`` records. The dispatcher then assigns a car and a
    driver; a car or a driver already booked in an overlapping period is
    refused (the check runs under a row lock of the car and the driver), and
    free cars or a rented car are offered instead.

    Rights (transitions of ``office.workflow.mixin``, checked for the acting
    user, superuser or not):

    ===============  ==========================  ============================
    who              read                        act
    ===============  ==========================  ============================
    staff            own requests                create, submit, cancel,
                                                 reset to draft
    drivers          requests they drive for     close (the trip's return)
    reviewers        what they review            approve, refuse (tier.review)
    dispatchers      all                         dispatch, cancel, file with
                                                 the discipline commission
    office director  all                         all
    ===============  ==========================  ============================"""

    _name = "office.fleet.request"
    _description = "Official Car Request"
    _inherit = ["office.request.mixin"]
    _order = "priority desc, date_start desc, id desc"
    _check_company_auto = True
    _workflow_sequence_code = "office.fleet.request"
    _workflow_owner_groups = (DISPATCHER,)
    _workflow_transitions = request_transitions(
        submit={"label": _lt("submitted")},
        approve={"label": _lt("approved")},
        refuse={"from": ("to_approve", "approved"), "label": _lt("refused")},
        dispatch={
            "from": ("approved",),
            "to": "dispatched",
            "groups": (DISPATCHER,),
            "label": _lt("dispatched"),
        },
        done={"from": ("dispatched",), "to": "done", "label": _lt("closed")},
        cancel={
            "from": ("draft", "to_approve", "approved", "dispatched"),
            "label": _lt("cancelled"),
        },
    )
    #: written by the dispatch only, whatever the state
    _dispatch_fields = ("vehicle_id", "driver_id", "dispatcher_id", "dispatched_at")
    _workflow_locked_fields = (
        "applicant_id",
        "department_id",
        "purpose",
        "passenger_count",
        "passenger_names",
        "destination",
        "reason",
        "date_start",
        "date_end",
        "leader_business",
        "urgent",
        "leader_id",
        "company_id",
    )

    purpose = fields.Selection(
        PURPOSES, required=True, default="field_visit", tracking=True
    )
    reason = fields.Char(string="Matter", required=True, tracking=True)
    destination = fields.Char(required=True, tracking=True)
    passenger_count = fields.Integer(string="Passengers", default=1)
    passenger_names = fields.Char(string="Who travels")
    date_start = fields.Datetime(
        string="From", required=True, tracking=True, index=True
    )
    date_end = fields.Datetime(string="Until", required=True, tracking=True, index=True)
    leader_business = fields.Boolean(
        string="Leaders' official business",
        tracking=True,
        help="Official business of a member of the Party group: served first.",
    )
    urgent = fields.Boolean(
        string="Urgent matter", tracking=True, help="Urgent matters are served first."
    )
    priority = fields.Selection(
        [("0", "Normal"), ("1", "Urgent"), ("2", "Leaders' business")],
        compute="_compute_priority",
        store=True,
    )
    applicant_is_leader = fields.Boolean(
        compute="_compute_applicant_is_leader", store=True
    )
    leader_id = fields.Many2one(
        "res.users",
        string="Leader in charge",
        tracking=True,
        domain=lambda self: [
            ("groups_id", "in", self.env.ref("office_base.group_office_leader").id)
        ],
        help="The leader in charge, told beforehand of a use on a non-working day.",
    )
    non_working_day = fields.Boolean(
        string="On a non-working day",
        compute="_compute_non_working_day",
        store=True,
        help="The use falls on a weekend or a public holiday: it needs the prior "
        "approval of the leader in charge and a filing with the discipline "
        "commission.",
    )
    discipline_filed = fields.Boolean(
        string="Filed with the discipline commission",
        tracking=True,
        help="A use on a non-working day has been reported to the county discipline "
        "commission.",
    )
    state = fields.Selection(
        REQUEST_STATES,
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    vehicle_id = fields.Many2one(
        "fleet.vehicle",
        string="Car",
        tracking=True,
        copy=False,
        check_company=True,
        index=True,
    )
    driver_id = fields.Many2one("hr.employee", tracking=True, copy=False, index=True)
    dispatcher_id = fields.Many2one("res.users", readonly=True, copy=False)
    dispatched_at = fields.Datetime(readonly=True, copy=False)
    is_rented = fields.Boolean(related="vehicle_id.is_rented", string="Rented car")
    refused_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    trip_ids = fields.One2many("office.fleet.trip", "request_id", readonly=True)
    trip_count = fields.Integer(compute="_compute_trip_count")
    approver_ids = fields.Many2many(
        "res.users", string="Approved by", compute="_compute_approver_ids"
    )

    # ------------------------------------------------------------------
    # Computes and constraints
    # ------------------------------------------------------------------

    @api.depends("leader_business", "urgent")
    def _compute_priority(self):
        for request in self:
            request.priority = (
                "2" if request.leader_business else "1" if request.urgent else "0"
            )

    @api.depends("applicant_id")
    def _compute_applicant_is_leader(self):
        leaders = self.env.ref("office_base.group_office_leader")
        for request in self:
            request.applicant_is_leader = leaders in request.applicant_id.groups_id

    @api.depends("date_start", "date_end", "company_id")
    def _compute_non_working_day(self):
        calendar = self.env["office.calendar"]
        for request in self:
            flag = False
            if request.date_start and request.date_end:
                day = request._local_date(request.date_start)
                end = request._local_date(request.date_end)
                while day <= end and not flag:
                    flag = not calendar.is_working_day(day, request.company_id)
                    day += datetime.timedelta(days=1)
            request.non_working_day = flag

    @api.depends("name", "reason")
    def _compute_display_name(self):
        for request in self:
            request.display_name = " ".join(
                part for part in (request.name, request.reason) if part
            )

    def _compute_trip_count(self):
        groups = (
            self.env["office.fleet.trip"]
            .sudo()
            ._read_group([("request_id", "in", self.ids)], ["request_id"], ["__count"])
        )
        counts = {request.id: count for request, count in groups}
        for request in self:
            request.trip_count = counts.get(request.id, 0)

    @api.depends("review_ids.status", "review_ids.done_by")
    def _compute_approver_ids(self):
        for request in self:
            reviews = request.sudo().review_ids.filtered(
                lambda r: r.status == "approved"
            )
            request.approver_ids = reviews.sorted("sequence").done_by

    def _local_date(self, value):
        tz = pytz.timezone(self.env.user.tz or "Asia/Shanghai")
        return pytz.utc.localize(value).astimezone(tz).date()

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for request in self:
            if request.date_end <= request.date_start:
                raise ValidationError(
                    self.env._("The car is returned after it leaves: check the times.")
                )

    @api.constrains("passenger_count")
    def _check_passenger_count(self):
        if any(request.passenger_count < 0 for request in self):
            raise ValidationError(
                self.env._("The number of passengers cannot be negative.")
            )

    @api.constrains("vehicle_id", "driver_id", "date_start", "date_end", "state")
    def _check_no_overlap(self):
        """A car or a driver is booked once at a time. The rows of the car and
        the driver are locked (updated) first: a concurrent dispatch of the same
        car waits, then fails to serialize and is retried, seeing this one."""
        booked = self.filtered(lambda r: r.state in BOOKED_STATES)
        if not booked:
            return
        vehicle_ids = booked.vehicle_id.ids
        driver_ids = booked.driver_id.ids
        if vehicle_ids:
            self.env.cr.execute(
                SQL(
                    "UPDATE fleet_vehicle SET write_date = write_date "
                    "WHERE id = ANY(%s)",
                    vehicle_ids,
                )
            )
        if driver_ids:
            self.env.cr.execute(
                SQL(
                    "UPDATE hr_employee SET write_date = write_date WHERE id = ANY(%s)",
                    driver_ids,
                )
            )
        for request in booked:
            for field_name in ("vehicle_id", "driver_id"):
                target = request[field_name]
                if not target:
                    continue
                self.env.cr.execute(
                    SQL(
                        """SELECT name FROM office_fleet_request
                           WHERE %s = %s AND id != %s AND state = ANY(%s)
                             AND date_start < %s AND date_end > %s
                           ORDER BY date_start LIMIT 1""",
                        SQL.identifier(field_name),
                        target.id,
                        request.id,
                        list(BOOKED_STATES),
                        request.date_end,
                        request.date_start,
                    )
                )
                row = self.env.cr.fetchone()
                if row:
                    if field_name == "vehicle_id":
                        message = self.env._(
                            "The car %(car)s is already booked by %(other)s in an "
                            "overlapping period: choose a free car or rent one.",
                            car=target.sudo().license_plate
                            or target.sudo().display_name,
                            other=row[0],
                        )
                    else:
                        message = self.env._(
                            "The driver %(driver)s already drives for %(other)s in an "
                            "overlapping period.",
                            driver=target.sudo().name,
                            other=row[0],
                        )
                    raise ValidationError(message)

    # ------------------------------------------------------------------
    # Free cars and drivers
    # ------------------------------------------------------------------

    def _booked_ids(self, field_name, date_start, date_end, exclude_id=0):
        self.env["office.fleet.request"].flush_model()
        self.env.cr.execute(
            SQL(
                """SELECT DISTINCT %s FROM office_fleet_request
                   WHERE %s IS NOT NULL AND id != %s AND state = ANY(%s)
                     AND date_start < %s AND date_end > %s""",
                SQL.identifier(field_name),
                SQL.identifier(field_name),
                exclude_id or 0,
                list(BOOKED_STATES),
                date_end,
                date_start,
            )
        )
        return [row[0] for row in self.env.cr.fetchall()]

    def get_free_vehicles(self, rented=False):
        """Ids of the cars free for the whole period of the request (official
        cars, or rented cars when `rented`), usable over XML-RPC."""
        self.ensure_one()
        booked = self._booked_ids("vehicle_id", self.date_start, self.date_end, self.id)
        return (
            self.env["fleet.vehicle"]
            .sudo()
            .search(
                [
                    ("id", "not in", booked),
                    ("company_id", "in", [self.company_id.id, False]),
                    ("is_rented", "=", bool(rented)),
                    ("office_state", "in", ("available", "dispatched")),
                ]
            )
            .ids
        )

    def get_free_drivers(self):
        """Ids of the drivers free for the period, with a valid licence."""
        self.ensure_one()
        booked = self._booked_ids("driver_id", self.date_start, self.date_end, self.id)
        drivers = (
            self.env["hr.employee"]
            .sudo()
            .search(
                [
                    ("office_is_driver", "=", True),
                    ("id", "not in", booked),
                    ("company_id", "in", [self.company_id.id, False]),
                ]
            )
        )
        day = self._local_date(self.date_end)
        return drivers.filtered(
            lambda d: d._office_licence_valid_on(day) and self._standin_allowed(d)
        ).ids

    def _standin_allowed(self, driver):
        """002 公车管理制度 四: a qualified member of staff drives an official
        car only within a stand-in period approved by the leader in charge
        and the principal leader."""
        self.ensure_one()
        if not driver._office_is_stand_in():
            return True
        return bool(
            self.env["office.fleet.standin"]._approved_for(
                driver,
                self._local_date(self.date_start),
                self._local_date(self.date_end),
                self.company_id,
            )
        )

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------

    def _workflow_check_write(self, vals):
        res = super()._workflow_check_write(vals)
        if set(self._dispatch_fields) & set(vals):
            raise UserError(
                self.env._("The car and the driver are assigned by the dispatch only.")
            )
        if "discipline_filed" in vals and not self.env.user.has_group(DISPATCHER):
            raise AccessError(
                self.env._(
                    "Only the dispatcher records the filing with the discipline "
                    "commission."
                )
            )
        return res

    def _check_allow_write_under_validation(self, vals):
        # a declared transition (the refusal) writes under validation
        return is_granted(TRANSITION, self) or (
            super()._check_allow_write_under_validation(vals)
        )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_submit(self):
        return self._workflow_run("submit")

    def action_cancel(self):
        return self._workflow_run("cancel")

    def action_draft(self):
        return self._workflow_run("draft")

    def action_dispatch(self):
        """Open the dispatch form with the free cars and drivers (the form
        then runs the transition ``dispatch``)."""
        self.ensure_one()
        spec = self._workflow_spec("dispatch")
        self.check_access("read")
        self._workflow_check_from("dispatch", spec)
        self._workflow_check_groups("dispatch", spec)
        self._check_can_dispatch()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Dispatch"),
            "res_model": "office.fleet.dispatch.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_request_id": self.id},
        }

    def dispatch(self, vehicle_id, driver_id=False):
        """Assign a car and a driver; usable over XML-RPC. Returns the id of
        the planned trip."""
        self.ensure_one()
        return self._workflow_run(
            "dispatch", vehicle_id=vehicle_id, driver_id=driver_id or False
        )

    def action_view_trips(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "office_fleet.office_fleet_trip_action"
        )
        action["domain"] = [("request_id", "=", self.id)]
        action["context"] = {}
        return action

    # ------------------------------------------------------------------
    # Transitions: checks and steps
    # ------------------------------------------------------------------

    def _check_can_submit(self):
        for request in self:
            if request.non_working_day and not request.leader_id:
                raise UserError(
                    self.env._(
                        "The use falls on a non-working day: name the leader in "
                        "charge, who approves it beforehand."
                    )
                )

    def _do_refuse(self):
        self._workflow_set_state("refuse", {"refused_by_id": self.env.user.id})

    def _check_can_dispatch(self, vehicle_id=None, driver_id=None):
        for request in self:
            if request.non_working_day and not request.discipline_filed:
                raise UserError(
                    self.env._(
                        "“%(request)s” falls on a non-working day: record its filing "
                        "with the discipline commission first.",
                        request=request.display_name,
                    )
                )
        if vehicle_id is not None:
            vehicle = self.env["fleet.vehicle"].sudo().browse(vehicle_id).exists()
            driver = self.env["hr.employee"].sudo().browse(driver_id or []).exists()
            self._check_dispatch_values(vehicle, driver)

    def _check_dispatch_values(self, vehicle, driver):
        self.ensure_one()
        if not vehicle:
            raise UserError(self.env._("Choose a car."))
        if vehicle.office_state in ("repair", "sealed"):
            raise UserError(
                self.env._(
                    "The car %(car)s is %(state)s: choose another one.",
                    car=vehicle.license_plate or vehicle.display_name,
                    state=dict(
                        vehicle._fields["office_state"]._description_selection(self.env)
                    )[vehicle.office_state],
                )
            )
        if not driver and not vehicle.is_rented:
            raise UserError(self.env._("Choose the driver of the official car."))
        if driver and not driver._office_licence_valid_on(
            self._local_date(self.date_end)
        ):
            raise UserError(
                self.env._(
                    "%(driver)s has no valid driving licence for this trip.",
                    driver=driver.name,
                )
            )
        if driver and not self._standin_allowed(driver):
            raise UserError(
                self.env._(
                    "%(driver)s is not a full-time driver: he drives only within a "
                    "stand-in approved by the leader in charge and the principal "
                    "leader (002 公车管理制度 四).",
                    driver=driver.name,
                )
            )

    def _do_dispatch(self, vehicle_id, driver_id=False):
        self.ensure_one()
        vehicle = self.env["fleet.vehicle"].sudo().browse(vehicle_id)
        driver = self.env["hr.employee"].sudo().browse(driver_id or [])
        self._workflow_set_state(
            "dispatch",
            {
                "vehicle_id": vehicle.id,
                "driver_id": driver.id,
                "dispatcher_id": self.env.user.id,
                "dispatched_at": fields.Datetime.now(),
            },
        )
        trip = (
            self.env["office.fleet.trip"]
            .sudo()
            .create(
                {
                    "request_id": self.id,
                    "vehicle_id": vehicle.id,
                    "driver_id": driver.id,
                    "date_out": self.date_start,
                    "reason": self.reason,
                    "destination": self.destination,
                    "company_id": self.company_id.id,
                }
            )
        )
        self.sudo().message_post(
            body=self.env._(
                "Dispatched by %(user)s: %(car)s, driver %(driver)s.",
                user=self.env.user.name,
                car=vehicle.license_plate or vehicle.display_name,
                driver=driver.name or self.env._("provided with the rented car"),
            ),
            subtype_xmlid="mail.mt_comment",
            partner_ids=self.applicant_id.partner_id.ids,
        )
        return trip.id

    def _check_can_done(self):
        """Closed by the return of its trip, recorded by its driver or a
        dispatcher."""
        dispatcher = self.env.user.has_group(DISPATCHER)
        for request in self:
            trips = request.sudo().trip_ids
            if not trips.filtered(lambda t: t.state == "done"):
                raise UserError(
                    self.env._(
                        "“%(request)s” is closed by the return of its car.",
                        request=request.display_name,
                    )
                )
            if not dispatcher and self.env.user not in trips.driver_id.user_id:
                raise AccessError(
                    self.env._(
                        "Only the driver or the dispatcher closes a car request."
                    )
                )

    def _check_can_cancel(self):
        for request in self:
            if request.sudo().trip_ids.filtered(lambda t: t.state in ("out", "done")):
                raise UserError(
                    self.env._(
                        "The car of “%(request)s” has left already.",
                        request=request.name,
                    )
                )

    def _do_cancel(self):
        self._workflow_set_state("cancel")
        # the planned trips go with their request (trip transition "cancel")
        trips = self.sudo().trip_ids.filtered(lambda t: t.state == "planned")
        trips.with_env(self.env)._workflow_run("cancel")

    def _do_draft(self, **kwargs):
        return super()._do_draft(
            vals={"refused_by_id": False, "vehicle_id": False, "driver_id": False}
        )

    # ------------------------------------------------------------------
    # Activities
    # ------------------------------------------------------------------

    def activity_update(self):
        """The dispatcher has a "Dispatch" activity while a request is
        approved and not yet dispatched."""
        xmlid = "office_fleet.mail_act_office_fleet_dispatch"
        approved = self.filtered(lambda r: r.state == "approved")
        (self - approved).sudo().activity_unlink([xmlid])
        dispatchers = self.env.ref(DISPATCHER).users.filtered(
            lambda u: not u.share and u.active
        )
        dispatcher = (
            dispatchers.filtered(lambda u: not u.has_group("base.group_system"))[:1]
            or dispatchers[:1]
        )
        for request in approved:
            request._office_schedule_missing(
                xmlid,
                dispatcher,
                deadline=request._local_date(request.date_start),
                summary=self.env._("Dispatch a car: %(reason)s", reason=request.reason),
            )
