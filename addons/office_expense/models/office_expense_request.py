from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from odoo.addons.office_base.models.office_request_mixin import request_transitions

from .office_expense_claim_mixin import CLAIM_STATES

_lt = LazyTranslate(__name__)

SPENDING_CATEGORIES = [
    ("reception", "Official reception"),
    ("vehicle", "Official vehicles"),
    ("abroad", "Travel abroad"),
    ("travel", "Business travel"),
    ("meeting", "Meetings and training"),
    ("union", "Union funds"),
    ("office", "Office running costs"),
    ("other", "Other"),
]

PAYMENT_METHODS = [
    ("card", "Official card"),
    ("transfer", "Bank transfer"),
    ("cash", "Cash"),
]

CATEGORY_ANALYTIC = {
    "reception": "office_expense.analytic_account_reception",
    "abroad": "office_expense.analytic_account_abroad",
    "travel": "office_expense.analytic_account_travel",
}


class OfficeExpenseRequest(models.Model):
    """A spending approval (经费支出审批) under the one-pen rule (一支笔,
    002 篇4 财务财物管理制度 一, 二): the finance section confirms, the
    discipline inspection reviews, the leader in charge of finance approves
    every expense (the principal leader approves his own); a larger expense
    also needs the principal leader, a still larger one a decision of the
    agency's affairs meeting (局务会). Who approves and from which amount
    are ``tier.definition`` records. An expense from the cash limit on is
    paid by official card or transfer, never in cash.

    Rights (``office.request.mixin`` transitions, checked for the acting
    user):

    =================  ========================  =========================
    who                read                      act
    =================  ========================  =========================
    staff              own requests              create, submit, cancel,
                                                 reset to draft, claim
    reviewers          what they review          approve, refuse (tier)
    finance section    all                       —
    office director    all                       as the applicant
    =================  ========================  ========================="""

    _name = "office.expense.request"
    _description = "Spending Approval"
    _inherit = ["office.request.mixin", "office.expense.claim.mixin"]
    _order = "id desc"
    _check_company_auto = True
    _workflow_sequence_code = "office.expense.request"
    _workflow_transitions = request_transitions(
        claim={
            "from": ("approved",),
            "to": "claimed",
            "owner": True,
            "label": _lt("claim"),
        },
    )
    _workflow_locked_fields = (
        "applicant_id",
        "department_id",
        "category",
        "purpose",
        "amount",
        "payment_method",
        "date",
        "company_id",
    )

    purpose = fields.Char(required=True, tracking=True)
    category = fields.Selection(
        SPENDING_CATEGORIES, required=True, default="office", tracking=True
    )
    amount = fields.Monetary(required=True, tracking=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    payment_method = fields.Selection(
        PAYMENT_METHODS, required=True, default="card", tracking=True
    )
    date = fields.Date(
        string="Spent on",
        required=True,
        default=lambda self: self.env["office.calendar"].today(),
        tracking=True,
    )
    state = fields.Selection(
        CLAIM_STATES,
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    finance_leader_id = fields.Many2one(
        "res.users",
        string="Leader in charge of finance",
        compute="_compute_finance_leader_id",
        store=True,
        help="The one pen of the company when the request is made.",
    )
    applicant_is_finance_leader = fields.Boolean(
        compute="_compute_finance_leader_id", store=True
    )
    cash_over_limit = fields.Boolean(
        string="Cash above the limit",
        compute="_compute_cash_over_limit",
        store=True,
        help="Paid in cash although the amount reaches the company's cash limit.",
    )
    note = fields.Html()

    @api.depends("company_id", "applicant_id")
    def _compute_finance_leader_id(self):
        for request in self:
            leader = request.company_id.office_expense_finance_leader_id
            request.finance_leader_id = leader
            request.applicant_is_finance_leader = bool(
                leader and leader == request.applicant_id
            )

    @api.depends("payment_method", "amount", "company_id.office_expense_cash_limit")
    def _compute_cash_over_limit(self):
        for request in self:
            limit = request.company_id.office_expense_cash_limit
            request.cash_over_limit = bool(
                request.payment_method == "cash" and limit and request.amount >= limit
            )

    @api.depends("name", "purpose")
    def _compute_display_name(self):
        for request in self:
            request.display_name = " ".join(
                part for part in (request.name, request.purpose) if part
            )

    @api.constrains("amount")
    def _check_amount(self):
        if any(request.amount <= 0 for request in self):
            raise ValidationError(self.env._("The amount of a spending is positive."))

    # ------------------------------------------------------------------
    # Transitions
    # ------------------------------------------------------------------

    def _check_can_submit(self):
        for request in self:
            request._check_payment_method()
            if not request.finance_leader_id:
                raise UserError(
                    self.env._(
                        "Name the leader in charge of finance in the settings "
                        "first: he approves every expense."
                    )
                )

    def _check_payment_method(self):
        if self.cash_over_limit:
            raise UserError(
                self.env._(
                    "%(amount)s yuan or more are paid by official card or bank "
                    "transfer, never in cash (财务财物管理制度 二).",
                    amount=self.company_id.office_expense_cash_limit,
                )
            )

    def _claim_lines(self):
        return [
            {
                "product": "office_expense.product_spending",
                "name": self.purpose,
                "amount": self.amount,
                "analytic": CATEGORY_ANALYTIC.get(self.category, False),
            }
        ]
