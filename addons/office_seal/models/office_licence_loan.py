from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools.translate import LazyTranslate

from odoo.addons.office_base.models.office_request_mixin import request_transitions

from . import office_seal_approval as approval

_lt = LazyTranslate(__name__)

LOAN_STATES = [
    ("draft", "Draft"),
    ("to_approve", "To approve"),
    ("approved", "Approved"),
    ("out", "Lent"),
    ("returned", "Returned"),
    ("refused", "Refused"),
    ("cancel", "Cancelled"),
]


class OfficeLicenceLoan(models.Model):
    """Loan of the original of a licence (证照借用): approved by the office
    director (a ``tier.definition``), handed out and checked back in by the
    licence's custodian; the licence shows it is out; an overdue return
    raises an activity on the custodian.

    Rights: staff see the loans they asked for; custodians the loans of
    their licences (they hand out and check in); the office director sees
    all; internal control reads all."""

    _name = "office.licence.loan"
    _description = "Licence Loan"
    _inherit = ["office.request.mixin"]
    _order = "id desc"
    _check_company_auto = True
    _workflow_sequence_code = "office.licence.loan"
    _workflow_transitions = request_transitions(
        hand_out={"from": ("approved",), "to": "out", "label": _lt("hand out")},
        check_in={"from": ("out",), "to": "returned", "label": _lt("check in")},
    )
    _workflow_locked_fields = (
        "licence_id",
        "applicant_id",
        "department_id",
        "purpose",
        "date_out",
        "expected_return",
        "company_id",
    )

    licence_id = fields.Many2one(
        "office.licence", required=True, check_company=True, index=True, tracking=True
    )
    custodian_id = fields.Many2one(related="licence_id.custodian_id")
    purpose = fields.Text(required=True)
    date_out = fields.Datetime(
        string="Needed from", required=True, default=fields.Datetime.now
    )
    expected_return = fields.Datetime(required=True, tracking=True)
    state = fields.Selection(
        LOAN_STATES,
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    handed_out_at = fields.Datetime(readonly=True, copy=False)
    returned_at = fields.Datetime(readonly=True, copy=False, tracking=True)
    returned_to_id = fields.Many2one(
        "res.users", string="Checked in by", readonly=True, copy=False
    )
    return_note = fields.Text(readonly=True, copy=False)
    is_overdue = fields.Boolean(
        compute="_compute_is_overdue", search="_search_is_overdue", string="Overdue"
    )
    approver_ids = fields.Many2many(
        "res.users", string="Approved by", compute="_compute_approver_ids"
    )
    is_custodian = fields.Boolean(
        compute="_compute_is_custodian", help="The current user keeps the licence."
    )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------

    @api.depends("name", "licence_id")
    def _compute_display_name(self):
        for loan in self:
            loan.display_name = " ".join(
                part for part in (loan.name, loan.licence_id.name) if part
            )

    @api.depends("state", "expected_return")
    def _compute_is_overdue(self):
        now = fields.Datetime.now()
        for loan in self:
            loan.is_overdue = loan.state == "out" and loan.expected_return < now

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on overdue loans."))
        domain = [
            ("state", "=", "out"),
            ("expected_return", "<", fields.Datetime.now()),
        ]
        if (operator == "=") != value:
            return ["!", "&", *domain]
        return domain

    @api.depends_context("uid")
    @api.depends("licence_id.custodian_id")
    def _compute_is_custodian(self):
        for loan in self:
            loan.is_custodian = self.env.user == loan.licence_id.custodian_id

    @api.depends("review_ids.status", "review_ids.done_by")
    def _compute_approver_ids(self):
        for loan in self:
            loan.approver_ids = loan._office_approvers()

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def _check_can_submit(self):
        for loan in self:
            if loan.expected_return <= loan.date_out:
                raise UserError(
                    self.env._("The expected return must come after the loan.")
                )
            if loan.licence_id.sudo().state == "expired":
                raise UserError(
                    self.env._(
                        "“%(licence)s” has expired: it cannot be lent.",
                        licence=loan.licence_id.name,
                    )
                )

    def _check_can_keep(self):
        for loan in self:
            if not (
                self.env.user == loan.licence_id.custodian_id
                or approval.is_director(self.env)
            ):
                raise AccessError(
                    self.env._(
                        "Only the custodian of “%(licence)s” hands it out and checks "
                        "it in.",
                        licence=loan.licence_id.name,
                    )
                )

    def action_hand_out(self):
        return self._workflow_run("hand_out")

    def _check_can_hand_out(self):
        self._check_can_keep()
        for loan in self:
            if loan.validation_status != "validated":
                raise UserError(
                    self.env._(
                        "“%(loan)s” is not approved: the original stays in the office.",
                        loan=loan.name,
                    )
                )
            if loan.licence_id.sudo().current_loan_id:
                raise UserError(
                    self.env._(
                        "“%(licence)s” is already lent (%(loan)s).",
                        licence=loan.licence_id.name,
                        loan=loan.licence_id.sudo().current_loan_id.name,
                    )
                )

    def _do_hand_out(self):
        now = fields.Datetime.now()
        for loan in self:
            loan.licence_id._set_current_loan(loan)
            loan._workflow_set_state("hand_out", {"handed_out_at": now})
        return True

    def check_in(self, note=None):
        """The custodian checks the original back in; usable over XML-RPC."""
        return self._workflow_run("check_in", note=note)

    def _check_can_check_in(self, note=None):
        self._check_can_keep()

    def _do_check_in(self, note=None):
        now = fields.Datetime.now()
        for loan in self:
            loan.licence_id._set_current_loan(self.browse())
            loan._workflow_set_state(
                "check_in",
                {
                    "returned_at": now,
                    "returned_to_id": self.env.user.id,
                    "return_note": note or False,
                },
            )
        self.sudo().activity_unlink(["office_seal.mail_act_office_licence_return"])
        return True

    def action_return(self):
        return self.check_in()

    # ------------------------------------------------------------------
    # Scheduled action
    # ------------------------------------------------------------------

    @api.model
    def _cron_remind_overdue(self, limit=500):
        """An activity on the licence's custodian for each original not back
        in time; one per loan however often it runs (`limit` per run)."""
        activity_type = self.env.ref("office_seal.mail_act_office_licence_return")
        return self.sudo()._office_remind(
            [
                ("is_overdue", "=", True),
                (
                    "activity_ids",
                    "not any",
                    [("activity_type_id", "=", activity_type.id)],
                ),
            ],
            "office_seal.mail_act_office_licence_return",
            lambda loan: loan.licence_id.custodian_id,
            summary=lambda loan: loan._overdue_summary(),
            limit=limit,
        )

    def _overdue_summary(self):
        """In the custodian's language: the cron runs in none."""
        self.ensure_one()
        lang = self.licence_id.custodian_id.lang or self.env.lang
        return self.with_context(lang=lang).env._(
            "Original licence not returned in time"
        )
