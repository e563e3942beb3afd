from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

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
    _inherit = ["office.seal.workflow.mixin"]
    _order = "id desc"
    _check_company_auto = True
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
            handover.approver_ids = handover._approvers()

    @api.depends_context("uid")
    @api.depends("state", "kind", "to_user_id", "from_user_id")
    def _compute_can_end(self):
        for handover in self:
            handover.can_end = (
                handover.state == "approved"
                and handover.kind == "temporary"
                and (
                    self.env.user in (handover.to_user_id | handover.from_user_id)
                    or self._is_director()
                )
            )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def _check_can_submit(self):
        for handover in self:
            if handover.state != "draft":
                raise UserError(
                    self.env._(
                        "“%(handover)s” has already been submitted.",
                        handover=handover.name,
                    )
                )
            if (
                self.env.user != handover.seal_id.custodian_id
                and not self._is_director()
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
        handovers = self.filtered(lambda h: h.state == "to_approve")
        handovers._check_custody()
        handovers._do_hand_over()

    def _on_office_rejected(self):
        self.filtered(lambda h: h.state == "to_approve")._write_state(
            {"state": "refused"}
        )

    def _do_hand_over(self):
        now = fields.Datetime.now()
        for handover in self:
            handover.seal_id._set_custodian(handover.to_user_id)
            handover._append_ledger(
                handover.kind, handover.from_user_id, handover.to_user_id, now
            )
            handover._write_state(
                {
                    "state": "approved" if handover.kind == "temporary" else "done",
                    "handed_over_at": now,
                }
            )

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
                    "approver_ids": [fields.Command.set(self._approvers().ids)],
                    "recorded_by_id": self.env.user.id,
                    "handover_id": self.id,
                }
            ]
        )

    def action_end(self):
        self._check_can_end()
        self._do_end()
        return True

    def _check_can_end(self):
        for handover in self:
            if handover.state != "approved" or handover.kind != "temporary":
                raise UserError(
                    self.env._(
                        "“%(handover)s” is not a temporary custody in force.",
                        handover=handover.name,
                    )
                )
            if not (
                self.env.user in (handover.to_user_id | handover.from_user_id)
                or self._is_director()
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
            handover._write_state({"state": "done", "ended_at": now})
        self.sudo().activity_unlink(["office_seal.mail_act_office_seal_custody_end"])

    def action_cancel(self):
        for handover in self:
            if handover.state not in ("draft", "to_approve"):
                raise UserError(
                    self.env._(
                        "“%(handover)s” can no longer be cancelled.",
                        handover=handover.name,
                    )
                )
            if (
                self.env.user != handover.create_uid
                and self.env.user != handover.from_user_id
                and not self._is_director()
            ):
                raise AccessError(
                    self.env._("Only who asked for the hand-over cancels it.")
                )
        self._write_state({"state": "cancel"})
        return True

    def action_draft(self):
        for handover in self:
            if handover.state not in ("refused", "cancel"):
                raise UserError(
                    self.env._(
                        "Only a refused or cancelled hand-over goes back to draft."
                    )
                )
        self._reset_to_draft()
        return True

    # ------------------------------------------------------------------
    # Scheduled action
    # ------------------------------------------------------------------

    @api.model
    def _cron_remind_custody_end(self, limit=500):
        """A temporary custody past its end date: an activity on the
        temporary custodian, once per hand-over."""
        activity_type = self.env.ref("office_seal.mail_act_office_seal_custody_end")
        domain = [
            ("state", "=", "approved"),
            ("kind", "=", "temporary"),
            ("date_end", "<", fields.Date.context_today(self)),
            ("activity_ids", "not any", [("activity_type_id", "=", activity_type.id)]),
        ]
        Handover = self.sudo()
        late = Handover.search(domain, order="date_end", limit=limit)
        model_id = self.env["ir.model"]._get_id(self._name)
        self.env["mail.activity"].sudo().create(
            [
                {
                    "res_model_id": model_id,
                    "res_id": handover.id,
                    "activity_type_id": activity_type.id,
                    "user_id": handover.to_user_id.id,
                    "date_deadline": fields.Date.context_today(self),
                    "automated": True,
                    "summary": self.env._(
                        "Give “%(seal)s” back to %(user)s",
                        seal=handover.seal_id.name,
                        user=handover.from_user_id.name,
                    ),
                }
                for handover in late
            ]
        )
        self.env["ir.cron"]._notify_progress(
            done=len(late), remaining=Handover.search_count(domain)
        )
