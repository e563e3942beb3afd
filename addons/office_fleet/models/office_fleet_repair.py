from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from odoo.addons.office_base.models.office_request_mixin import request_transitions
from odoo.addons.office_base.models.office_workflow_mixin import TRANSITION
from odoo.addons.office_base.tools import is_granted

_lt = LazyTranslate(__name__)

DISPATCHER = "office_fleet.group_fleet_dispatcher"

REPAIR_STATES = [
    ("draft", "Draft"),
    ("to_approve", "To approve"),
    ("approved", "Approved"),
    ("in_repair", "In repair"),
    ("done", "Done"),
    ("refused", "Refused"),
    ("cancel", "Cancelled"),
]


class OfficeFleetRepair(models.Model):
    """Maintenance and repair (维修保养, 公车管理制度 art. 7): the driver
    reports, the office director checks, the leader in charge of the office
    approves, the car goes to the designated garage. A major repair
    (estimated at the company's threshold or more) is also approved by the
    leader in charge of finance and the principal leader; a repair at another
    garage needs a reason and the principal leader. The steps are
    ``tier.definition`` records. When done, an Odoo fleet service log and
    the cost (vendor bill under the vehicle running costs) are created.

    Rights (transitions of ``office.workflow.mixin``, checked for the acting
    user, superuser or not): the reporter (or a dispatcher) submits, cancels
    and resets to draft; the reviewers approve or refuse (tier.review); a
    dispatcher sends the car to the garage and closes the repair."""

    _name = "office.fleet.repair"
    _description = "Official Car Repair"
    _inherit = ["office.workflow.mixin", "office.approval.mixin"]
    _order = "id desc"
    _check_company_auto = True
    _state_from = ["to_approve"]
    _state_to = ["approved"]
    _cancel_state = "cancel"
    _workflow_sequence_code = "office.fleet.repair"
    _workflow_owner_field = "reporter_id"
    _workflow_owner_groups = (DISPATCHER,)
    _workflow_transitions = request_transitions(
        submit={"label": _lt("submitted")},
        approve={"label": _lt("approved")},
        refuse={"from": ("to_approve", "approved"), "label": _lt("refused")},
        start={
            "from": ("approved",),
            "to": "in_repair",
            "groups": (DISPATCHER,),
            "label": _lt("sent to the garage"),
        },
        done={
            "from": ("in_repair",),
            "to": "done",
            "groups": (DISPATCHER,),
            "label": _lt("closed"),
        },
        cancel={"label": _lt("cancelled")},
    )
    _workflow_locked_fields = (
        "vehicle_id",
        "kind",
        "description",
        "estimated_amount",
        "garage_partner_id",
        "undesignated_reason",
        "leader_id",
        "finance_leader_id",
        "company_id",
    )

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    reporter_id = fields.Many2one(
        "res.users",
        string="Reported by",
        required=True,
        default=lambda self: self.env.user,
    )
    vehicle_id = fields.Many2one(
        "fleet.vehicle",
        string="Car",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
    )
    kind = fields.Selection(
        [("maintenance", "Maintenance"), ("repair", "Repair")],
        required=True,
        default="repair",
    )
    description = fields.Text(string="What is wrong", required=True)
    estimated_amount = fields.Monetary(string="Estimate", required=True, tracking=True)
    amount = fields.Monetary(string="Final cost", copy=False, tracking=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    garage_partner_id = fields.Many2one(
        "res.partner",
        string="Garage",
        compute="_compute_garage_partner_id",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
    )
    undesignated = fields.Boolean(
        string="Not the designated garage", compute="_compute_flags", store=True
    )
    undesignated_reason = fields.Text(string="Why another garage")
    is_major = fields.Boolean(
        string="Major repair", compute="_compute_flags", store=True
    )
    leader_id = fields.Many2one(
        "res.users",
        string="Leader in charge of the office",
        required=True,
        tracking=True,
        domain=lambda self: [
            ("groups_id", "in", self.env.ref("office_base.group_office_leader").id)
        ],
    )
    finance_leader_id = fields.Many2one(
        "res.users",
        string="Leader in charge of finance",
        tracking=True,
        domain=lambda self: [
            ("groups_id", "in", self.env.ref("office_base.group_office_leader").id)
        ],
    )
    state = fields.Selection(
        REPAIR_STATES,
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    date_done = fields.Date(readonly=True, copy=False)
    service_log_id = fields.Many2one(
        "fleet.vehicle.log.services", readonly=True, copy=False
    )
    cost_ids = fields.One2many("office.fleet.cost", "repair_id", readonly=True)
    move_id = fields.Many2one(
        "account.move", string="Vendor bill", compute="_compute_move_id"
    )
    refused_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    approver_ids = fields.Many2many(
        "res.users", string="Approved by", compute="_compute_approver_ids"
    )

    @api.depends("vehicle_id")
    def _compute_garage_partner_id(self):
        for repair in self:
            if not repair.garage_partner_id:
                repair.garage_partner_id = repair.vehicle_id.garage_partner_id

    @api.depends("garage_partner_id", "estimated_amount", "vehicle_id")
    def _compute_flags(self):
        """Computed from fields locked after submission (and again at
        submission), so that the route of an approval round never changes."""
        for repair in self:
            repair.undesignated = bool(
                repair.garage_partner_id
                and repair.garage_partner_id != repair.vehicle_id.garage_partner_id
            )
            threshold = repair.company_id.office_fleet_major_repair_amount
            repair.is_major = bool(threshold and repair.estimated_amount >= threshold)

    @api.depends("name", "vehicle_id")
    def _compute_display_name(self):
        for repair in self:
            repair.display_name = " ".join(
                p for p in (repair.name, repair.vehicle_id.license_plate) if p
            )

    @api.depends("cost_ids.move_id")
    def _compute_move_id(self):
        for repair in self:
            repair.move_id = repair.sudo().cost_ids.move_id[:1]

    @api.depends("review_ids.status", "review_ids.done_by")
    def _compute_approver_ids(self):
        for repair in self:
            reviews = repair.sudo().review_ids.filtered(
                lambda r: r.status == "approved"
            )
            repair.approver_ids = reviews.sorted("sequence").done_by

    @api.constrains("estimated_amount", "amount")
    def _check_amounts(self):
        if any(r.estimated_amount < 0 or r.amount < 0 for r in self):
            raise ValidationError(self.env._("Repair amounts cannot be negative."))

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

    def action_start(self):
        """The car goes to the garage."""
        return self._workflow_run("start")

    def action_done(self):
        for repair in self:
            repair.register_done(repair.amount or repair.estimated_amount)
        return True

    def register_done(self, amount):
        """The repair is finished at `amount`: creates the fleet service log
        and the cost; usable over XML-RPC."""
        self.ensure_one()
        return self._workflow_run("done", amount=amount)

    def action_cancel(self):
        return self._workflow_run("cancel")

    def action_draft(self):
        return self._workflow_run("draft")

    # ------------------------------------------------------------------
    # Transitions: checks and steps
    # ------------------------------------------------------------------

    def _check_can_submit(self):
        # the route of the approval round is fixed at submission
        self.sudo()._compute_flags()
        for repair in self:
            if not repair.garage_partner_id:
                raise UserError(self.env._("Name the garage."))
            if repair.undesignated and not (repair.undesignated_reason or "").strip():
                raise UserError(
                    self.env._(
                        "%(garage)s is not the designated garage of %(car)s: give the "
                        "reason; the principal leader decides.",
                        garage=repair.garage_partner_id.name,
                        car=repair.vehicle_id.license_plate,
                    )
                )
            if repair.is_major and not repair.finance_leader_id:
                raise UserError(
                    self.env._(
                        "A major repair is approved by the leader in charge of finance "
                        "too: name him or her."
                    )
                )

    def _do_refuse(self):
        self._workflow_set_state("refuse", {"refused_by_id": self.env.user.id})

    def _check_can_start(self):
        for repair in self:
            if repair.validation_status != "validated":
                raise UserError(
                    self.env._(
                        "“%(repair)s” is not approved.", repair=repair.display_name
                    )
                )

    def _do_start(self):
        self._workflow_set_state("start")
        self.vehicle_id.sudo().write({"office_state": "repair"})

    def _check_can_done(self, amount=0.0):
        if (amount or 0) < 0:
            raise ValidationError(self.env._("Repair amounts cannot be negative."))

    def _do_done(self, amount=0.0):
        self.ensure_one()
        today = fields.Date.context_today(self)
        service_type = self.env.ref("office_fleet.fleet_service_type_office_repair")
        log = (
            self.env["fleet.vehicle.log.services"]
            .sudo()
            .create(
                {
                    "vehicle_id": self.vehicle_id.id,
                    "service_type_id": service_type.id,
                    "description": self.description[:200],
                    "amount": amount,
                    "vendor_id": self.garage_partner_id.id,
                    "date": today,
                    "state": "done",
                    "company_id": self.company_id.id,
                }
            )
        )
        self._workflow_set_state(
            "done",
            {
                "amount": amount,
                "date_done": today,
                "service_log_id": log.id,
            },
        )
        if amount:
            self.env["office.fleet.cost"].sudo().create(
                {
                    "vehicle_id": self.vehicle_id.id,
                    "repair_id": self.id,
                    "cost_type": "repair",
                    "amount": amount,
                    "date": today,
                    "partner_id": self.garage_partner_id.id,
                    "name": self.env._("Repair %(repair)s", repair=self.name),
                }
            )
        if self.vehicle_id.office_state == "repair":
            self.vehicle_id.sudo().office_state = "available"

    def _do_draft(self, **kwargs):
        return super()._do_draft(vals={"refused_by_id": False})
