from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from odoo.addons.office_base.models.office_request_mixin import request_transitions

from .office_expense_claim_mixin import CLAIM_STATES

_lt = LazyTranslate(__name__)

TRAVEL_BASIS = [
    ("notice", "Meeting notice"),
    ("invitation", "Invitation"),
    ("survey", "Survey"),
    ("order", "Dispatch order"),
]


class OfficeExpenseTravel(models.Model):
    """A business trip (公务出差, 002 篇4 公务出差管理制度): its approval form
    (出差审批单) and its claim (差旅费).

    The trip rests on a meeting notice, an invitation, a survey or a dispatch
    order; the office director, the leader in charge and the principal
    leader approve it (``tier.definition`` records). Transport above the
    standard class needs the principal leader beforehand, else the
    difference is personal. The allowances come from the dated standards
    (``office.expense.standard``) of the destination region: the meal
    allowance for every calendar day of the trip, the local transport
    allowance for every day without an official car. Lodging is claimed
    within the region's standard per night. The claim is due within the
    claim days after the return.

    Rights: as ``office.expense.request``."""

    _name = "office.expense.travel"
    _description = "Business Trip"
    _inherit = ["office.request.mixin", "office.expense.claim.mixin"]
    _order = "date_start desc, id desc"
    _check_company_auto = True
    _claim_reference_field = "date_end"
    _workflow_sequence_code = "office.expense.travel"
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
        "region_id",
        "destination",
        "purpose",
        "basis",
        "date_start",
        "date_end",
        "transport_above_standard",
        "leader_id",
        "company_id",
    )

    purpose = fields.Char(string="Matter", required=True, tracking=True)
    destination = fields.Char(required=True, tracking=True)
    region_id = fields.Many2one(
        "office.expense.region",
        required=True,
        tracking=True,
        ondelete="restrict",
    )
    basis = fields.Selection(
        TRAVEL_BASIS, string="Based on", required=True, default="notice", tracking=True
    )
    basis_ref = fields.Char(string="Reference of the basis", tracking=True)
    date_start = fields.Date(string="Leave on", required=True, tracking=True)
    date_end = fields.Date(string="Return on", required=True, tracking=True)
    days = fields.Integer(
        compute="_compute_days", store=True, help="Calendar days of the trip."
    )
    official_car_days = fields.Integer(
        string="Days by official car",
        tracking=True,
        help="Days of the trip on which the traveller used an official car: no "
        "local transport allowance for them.",
    )
    transport_above_standard = fields.Boolean(
        string="Transport above the standard class",
        tracking=True,
        help="Above train hard seat or sleeper, high-speed second class, ship third "
        "class or economy flights: the principal leader approves it beforehand.",
    )
    leader_id = fields.Many2one(
        "res.users",
        string="Leader in charge",
        tracking=True,
        domain=lambda self: [
            ("groups_id", "in", self.env.ref("office_base.group_office_leader").id)
        ],
    )
    meal_allowance = fields.Monetary(
        compute="_compute_allowances",
        store=True,
        help="Meal allowance per day of the region's standard, every calendar day.",
    )
    transport_allowance = fields.Monetary(
        string="Local transport allowance",
        compute="_compute_allowances",
        store=True,
        help="Local transport allowance per day, except the days by official car.",
    )
    lodging_amount = fields.Monetary(string="Lodging", tracking=True)
    ticket_amount = fields.Monetary(string="Tickets", tracking=True)
    amount_total = fields.Monetary(
        string="Total", compute="_compute_amount_total", store=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    state = fields.Selection(
        CLAIM_STATES,
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )

    @api.depends("date_start", "date_end")
    def _compute_days(self):
        for travel in self:
            travel.days = (
                (travel.date_end - travel.date_start).days + 1
                if travel.date_start and travel.date_end
                else 0
            )

    @api.depends("days", "official_car_days", "region_id", "date_start")
    def _compute_allowances(self):
        Standard = self.env["office.expense.standard"]
        for travel in self:
            meal = transport = 0.0
            if travel.days and travel.region_id:
                day, region = travel.date_start, travel.region_id
                company = travel.company_id
                meal_rate = Standard._find(
                    "travel_meal", day, region=region, company=company
                )
                transport_rate = Standard._find(
                    "travel_transport", day, region=region, company=company
                )
                meal = meal_rate.amount * travel.days
                transport = transport_rate.amount * max(
                    travel.days - travel._car_days(), 0
                )
            travel.meal_allowance = meal
            travel.transport_allowance = transport

    def _car_days(self):
        """Days of the trip by official car, without local transport
        allowance."""
        return self.official_car_days

    @api.depends(
        "meal_allowance", "transport_allowance", "lodging_amount", "ticket_amount"
    )
    def _compute_amount_total(self):
        for travel in self:
            travel.amount_total = (
                travel.meal_allowance
                + travel.transport_allowance
                + travel.lodging_amount
                + travel.ticket_amount
            )

    @api.depends("date_end", "company_id.office_expense_claim_days")
    def _compute_claim_deadline(self):
        return super()._compute_claim_deadline()

    @api.depends("name", "destination", "purpose")
    def _compute_display_name(self):
        for travel in self:
            travel.display_name = " ".join(
                part
                for part in (travel.name, travel.destination, travel.purpose)
                if part
            )

    @api.constrains("date_start", "date_end", "official_car_days")
    def _check_dates(self):
        for travel in self:
            if travel.date_end < travel.date_start:
                raise ValidationError(
                    self.env._("A trip returns after it leaves: check the dates.")
                )
            if not 0 <= travel.official_car_days <= travel.days:
                raise ValidationError(
                    self.env._(
                        "The days by official car are between none and the days of "
                        "the trip."
                    )
                )

    @api.constrains("lodging_amount", "ticket_amount")
    def _check_amounts(self):
        for travel in self:
            if travel.lodging_amount < 0 or travel.ticket_amount < 0:
                raise ValidationError(self.env._("An amount cannot be negative."))

    # ------------------------------------------------------------------
    # Transitions
    # ------------------------------------------------------------------

    def _check_can_submit(self):
        for travel in self:
            if not travel.leader_id:
                raise UserError(
                    self.env._(
                        "Name the leader in charge, who agrees to the trip "
                        "(公务出差管理制度)."
                    )
                )

    def _check_can_claim(self):
        res = super()._check_can_claim()
        for travel in self:
            travel._check_lodging()
        return res

    def _check_lodging(self):
        nights = self.days - 1
        if not self.lodging_amount:
            return
        rate = self.env["office.expense.standard"]._amount(
            "travel_lodging",
            self.date_start,
            region=self.region_id,
            company=self.company_id,
        )
        limit = rate * nights
        if self.currency_id.compare_amounts(self.lodging_amount, limit) > 0:
            raise UserError(
                self.env._(
                    "Lodging of %(amount).2f yuan for %(nights)s nights in %(region)s "
                    "is above the standard of %(rate).2f yuan a night "
                    "(公务出差管理制度).",
                    amount=self.lodging_amount,
                    nights=nights,
                    region=self.region_id.name,
                    rate=rate,
                )
            )

    def _claim_lines(self):
        analytic = "office_expense.analytic_account_travel"
        return [
            {
                "product": "office_expense.product_travel_meal",
                "name": self.env._("Meal allowance, %(days)s days", days=self.days),
                "amount": self.meal_allowance,
                "analytic": analytic,
            },
            {
                "product": "office_expense.product_travel_transport",
                "name": self.env._(
                    "Local transport allowance, %(days)s days",
                    days=self.days - self._car_days(),
                ),
                "amount": self.transport_allowance,
                "analytic": analytic,
            },
            {
                "product": "office_expense.product_travel_lodging",
                "name": self.env._("Lodging"),
                "amount": self.lodging_amount,
                "analytic": analytic,
            },
            {
                "product": "office_expense.product_travel_ticket",
                "name": self.env._("Tickets"),
                "amount": self.ticket_amount,
                "analytic": analytic,
            },
        ]
