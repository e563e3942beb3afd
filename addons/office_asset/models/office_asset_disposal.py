from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.translate import LazyTranslate

from odoo.addons.office_base.models.office_request_mixin import request_transitions
from odoo.addons.office_base.models.office_workflow_mixin import TRANSITION
from odoo.addons.office_base.tools import is_granted

from .office_asset import FINANCE, MANAGER

_lt = LazyTranslate(__name__)

DISPOSAL_STATES = [
    ("draft", "Draft"),
    ("to_approve", "To approve"),
    ("approved", "Approved"),
    ("done", "Done"),
    ("refused", "Refused"),
    ("cancel", "Cancelled"),
]


class OfficeAssetDisposal(models.Model):
    """Sale, scrapping, transfer or write-off of fixed assets under the
    state-asset rules (002 财务财物管理制度 五: 固定资产的购置、变卖、报废等
    按照国有资产管理制度规定执行): the office director checks, the leader in
    charge of administration and the leader in charge of finance approve
    (``tier.definition`` records). When done, the finance section's ledger
    records the decrease: the assets are disposed of, and only then.

    Rights: the applicant (an asset keeper, a manager) submits, cancels and
    resets; the reviewers decide; an asset manager or the finance section
    carries the disposal out (``done``)."""

    _name = "office.asset.disposal"
    _description = "Asset Disposal"
    _inherit = ["office.request.mixin"]
    _order = "id desc"
    _check_company_auto = True
    _workflow_owner_groups = ("office_base.group_office_director", MANAGER)
    _office_refuse_reason_field = "refuse_reason"
    _workflow_sequence_code = "office.asset.disposal"
    _workflow_transitions = request_transitions(
        done={
            "from": ("approved",),
            "to": "done",
            "groups": (MANAGER, FINANCE),
            "label": _lt("carried out"),
        },
    )
    _workflow_locked_fields = (
        "asset_ids",
        "kind",
        "reason",
        "leader_id",
        "finance_leader_id",
        "company_id",
    )

    currency_id = fields.Many2one(related="company_id.currency_id")
    kind = fields.Selection(
        [
            ("scrap", "Scrapping"),
            ("sale", "Sale"),
            ("transfer", "Transfer out"),
            ("loss", "Write-off of a loss"),
        ],
        required=True,
        default="scrap",
    )
    asset_ids = fields.Many2many(
        "office.asset", string="Assets", required=True, check_company=True
    )
    reason = fields.Text(required=True)
    historical_cost = fields.Monetary(compute="_compute_historical_cost", store=True)
    proceeds = fields.Monetary(help="What a sale brought in.")
    charged_employee_id = fields.Many2one(
        "hr.employee",
        string="Charged to",
        help="For a damage or loss caused by a person: the user or keeper who pays "
        "for it (002 财务财物管理制度 五: 由负责使用者或保管者赔偿).",
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
        DISPOSAL_STATES,
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    date_done = fields.Date(readonly=True, copy=False)

    @api.depends("asset_ids.historical_cost")
    def _compute_historical_cost(self):
        for disposal in self:
            disposal.historical_cost = sum(disposal.asset_ids.mapped("historical_cost"))

    def _check_allow_write_under_validation(self, vals):
        return is_granted(
            TRANSITION, self
        ) or super()._check_allow_write_under_validation(vals)

    def action_done(self):
        return self._workflow_run("done")

    def _check_can_submit(self):
        for disposal in self:
            if not disposal.leader_id or not disposal.finance_leader_id:
                raise UserError(
                    self.env._(
                        "Name the leaders in charge of administration and of finance "
                        "who approve the disposal."
                    )
                )
            busy = disposal.asset_ids.filtered(
                lambda a: a.state not in ("in_use", "missing")
            )
            if busy:
                raise UserError(
                    self.env._(
                        "“%(asset)s” cannot be disposed of in the state “%(state)s”.",
                        asset=busy[:1].display_name,
                        state=busy[:1]._workflow_state_label(busy[:1].state),
                    )
                )

    def _do_done(self):
        for disposal in self:
            disposal.asset_ids._workflow_run("dispose", disposal=disposal)
            disposal._workflow_set_state(
                "done", {"date_done": fields.Date.context_today(disposal)}
            )
