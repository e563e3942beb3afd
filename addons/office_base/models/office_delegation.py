from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class OfficeDelegation(models.Model):
    """工作代理制: while a person is away, a substitute receives the approvals
    and activities addressed to them, optionally only for some kinds of
    request. The person acted for is recorded on each decision.

    Rights: everyone manages their own delegations; the office director
    manages all of them."""

    _name = "office.delegation"
    _description = "Delegation to a Substitute"
    _inherit = ["office.workflow.mixin"]
    _workflow_transitions = {
        "confirm": {"from": ("draft",), "to": "confirmed"},
        "cancel": {"from": ("draft", "confirmed"), "to": "cancelled"},
        "reset_draft": {"from": ("confirmed", "cancelled"), "to": "draft"},
    }
    _workflow_editable_states = ("draft", "confirmed")
    _workflow_deletable_states = ("draft", "cancelled")
    _order = "date_from desc, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    user_id = fields.Many2one(
        "res.users",
        string="Absent person",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
        index=True,
    )
    substitute_id = fields.Many2one(
        "res.users", required=True, tracking=True, index=True
    )
    date_from = fields.Date(
        string="From", required=True, default=fields.Date.context_today, tracking=True
    )
    date_to = fields.Date(string="To", required=True, tracking=True)
    model_ids = fields.Many2many(
        "ir.model",
        string="Kinds of request",
        help="Leave empty to delegate every kind of request and activity.",
    )
    reason = fields.Char(tracking=True)
    state = fields.Selection(
        [("draft", "Draft"), ("confirmed", "In force"), ("cancelled", "Cancelled")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    is_current = fields.Boolean(
        compute="_compute_is_current", search="_search_is_current", string="Current"
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    @api.depends("user_id", "substitute_id")
    def _compute_name(self):
        # stored: named in the language of the person away, not of whoever
        # happened to trigger the computation
        for rec in self:
            env = rec.with_context(lang=rec.user_id.lang or self.env.lang).env
            rec.name = env._(
                "%(substitute)s for %(user)s",
                substitute=rec.substitute_id.name or "",
                user=rec.user_id.name or "",
            )

    def _compute_is_current(self):
        today = fields.Date.context_today(self)
        for rec in self:
            rec.is_current = (
                rec.state == "confirmed" and rec.date_from <= today <= rec.date_to
            )

    def _search_is_current(self, operator, value):
        today = fields.Date.context_today(self)
        domain = [
            ("state", "=", "confirmed"),
            ("date_from", "<=", today),
            ("date_to", ">=", today),
        ]
        positive = (operator == "=") == bool(value)
        return domain if positive else ["!", *_and(domain)]

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------

    @api.constrains("user_id", "substitute_id", "date_from", "date_to")
    def _check_period_and_people(self):
        for rec in self:
            if rec.user_id == rec.substitute_id:
                raise ValidationError(
                    self.env._("A person cannot substitute themselves.")
                )
            if rec.date_to < rec.date_from:
                raise ValidationError(
                    self.env._("The delegation must end on or after its first day.")
                )

    @api.constrains("state", "user_id", "date_from", "date_to")
    def _check_overlap(self):
        for rec in self.filtered(lambda r: r.state == "confirmed"):
            overlapping = self.search_count(
                [
                    ("id", "!=", rec.id),
                    ("user_id", "=", rec.user_id.id),
                    ("state", "=", "confirmed"),
                    ("date_from", "<=", rec.date_to),
                    ("date_to", ">=", rec.date_from),
                ]
            )
            if overlapping:
                raise ValidationError(
                    self.env._(
                        "%(user)s already has a delegation in force during this "
                        "period.",
                        user=rec.user_id.name,
                    )
                )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_confirm(self):
        return self._workflow_run("confirm")

    def action_cancel(self):
        return self._workflow_run("cancel")

    def action_reset_draft(self):
        return self._workflow_run("reset_draft")

    def _workflow_set_state(self, verb, vals=None, reason=None, **kwargs):
        res = super()._workflow_set_state(verb, vals, reason, **kwargs)
        self._refresh_reviews()
        return res

    def _check_can_manage(self, **_kwargs):
        if self.env.user.has_group("office_base.group_office_director"):
            return
        if any(rec.user_id != self.env.user for rec in self):
            raise UserError(
                self.env._("Only the absent person or the office director can do this.")
            )

    _check_can_confirm = _check_can_manage
    _check_can_cancel = _check_can_manage
    _check_can_reset_draft = _check_can_manage

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------

    @api.model
    def _substitutes(self, users, model_name=None, day=None):
        """{user: substitute users} of the delegations in force on `day` for
        `model_name` (or for every model when None)."""
        if not users:
            return {}
        day = day or fields.Date.context_today(self)
        domain = [
            ("user_id", "in", users.ids),
            ("state", "=", "confirmed"),
            ("date_from", "<=", day),
            ("date_to", ">=", day),
        ]
        result = {}
        for delegation in self.sudo().search(domain):
            if (
                model_name
                and delegation.model_ids
                and model_name not in (delegation.model_ids.mapped("model"))
            ):
                continue
            result.setdefault(delegation.user_id, self.env["res.users"])
            result[delegation.user_id] |= delegation.substitute_id
        return result

    def _refresh_reviews(self):
        self.env["tier.review"]._office_refresh_reviewers()

    @api.model
    def _cron_refresh_reviews(self):
        """Delegations start and end with the day: refresh reviewers daily."""
        self.env["tier.review"]._office_refresh_reviewers()


def _and(domain):
    return ["&"] * (len(domain) - 1) + domain
