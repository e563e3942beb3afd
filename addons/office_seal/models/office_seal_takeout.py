from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools.translate import LazyTranslate

from odoo.addons.office_base.models.office_request_mixin import request_transitions

from .office_seal_use_request import USE_CATEGORIES

_lt = LazyTranslate(__name__)

TAKEOUT_STATES = [
    ("draft", "Draft"),
    ("to_approve", "To approve"),
    ("approved", "Approved"),
    ("out", "Out"),
    ("returned", "Returned"),
    ("refused", "Refused"),
    ("cancel", "Cancelled"),
]


class OfficeSealTakeout(models.Model):
    """Taking a seal out of the agency (公章外带, 公章管理制度 art. 8): only with
    the principal leader's approval and by at least two people together; the
    seal is shown as out until the keeper checks it back in; the keeper is
    reminded when the return is overdue. Impressions made outside are written
    to the seal ledger at the return.

    Rights: staff see the take-outs they asked for or take part in; keepers
    those of their seals (they hand the seal out and check it in); the
    principal leader approves; the office director sees all."""

    _name = "office.seal.takeout"
    _description = "Seal Take-out"
    _inherit = ["office.request.mixin"]
    _order = "id desc"
    _check_company_auto = True
    _workflow_sequence_code = "office.seal.takeout"
    _workflow_transitions = request_transitions(
        hand_out={"from": ("approved",), "to": "out", "label": _lt("hand out")},
        check_in={"from": ("out",), "to": "returned", "label": _lt("check in")},
    )
    _workflow_locked_fields = (
        "seal_id",
        "applicant_id",
        "department_id",
        "companion_ids",
        "purpose",
        "use_category",
        "destination",
        "date_out",
        "expected_return",
        "company_id",
    )

    seal_id = fields.Many2one(
        "office.seal",
        required=True,
        check_company=True,
        domain=[("state", "=", "active")],
        tracking=True,
        index=True,
    )
    companion_ids = fields.Many2many(
        "res.users",
        "office_seal_takeout_companion_rel",
        "takeout_id",
        "user_id",
        string="People in charge",
        help="At least two people take the seal out together and answer for its use.",
    )
    purpose = fields.Text(required=True)
    use_category = fields.Selection(
        USE_CATEGORIES,
    )
    destination = fields.Char()
    date_out = fields.Datetime(
        string="Leaves on", required=True, default=fields.Datetime.now
    )
    expected_return = fields.Datetime(required=True)
    state = fields.Selection(
        TAKEOUT_STATES,
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    handed_out_at = fields.Datetime(readonly=True, copy=False)
    handed_out_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    returned_at = fields.Datetime(readonly=True, copy=False, tracking=True)
    returned_to_id = fields.Many2one(
        "res.users", string="Checked in by", readonly=True, copy=False
    )
    impressions_used = fields.Integer(
        string="Impressions made outside", readonly=True, copy=False
    )
    return_note = fields.Text(readonly=True, copy=False)
    is_overdue = fields.Boolean(
        compute="_compute_is_overdue", search="_search_is_overdue", string="Overdue"
    )
    is_keeper = fields.Boolean(compute="_compute_is_keeper")
    approver_ids = fields.Many2many(
        "res.users", string="Approved by", compute="_compute_approver_ids"
    )
    ledger_ids = fields.One2many(
        "office.seal.ledger", "takeout_id", string="Ledger entries", readonly=True
    )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------

    @api.depends("name", "seal_id")
    def _compute_display_name(self):
        for takeout in self:
            takeout.display_name = " ".join(
                part for part in (takeout.name, takeout.seal_id.name) if part
            )

    @api.depends("state", "expected_return")
    def _compute_is_overdue(self):
        now = fields.Datetime.now()
        for takeout in self:
            takeout.is_overdue = (
                takeout.state == "out" and takeout.expected_return < now
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on overdue take-outs."))
        domain = [
            ("state", "=", "out"),
            ("expected_return", "<", fields.Datetime.now()),
        ]
        if (operator == "=") != value:
            return ["!", "&", *domain]
        return domain

    @api.depends_context("uid")
    @api.depends("seal_id.custodian_id", "seal_id.deputy_custodian_id")
    def _compute_is_keeper(self):
        for takeout in self:
            takeout.is_keeper = self.env.user in (
                takeout.seal_id.custodian_id | takeout.seal_id.deputy_custodian_id
            )

    @api.depends("review_ids.status", "review_ids.done_by")
    def _compute_approver_ids(self):
        for takeout in self:
            takeout.approver_ids = takeout._office_approvers()

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def _check_can_submit(self):
        for takeout in self:
            if len(takeout.companion_ids) < 2:
                raise UserError(
                    self.env._(
                        "A seal is taken out by at least two people together: name "
                        "them (%(count)s named).",
                        count=len(takeout.companion_ids),
                    )
                )
            if takeout.expected_return <= takeout.date_out:
                raise UserError(
                    self.env._("The expected return must come after the departure.")
                )
            if takeout.seal_id.state != "active":
                raise UserError(
                    self.env._(
                        "The seal “%(seal)s” is not available.",
                        seal=takeout.seal_id.name,
                    )
                )

    def action_hand_out(self):
        return self._workflow_run("hand_out")

    def _check_can_keep(self):
        for takeout in self:
            seal = takeout.seal_id
            if self.env.user not in (seal.custodian_id | seal.deputy_custodian_id):
                raise AccessError(
                    self.env._(
                        "Only the custodian or the deputy custodian of “%(seal)s” "
                        "hands it out and checks it in.",
                        seal=seal.name,
                    )
                )

    def _check_can_hand_out(self):
        self._check_can_keep()
        for takeout in self:
            if takeout.validation_status != "validated":
                raise UserError(
                    self.env._(
                        "“%(takeout)s” is not approved by the principal leader: the "
                        "seal stays in the office.",
                        takeout=takeout.name,
                    )
                )
            if len(takeout.companion_ids) < 2:
                raise UserError(
                    self.env._("A seal is taken out by at least two people together.")
                )
            if takeout.seal_id.state != "active":
                raise UserError(
                    self.env._(
                        "The seal “%(seal)s” is not available.",
                        seal=takeout.seal_id.name,
                    )
                )

    def _do_hand_out(self):
        now = fields.Datetime.now()
        for takeout in self:
            takeout.seal_id._workflow_run("take_out", takeout=takeout)
            takeout._workflow_set_state(
                "hand_out", {"handed_out_at": now, "handed_out_by_id": self.env.user.id}
            )

    def action_return(self):
        """Open the check-in form: the impressions made outside."""
        self.ensure_one()
        self._workflow_check_from("check_in", self._workflow_spec("check_in"))
        self._check_can_keep()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Check the seal in"),
            "res_model": "office.seal.takeout.return.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_takeout_id": self.id},
        }

    def check_in(self, impressions_used, note=None):
        """The keeper checks the seal back in; impressions made outside are
        appended to the seal ledger. Usable over XML-RPC."""
        return self._workflow_run(
            "check_in", impressions_used=impressions_used, note=note
        )

    def _check_can_check_in(self, impressions_used, note=None):
        self._check_can_keep()
        if impressions_used < 0:
            raise UserError(self.env._("The number of impressions cannot be negative."))

    def _do_check_in(self, impressions_used, note=None):
        now = fields.Datetime.now()
        for takeout in self:
            if impressions_used:
                self.env["office.seal.ledger"]._append(
                    [
                        {
                            "seal_id": takeout.seal_id.id,
                            "stamped_at": now,
                            "use_category": takeout.use_category or "cat1",
                            "summary": takeout.purpose,
                            "document_ref": takeout.name,
                            "approver_ids": [
                                fields.Command.set(takeout._office_approvers().ids)
                            ],
                            "approval_note": self.env._("Used while taken out"),
                            "impressions": impressions_used,
                            "applicant_id": takeout.applicant_id.id,
                            "keeper_id": self.env.user.id,
                            "takeout_id": takeout.id,
                        }
                    ]
                )
            takeout.seal_id._workflow_run("bring_back", takeout=takeout)
            takeout._workflow_set_state(
                "check_in",
                {
                    "returned_at": now,
                    "returned_to_id": self.env.user.id,
                    "impressions_used": impressions_used,
                    "return_note": note or False,
                },
            )
        self.sudo().activity_unlink(["office_seal.mail_act_office_seal_return"])
        return True

    # ------------------------------------------------------------------
    # Scheduled action
    # ------------------------------------------------------------------

    @api.model
    def _cron_remind_overdue(self, limit=500):
        """An activity on the seal's custodian for each seal not back in time;
        one per take-out however often it runs (set-based, `limit` per run)."""
        activity_type = self.env.ref("office_seal.mail_act_office_seal_return")
        return self.sudo()._office_remind(
            [
                ("is_overdue", "=", True),
                (
                    "activity_ids",
                    "not any",
                    [("activity_type_id", "=", activity_type.id)],
                ),
            ],
            "office_seal.mail_act_office_seal_return",
            lambda takeout: takeout.seal_id.custodian_id,
            summary=self.env._("Seal not returned in time"),
            limit=limit,
        )
