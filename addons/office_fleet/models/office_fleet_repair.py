from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

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
    the cost (vendor bill under the vehicle running costs) are created."""

    _name = "office.fleet.repair"
    _description = "Official Car Repair"
    _inherit = ["office.fleet.workflow.mixin"]
    _order = "id desc"
    _check_company_auto = True
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
            repair.approver_ids = repair._approvers()

    @api.constrains("estimated_amount", "amount")
    def _check_amounts(self):
        if any(r.estimated_amount < 0 or r.amount < 0 for r in self):
            raise ValidationError(self.env._("Repair amounts cannot be negative."))

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def _check_can_submit(self):
        res = super()._check_can_submit()
        self.sudo()._compute_flags()
        for repair in self:
            if repair.reporter_id != self.env.user and not self._is_dispatcher():
                raise AccessError(self.env._("Only the reporter submits a repair."))
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

        return res

    def _on_office_validated(self):
        self.filtered(lambda r: r.state == "to_approve")._write_state(
            {"state": "approved"}
        )

    def _on_office_rejected(self):
        self.filtered(lambda r: r.state in ("to_approve", "approved"))._write_state(
            {"state": "refused", "refused_by_id": self.env.user.id}
        )

    def action_start(self):
        """The car goes to the garage."""
        for repair in self:
            if not self._is_dispatcher():
                raise AccessError(
                    self.env._("Only the dispatcher sends a car to the garage.")
                )
            if repair.state != "approved" or repair.validation_status != "validated":
                raise UserError(
                    self.env._(
                        "“%(repair)s” is not approved.", repair=repair.display_name
                    )
                )
        self._write_state({"state": "in_repair"})
        self.vehicle_id.sudo().write({"office_state": "repair"})
        return True

    def action_done(self):
        for repair in self:
            repair.register_done(repair.amount or repair.estimated_amount)
        return True

    def register_done(self, amount):
        """The repair is finished at `amount`: creates the fleet service log
        and the cost; usable over XML-RPC."""
        self.ensure_one()
        if not self._is_dispatcher():
            raise AccessError(self.env._("Only the dispatcher closes a repair."))
        if self.state != "in_repair":
            raise UserError(
                self.env._("Only a car in repair comes back from the garage.")
            )
        if amount < 0:
            raise ValidationError(self.env._("Repair amounts cannot be negative."))
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
        self._write_state(
            {
                "state": "done",
                "amount": amount,
                "date_done": today,
                "service_log_id": log.id,
            }
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
        return True

    def action_cancel(self):
        for repair in self:
            if repair.state not in ("draft", "to_approve", "approved"):
                raise UserError(self.env._("This repair can no longer be cancelled."))
            if repair.reporter_id != self.env.user and not self._is_dispatcher():
                raise AccessError(self.env._("Only the reporter cancels a repair."))
        self._write_state({"state": "cancel"})
        return True

    def action_draft(self):
        if any(r.state not in ("refused", "cancel") for r in self):
            raise UserError(
                self.env._("Only a refused or cancelled repair goes back to draft.")
            )
        self._reset_to_draft()
        return True
