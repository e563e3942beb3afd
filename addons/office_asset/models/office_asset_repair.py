from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from odoo.addons.office_base.models.office_request_mixin import request_transitions
from odoo.addons.office_base.models.office_workflow_mixin import TRANSITION
from odoo.addons.office_base.tools import is_granted

from .office_asset import MANAGER

_lt = LazyTranslate(__name__)

REPAIR_STATES = [
    ("draft", "Draft"),
    ("to_approve", "To approve"),
    ("approved", "Approved"),
    ("in_repair", "In repair"),
    ("done", "Done"),
    ("refused", "Refused"),
    ("cancel", "Cancelled"),
]


class OfficeAssetRepair(models.Model):
    """Repair of office equipment (002 水电卫生管理制度 七; 004 一(五)): the
    fault is checked by the office, approved by the leader in charge of
    administration and, above the company's amount (500 yuan), also by the
    leader in charge of finance — ``tier.definition`` records. The designated
    supplier repairs; the repair is an Odoo maintenance request on the
    asset's equipment, so the history stays with the asset. Official cars
    are repaired in office_fleet.

    Rights: the reporter (or an asset manager) submits, cancels and resets;
    the reviewers decide; an asset manager sends the equipment to repair and
    closes the repair with its final cost."""

    _name = "office.asset.repair"
    _description = "Equipment Repair"
    _inherit = ["office.request.mixin"]
    _order = "id desc"
    _check_company_auto = True
    _workflow_owner_groups = ("office_base.group_office_director", MANAGER)
    _office_refuse_reason_field = "refuse_reason"
    _workflow_sequence_code = "office.asset.repair"
    _workflow_transitions = request_transitions(
        start={
            "from": ("approved",),
            "to": "in_repair",
            "groups": (MANAGER,),
            "label": _lt("sent to repair"),
        },
        done={
            "from": ("in_repair",),
            "to": "done",
            "groups": (MANAGER,),
            "label": _lt("closed"),
        },
    )
    _workflow_activities = {
        "approved": (
            "office_asset.mail_activity_repair_start",
            "_office_asset_managers",
        ),
    }
    _workflow_locked_fields = (
        "asset_id",
        "description",
        "estimated_amount",
        "leader_id",
        "finance_leader_id",
        "company_id",
    )

    currency_id = fields.Many2one(related="company_id.currency_id")
    asset_id = fields.Many2one(
        "office.asset", required=True, index=True, check_company=True
    )
    description = fields.Text(string="Fault", required=True)
    estimated_amount = fields.Monetary(string="Estimate", required=True, tracking=True)
    amount = fields.Monetary(string="Final cost", copy=False, tracking=True)
    supplier_id = fields.Many2one(
        "res.partner",
        string="Repaired by",
        default=lambda self: self.env.company.office_asset_repair_partner_id,
        tracking=True,
    )
    needs_finance = fields.Boolean(
        string="Finance approves",
        compute="_compute_needs_finance",
        store=True,
        help="Estimated above the company's repair amount: the leader in charge of "
        "finance approves too (002 水电卫生管理制度 七).",
    )
    leader_id = fields.Many2one(
        "res.users",
        string="Leader in charge of administration",
        default=lambda self: self.env.company.office_asset_admin_leader_id,
        tracking=True,
    )
    finance_leader_id = fields.Many2one(
        "res.users",
        string="Leader in charge of finance",
        default=lambda self: self.env.company.office_asset_finance_leader_id,
        tracking=True,
    )
    refuse_reason = fields.Text(string="Why refused", readonly=True, copy=False)
    state = fields.Selection(
        REPAIR_STATES,
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    maintenance_request_id = fields.Many2one(
        "maintenance.request", string="Maintenance request", readonly=True, copy=False
    )
    date_done = fields.Date(readonly=True, copy=False)
    approver_ids = fields.Many2many(
        "res.users", string="Approved by", compute="_compute_approver_ids"
    )

    @api.depends("estimated_amount")
    def _compute_needs_finance(self):
        """From a field locked after submission, and computed again at
        submission: the route of a round never changes."""
        for repair in self:
            threshold = repair.company_id.office_asset_repair_finance_amount
            repair.needs_finance = repair.estimated_amount > threshold

    @api.depends("review_ids.status", "review_ids.done_by")
    def _compute_approver_ids(self):
        for repair in self:
            repair.approver_ids = repair._office_approvers()

    @api.constrains("estimated_amount", "amount")
    def _check_amounts(self):
        if any(r.estimated_amount < 0 or r.amount < 0 for r in self):
            raise ValidationError(self.env._("Repair amounts cannot be negative."))

    def _check_allow_write_under_validation(self, vals):
        return is_granted(
            TRANSITION, self
        ) or super()._check_allow_write_under_validation(vals)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_start(self):
        return self._workflow_run("start")

    def action_done(self):
        for repair in self:
            repair.register_done(repair.amount or repair.estimated_amount)
        return True

    def register_done(self, amount):
        """The repair is finished at `amount`; usable over XML-RPC."""
        self.ensure_one()
        return self._workflow_run("done", amount=amount)

    # ------------------------------------------------------------------
    # Transitions
    # ------------------------------------------------------------------

    def _office_asset_managers(self):
        """The asset managers: they send the equipment to repair."""
        return self.env.ref(MANAGER).users

    def _check_can_submit(self):
        self.sudo()._compute_needs_finance()
        for repair in self:
            if repair.asset_id.state != "in_use":
                raise UserError(
                    self.env._(
                        "“%(asset)s” is not in use: it cannot be repaired.",
                        asset=repair.asset_id.display_name,
                    )
                )
            if not repair.leader_id:
                raise UserError(
                    self.env._(
                        "Name the leader in charge of administration who approves."
                    )
                )
            if repair.needs_finance and not repair.finance_leader_id:
                raise UserError(
                    self.env._(
                        "A repair above %(amount)s is approved by the leader in charge "
                        "of finance too: name him or her.",
                        amount=repair.company_id.office_asset_repair_finance_amount,
                    )
                )

    def _do_start(self):
        for repair in self:
            repair.asset_id._office_ensure_equipment()
            request = (
                self.env["maintenance.request"]
                .sudo()
                .create(
                    {
                        "name": f"{repair.name} {repair.asset_id.name}",
                        "equipment_id": repair.asset_id.equipment_id.id,
                        "maintenance_type": "corrective",
                        "description": repair.description,
                        "request_date": fields.Date.context_today(repair),
                        "company_id": repair.company_id.id,
                    }
                )
            )
            # the reporter follows the repair in Odoo maintenance too
            request.message_subscribe(partner_ids=repair.applicant_id.partner_id.ids)
            repair._workflow_set_state("start", {"maintenance_request_id": request.id})

    def _check_can_done(self, amount=0.0):
        if (amount or 0) < 0:
            raise ValidationError(self.env._("Repair amounts cannot be negative."))

    def _do_done(self, amount=0.0):
        self.ensure_one()
        done_stage = self.env["maintenance.stage"].search(
            [("done", "=", True)], limit=1
        )
        if self.maintenance_request_id and done_stage:
            self.maintenance_request_id.sudo().write(
                {
                    "stage_id": done_stage.id,
                    "close_date": fields.Date.context_today(self),
                }
            )
        self._workflow_set_state(
            "done",
            {"amount": amount, "date_done": fields.Date.context_today(self)},
        )
