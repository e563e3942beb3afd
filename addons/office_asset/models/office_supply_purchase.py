from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.translate import LazyTranslate

from odoo.addons.office_base.models.office_request_mixin import request_transitions
from odoo.addons.office_base.models.office_workflow_mixin import TRANSITION
from odoo.addons.office_base.tools import is_granted

from .office_asset import MANAGER

_lt = LazyTranslate(__name__)

PURCHASE_STATES = [
    ("draft", "Draft"),
    ("to_approve", "To approve"),
    ("approved", "Approved"),
    ("received", "Received"),
    ("refused", "Refused"),
    ("cancel", "Cancelled"),
]


class OfficeSupplyPurchase(models.Model):
    """Purchase of office supplies (002 财务财物管理制度 三): small everyday
    purchases are approved by the leader in charge of administration; a bulk
    or larger purchase (the company's amount or more, or marked bulk) is a
    list with market prices, reviewed by that leader and approved by the
    leader in charge of finance. The steps are ``tier.definition`` records.
    Received, the supplies are on hand.

    Rights: the applicant submits, cancels and resets; the reviewers decide;
    an asset manager receives the supplies."""

    _name = "office.supply.purchase"
    _description = "Office Supply Purchase"
    _inherit = ["office.request.mixin"]
    _order = "id desc"
    _check_company_auto = True
    _workflow_owner_groups = ("office_base.group_office_director", MANAGER)
    _office_refuse_reason_field = "refuse_reason"
    _workflow_sequence_code = "office.supply.purchase"
    _workflow_transitions = request_transitions(
        receive={
            "from": ("approved",),
            "to": "received",
            "groups": (MANAGER,),
            "label": _lt("received"),
        },
    )
    _workflow_locked_fields = ("bulk", "leader_id", "finance_leader_id", "company_id")

    currency_id = fields.Many2one(related="company_id.currency_id")
    purpose = fields.Char(required=True)
    line_ids = fields.One2many(
        "office.supply.purchase.line", "purchase_id", string="Purchase list", copy=True
    )
    amount_total = fields.Monetary(
        string="Total", compute="_compute_amount_total", store=True
    )
    bulk = fields.Boolean(string="Bulk purchase")
    is_large = fields.Boolean(
        string="Bulk or larger",
        compute="_compute_is_large",
        store=True,
        help="Marked bulk, or a total of the company's amount or more: the leader in "
        "charge of finance approves too (002 财务财物管理制度 三).",
    )
    leader_id = fields.Many2one(
        "res.users",
        string="Leader in charge of administration",
        default=lambda self: self.env.company.office_asset_admin_leader_id,
    )
    finance_leader_id = fields.Many2one(
        "res.users",
        string="Leader in charge of finance",
        default=lambda self: self.env.company.office_asset_finance_leader_id,
    )
    refuse_reason = fields.Text(string="Why refused", readonly=True, copy=False)
    state = fields.Selection(
        PURCHASE_STATES,
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    date_received = fields.Date(readonly=True, copy=False)

    @api.depends("line_ids.amount")
    def _compute_amount_total(self):
        for purchase in self:
            purchase.amount_total = sum(purchase.line_ids.mapped("amount"))

    @api.depends("bulk", "amount_total")
    def _compute_is_large(self):
        for purchase in self:
            threshold = purchase.company_id.office_asset_supply_bulk_amount
            purchase.is_large = purchase.bulk or purchase.amount_total >= threshold

    def _check_allow_write_under_validation(self, vals):
        return is_granted(
            TRANSITION, self
        ) or super()._check_allow_write_under_validation(vals)

    def _office_check_lines_editable(self):
        if is_granted(TRANSITION, self):
            return
        frozen = self.filtered(lambda p: p.state != "draft")
        if frozen:
            raise UserError(
                self.env._(
                    "The purchase list of %(purchase)s can no longer be changed.",
                    purchase=frozen[:1].name,
                )
            )

    def action_receive(self):
        return self._workflow_run("receive")

    def _check_can_submit(self):
        self.sudo()._compute_is_large()
        for purchase in self:
            if not purchase.line_ids:
                raise UserError(self.env._("List what to buy, with market prices."))
            if not purchase.leader_id:
                raise UserError(
                    self.env._(
                        "Name the leader in charge of administration who approves."
                    )
                )
            if purchase.is_large and not purchase.finance_leader_id:
                raise UserError(
                    self.env._(
                        "A bulk or larger purchase is approved by the leader in charge "
                        "of finance too: name him or her."
                    )
                )

    def _do_receive(self):
        self._workflow_set_state(
            "receive", {"date_received": fields.Date.context_today(self)}
        )
