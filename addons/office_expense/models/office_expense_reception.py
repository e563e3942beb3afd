from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from odoo.addons.office_base.models.office_request_mixin import request_transitions

from .office_expense_claim_mixin import CLAIM_STATES
from .office_expense_standard import GUEST_RANKS

_lt = LazyTranslate(__name__)

#: guests of division level and above make an important reception
IMPORTANT_RANKS = ("minister", "bureau", "division")

BASIS_DOCUMENTS = [
    ("letter", "Official letter"),
    ("invitation", "Invitation"),
    ("notice", "Meeting notice"),
]


class OfficeExpenseReception(models.Model):
    """An official reception (公务接待, 002 篇4 公务接待管理制度) and its plan:
    the guests, their sending unit's letter, the meals and rooms planned.

    A general reception (guests of section level and below) is reported to
    the office and by the office to the leader in charge of administration;
    an important one (division level and above) also to the leader in charge
    of finance and the principal leader, who approve its plan first. The
    steps are ``tier.definition`` records.

    The plan is checked against the rules at submission and again when its
    reviewers approve it: meals and rooms within the standard of the guests'
    rank (``office.expense.standard``), hosts at the table within the limit
    of the company settings, no meals for guests from the same city, no
    rooms for guests from the county, alcohol only as the rule allows. The
    claim needs the guest list to match the letter and is due within the
    claim days after the reception.

    Rights: as ``office.expense.request``."""

    _name = "office.expense.reception"
    _description = "Official Reception"
    _inherit = ["office.request.mixin", "office.expense.claim.mixin"]
    _order = "date_start desc, id desc"
    _check_company_auto = True
    _claim_reference_field = "date_end"
    _workflow_sequence_code = "office.expense.reception"
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
        "guest_unit",
        "guest_rank",
        "activity",
        "place",
        "date_start",
        "date_end",
        "same_city",
        "same_county",
        "alcohol",
        "line_ids",
        "company_id",
    )

    guest_unit = fields.Char(string="Guests' unit", required=True, tracking=True)
    guest_rank = fields.Selection(
        GUEST_RANKS,
        string="Rank of the guests",
        required=True,
        default="section",
        tracking=True,
        help="The rank of the highest guest decides the standards.",
    )
    reception_type = fields.Selection(
        [("general", "General reception"), ("important", "Important reception")],
        compute="_compute_reception_type",
        store=True,
        help="Guests of division level and above make an important reception.",
    )
    activity = fields.Char(required=True, tracking=True)
    place = fields.Char()
    date_start = fields.Date(string="From", required=True, tracking=True)
    date_end = fields.Date(string="Until", required=True, tracking=True)
    basis = fields.Selection(
        BASIS_DOCUMENTS,
        string="Based on",
        required=True,
        default="letter",
        tracking=True,
    )
    basis_ref = fields.Char(
        string="Letter reference",
        tracking=True,
        help="The sending unit's official letter, invitation or meeting notice.",
    )
    letter_guest_count = fields.Integer(
        string="Guests in the letter",
        tracking=True,
        help="Number of guests the letter names: the reception list must match it.",
    )
    same_city = fields.Boolean(
        string="Guests from the same city",
        tracking=True,
        help="Guests from the same city are given no meals.",
    )
    same_county = fields.Boolean(
        string="Guests from the county",
        tracking=True,
        help="Guests from within the county are given no rooms.",
    )
    alcohol = fields.Boolean(
        string="Alcohol at dinner",
        tracking=True,
        help="Only at a dinner of investment promotion, with the county discipline "
        "commission's consent, recorded here.",
    )
    alcohol_consent = fields.Char(
        string="Discipline commission consent",
        tracking=True,
    )
    guest_ids = fields.One2many(
        "office.expense.reception.guest", "reception_id", string="Reception list"
    )
    guest_count = fields.Integer(compute="_compute_guest_count", store=True)
    line_ids = fields.One2many(
        "office.expense.reception.line", "reception_id", string="Meals and rooms"
    )
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
    admin_leader_id = fields.Many2one(
        "res.users",
        string="Leader in charge of administration",
        compute="_compute_leaders",
        store=True,
    )
    finance_leader_id = fields.Many2one(
        "res.users",
        string="Leader in charge of finance",
        compute="_compute_leaders",
        store=True,
    )

    @api.depends("guest_rank")
    def _compute_reception_type(self):
        for reception in self:
            reception.reception_type = (
                "important" if reception.guest_rank in IMPORTANT_RANKS else "general"
            )

    @api.depends("guest_ids")
    def _compute_guest_count(self):
        for reception in self:
            reception.guest_count = len(reception.guest_ids)

    @api.depends("line_ids.amount")
    def _compute_amount_total(self):
        for reception in self:
            reception.amount_total = sum(reception.line_ids.mapped("amount"))

    @api.depends("company_id")
    def _compute_leaders(self):
        for reception in self:
            company = reception.company_id
            reception.admin_leader_id = company.office_expense_admin_leader_id
            reception.finance_leader_id = company.office_expense_finance_leader_id

    @api.depends("date_end", "company_id.office_expense_claim_days")
    def _compute_claim_deadline(self):
        return super()._compute_claim_deadline()

    @api.depends("name", "guest_unit", "activity")
    def _compute_display_name(self):
        for reception in self:
            reception.display_name = " ".join(
                part
                for part in (reception.name, reception.guest_unit, reception.activity)
                if part
            )

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for reception in self:
            if reception.date_end < reception.date_start:
                raise ValidationError(
                    self.env._("A reception ends after it starts: check the dates.")
                )

    def _check_plan_editable(self):
        frozen = self.filtered(lambda r: r.state not in self._workflow_editable_states)
        if frozen:
            raise UserError(
                self.env._(
                    "%(record)s can no longer be changed in the state “%(state)s”.",
                    record=frozen[:1].display_name,
                    state=self._workflow_state_label(frozen[:1].state),
                )
            )

    # ------------------------------------------------------------------
    # The rules
    # ------------------------------------------------------------------

    def _check_rules(self):
        """Raise the first breach of the reception rules, naming the rule."""
        for reception in self:
            if not reception.line_ids:
                raise UserError(
                    self.env._("Plan the meals and rooms of the reception first.")
                )
            if reception.alcohol and not reception.alcohol_consent:
                raise UserError(
                    self.env._(
                        "No alcohol at an official reception, except at a dinner of "
                        "investment promotion with the county discipline commission's "
                        "consent: record the consent (公务接待管理制度)."
                    )
                )
            reception.line_ids._check_rules()

    def _check_can_submit(self):
        self._check_rules()

    def _check_can_approve(self, **kwargs):
        res = super()._check_can_approve(**kwargs)
        # the standards may have changed since the submission
        self._check_rules()
        return res

    def _check_can_claim(self):
        res = super()._check_can_claim()
        for reception in self:
            if reception.guest_count != reception.letter_guest_count:
                raise UserError(
                    self.env._(
                        "The reception list names %(listed)s guests, the letter "
                        "%(letter)s: the list must match the letter "
                        "(公务接待管理制度).",
                        listed=reception.guest_count,
                        letter=reception.letter_guest_count,
                    )
                )
            if not reception.basis_ref:
                raise UserError(
                    self.env._(
                        "Record the sending unit's letter, invitation or meeting "
                        "notice: the claim needs it (公务接待管理制度)."
                    )
                )
        return res

    def _claim_lines(self):
        return [
            {
                "product": "office_expense.product_reception",
                "name": line.display_name,
                "amount": line.amount,
                "analytic": "office_expense.analytic_account_reception",
            }
            for line in self.line_ids
        ]
