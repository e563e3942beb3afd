from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools.translate import LazyTranslate

from . import office_seal_approval as approval

_lt = LazyTranslate(__name__)

HANDOVER_KINDS = [
    ("transfer", "Transfer of custody"),
    ("temporary", "Temporary custody"),
]

HANDOVER_STATES = [
    ("draft", "Draft"),
    ("to_approve", "To approve"),
    ("approved", "Temporary custody in force"),
    ("done", "Done"),
    ("refused", "Refused"),
    ("cancel", "Cancelled"),
]


class OfficeSealHandover(models.Model):
    """Custody hand-over of a seal (印章交接, 公章管理制度 art. 9): from the
    custodian to another keeper with the principal leader's approval, for
    good or as temporary custody while the custodian is away (with an end
    date). The approval changes the seal's custodian and appends an entry to
    the hand-over ledger (印章交接登记簿); the end of a temporary custody
    appends the return.

    Rights: keepers see the hand-overs of the seals they keep and those they
    give or receive; the current custodian or the office director asks for
    one; the principal leader approves; the office director sees all."""

    _name = "office.seal.handover"
    _description = "Seal Custody Hand-over"
    _inherit = ["office.workflow.mixin", "office.approval.mixin"]
    _order = "id desc"
    _check_company_auto = True
    _state_from = ["to_approve"]
    _state_to = ["approved"]
    _cancel_state = "cancel"
    _workflow_sequence_code = "office.seal.handover"
    _workflow_transitions = {
        "submit": {"from": ("draft",), "to": "to_approve", "label": _lt("submit")},
        # run as the deciding reviewer, by kind of hand-over
        "transfer": {
            "from": ("to_approve",),
            "to": "done",
            "label": _lt("hand over"),
        },
        "start_temporary": {
            "from": ("to_approve",),
            "to": "approved",
            "label": _lt("hand over temporarily"),
        },
        "refuse": {"from": ("to_approve",), "to": "refused", "label": _lt("refuse")},
        "end": {
            "from": ("approved",),
            "to": "done",
            "label": _lt("end the temporary custody"),
        },
        "cancel": {
            "from": ("draft", "to_approve"),
            "to": "cancel",
            "label": _lt("cancel"),
        },
        "draft": {
            "from": ("refused", "cancel"),
            "to": "draft",
            "label": _lt("reset to draft"),
        },
    }
    _workflow_locked_fields = (
        "seal_id",
        "from_user_id",
        "to_user_id",
        "kind",
        "date_from",
        "date_end",
        "reason",
        "company_id",
    )

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    seal_id = fields.Many2one(
        "office.seal",
        required=True,
        check_company=True,
        tracking=True,
        index=True,
    )
    from_user_id = fields.Many2one(
        "res.users",
        string="From custodian",
        compute="_compute_from_user_id",
        store=True,
        precompute=True,
        readonly=False,
        required=True,
        tracking=True,
    )
    to_user_id = fields.Many2one(
        "res.users",
        string="Receiving keeper",
        required=True,
        tracking=True,
        domain=lambda self: [
            ("groups_id", "in", self.env.ref("office_seal.group_seal_keeper").id)
        ],
    )
    kind = fields.Selection(
        HANDOVER_KINDS, required=True, default="transfer", tracking=True
    )
    date_from = fields.Date(
        string="Starts on", required=True, default=fields.Date.context_today
    )
    date_end = fields.Date(
        string="Until", help="End of a temporary custody.", tracking=True
    )
    reason = fields.Text(required=True)
    state = fields.Selection(
        HANDOVER_STATES,
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    handed_over_at = fields.Datetime(readonly=True, copy=False)
    ended_at = fields.Datetime(readonly=True, copy=False)
    approver_ids = fields.Many2many(
        "res.users", string="Approved by", compute="_compute_approver_ids"
    )
    ledger_ids = fields.One2many(
        "office.seal.handover.ledger",
        "handover_id",
        string="Ledger entries",
        readonly=True,
    )
    can_end = fields.Boolean(compute="_compute_can_end")

    @api.depends("name", "seal_id")
    def _compute_display_name(self):
        for handover in self:
            handover.display_name = " ".join(
                part for part in (handover.name, handover.seal_id.name) if part
            )

    @api.depends("seal_id")
    def _compute_from_user_id(self):
        for handover in self:
            handover.from_user_id = handover.seal_id.custodian_id

    @api.depends("review_ids.status", "review_ids.done_by")
    def _compute_approver_ids(self):
        for handover in self:
            handover.approver_ids = handover._office_approvers()

    @api.depends_context("uid")
    @api.depends("state", "kind", "to_user_id", "from_user_id")
    def _compute_can_end(self):
        for handover in self:
            handover.can_end = (
                handover.state == "approved"
                and handover.kind == "temporary"
                and (
                    self.env.user in (handover.to_user_id | handover.from_user_id)
                    or approval.is_director(self.env)
                )
            )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_submit(self):
        return self._workflow_run("submit")

    def _check_can_submit(self):
        for handover in self:
            if self.env.user != handover.seal_id.custodian_id and not (
                approval.is_director(self.env)
            ):
                raise AccessError(
                    self.env._(
                        "Only the custodian of the seal or the office director asks "
                        "for a hand-over."
                    )
                )
            handover._check_custody()
            if handover.kind == "temporary" and (
                not handover.date_end or handover.date_end < handover.date_from
            ):
                raise UserError(
                    self.env._("A temporary custody needs an end date after its start.")
                )

    def _check_custody(self):
        keepers = self.env.ref("office_seal.group_seal_keeper")
        for handover in self:
            if handover.from_user_id != handover.seal_id.custodian_id:
                raise UserError(
                    self.env._(
                        "%(user)s no longer keeps “%(seal)s”.",
                        user=handover.from_user_id.name,
                        seal=handover.seal_id.name,
                    )
                )
            if handover.to_user_id == handover.from_user_id:
                raise UserError(
                    self.env._("The seal is handed over to another person.")
                )
            if keepers not in handover.to_user_id.groups_id:
                raise UserError(
                    self.env._(
                        "%(user)s is not a seal keeper.", user=handover.to_user_id.name
                    )
                )
            if handover.seal_id.state not in ("active", "suspended"):
                raise UserError(
                    self.env._(
                        "The seal “%(seal)s” cannot be handed over now.",
                        seal=handover.seal_id.name,
                    )
                )

    def _on_office_validated(self):
        for handover in self.filtered(lambda h: h.state == "to_approve"):
            handover._workflow_run(
                "start_temporary" if handover.kind == "temporary" else "transfer"
            )

    def _check_can_transfer(self):
        self._office_check_decided("validated")
        self._check_custody()

    _check_can_start_temporary = _check_can_transfer

    def _do_transfer(self):
        return self._do_hand_over("transfer")

    def _do_start_temporary(self):
        return self._do_hand_over("start_temporary")

    def _do_hand_over(self, verb):
        now = fields.Datetime.now()
        for handover in self:
            handover.seal_id._set_custodian(handover.to_user_id)
            handover._append_ledger(
                handover.kind, handover.from_user_id, handover.to_user_id, now
            )
            handover._workflow_set_state(verb, {"handed_over_at": now})
        return True

    def _append_ledger(self, kind, from_user, to_user, when):
        self.ensure_one()
        return self.env["office.seal.handover.ledger"]._append(
            [
                {
                    "seal_id": self.seal_id.id,
                    "handed_at": when,
                    "kind": kind,
                    "from_user_id": from_user.id,
                    "to_user_id": to_user.id,
                    "date_end": self.date_end if kind == "temporary" else False,
                    "reason": self.reason,
                    "approver_ids": [fields.Command.set(self._office_approvers().ids)],
                    "recorded_by_id": self.env.user.id,
                    "handover_id": self.id,
                }
            ]
        )

    def action_end(self):
        return self._workflow_run("end")

    def _check_can_end(self):
        for handover in self:
            if handover.kind != "temporary":
                raise UserError(
                    self.env._(
                        "“%(handover)s” is not a temporary custody in force.",
                        handover=handover.name,
                    )
                )
            if not (
                self.env.user in (handover.to_user_id | handover.from_user_id)
                or approval.is_director(self.env)
            ):
                raise AccessError(
                    self.env._(
                        "Only the two custodians or the office director end a "
                        "temporary custody."
                    )
                )
            if handover.seal_id.custodian_id != handover.to_user_id:
                raise UserError(
                    self.env._(
                        "The custody of “%(seal)s” has changed since: it cannot go "
                        "back automatically.",
                        seal=handover.seal_id.name,
                    )
                )

    def _do_end(self):
        now = fields.Datetime.now()
        for handover in self:
            handover.seal_id._set_custodian(handover.from_user_id)
            handover._append_ledger(
                "return", handover.to_user_id, handover.from_user_id, now
            )
            handover._workflow_set_state("end", {"ended_at": now})
        self.sudo().activity_unlink(["office_seal.mail_act_office_seal_custody_end"])
        return True

    def action_cancel(self):
        return self._workflow_run("cancel")

    def _check_can_cancel(self):
        for handover in self:
            if (
                self.env.user != handover.create_uid
                and self.env.user != handover.from_user_id
                and not approval.is_director(self.env)
            ):
                raise AccessError(
                    self.env._("Only who asked for the hand-over cancels it.")
                )

    def action_draft(self):
        return self._workflow_run("draft")

    _check_can_draft = _check_can_cancel

    # ------------------------------------------------------------------
    # Scheduled action
    # ------------------------------------------------------------------

    @api.model
    def _cron_remind_custody_end(self, limit=500):
        """A temporary custody past its end date: an activity on the
        temporary custodian, once per hand-over."""
        activity_type = self.env.ref("office_seal.mail_act_office_seal_custody_end")
        return self.sudo()._office_remind(
            [
                ("state", "=", "approved"),
                ("kind", "=", "temporary"),
                ("date_end", "<", self.env["office.calendar"].today()),
                (
                    "activity_ids",
                    "not any",
                    [("activity_type_id", "=", activity_type.id)],
                ),
            ],
            "office_seal.mail_act_office_seal_custody_end",
            "to_user_id",
            summary=self.env._("Give the seal back to its custodian"),
            limit=limit,
        )
