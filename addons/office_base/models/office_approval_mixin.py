from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..tools import granted

TIER_REQUEST = "office_tier_request"
TIER_DECISION = "office_tier_decision"

REVIEWER_RULE_NAME = "Approvals: reviewers read what they review (%s)"
REVIEWER_RULE_DOMAIN = "[('review_ids.reviewer_ids', 'in', [user.id])]"


class OfficeApprovalMixin(models.AbstractModel):
    """Multi-step approval of an office request on top of OCA's
    ``tier.validation``; the steps are ``tier.definition`` records.

    Adds: notification of each reviewer by activity and e-mail, decisions
    through ``tier.review`` actions only (with delegation and the person acted
    for), read access for reviewers (a record rule created at install), the
    history of earlier rounds, and two hooks for the domain model:
    ``_on_office_validated`` and ``_on_office_rejected``.

    A model using it must give every group that sees all its records an
    explicit ``[(1, '=', 1)]`` rule: the reviewers' rule is a group rule of
    ``base.group_user`` and would otherwise narrow them."""

    _name = "office.approval.mixin"
    _inherit = ["tier.validation"]
    _description = "Office Approval Mixin"
    _office_approval = True
    _tier_validation_manual_config = False
    #: a Text field that receives the reviewers' reasons on refusal
    _office_refuse_reason_field = None

    approval_history_ids = fields.One2many(
        "office.approval.history",
        "res_id",
        string="Approval history",
        domain=lambda self: [("model", "=", self._name)],
        readonly=True,
    )

    # ------------------------------------------------------------------
    # tier.validation hooks
    # ------------------------------------------------------------------

    def request_validation(self):
        with granted(TIER_REQUEST):
            reviews = super().request_validation()
        # need_validation has no dependencies: drop its cached value
        self.invalidate_recordset(["need_validation"])
        self._office_sync_reviews()
        return reviews

    def _validate_tier(self, tiers=False):
        with granted(TIER_DECISION):
            res = super()._validate_tier(tiers)
        self._office_sync_reviews()
        self._office_after_decision()
        return res

    def _rejected_tier(self, tiers=False):
        with granted(TIER_DECISION):
            res = super()._rejected_tier(tiers)
        self._office_sync_reviews()
        self._office_after_decision()
        return res

    @api.model
    def _search_can_review(self, operator, value):
        """The requests I may decide now, in SQL. OCA computes ``can_review``
        of every candidate in Python (about 1 ms each: 1.4 s on every page of
        a leader with 2,000 pending requests, through the systray's count).
        Its rule (``_get_sequences_to_approve``): a waiting or pending review
        of mine that follows no sequence, or stands at the request's lowest
        open sequence; among requests with a review ready to decide and not
        rejected."""
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return super()._search_can_review(operator, value)
        self.env["tier.review"].flush_model()
        self.flush_model(["validation_status"])
        rows = self.env.execute_query(self._office_reviewable_sql())
        ids = [row[0] for row in rows]
        positive = (operator == "=") == value
        return [("id", "in" if positive else "not in", ids)]

    def _office_reviewable_sql(self):
        return SQL(
            """SELECT DISTINCT mine.res_id
                 FROM tier_review mine
                 JOIN res_users_tier_review_rel rel ON rel.tier_review_id = mine.id
            LEFT JOIN tier_definition tier_def ON tier_def.id = mine.definition_id
                 JOIN %(table)s request ON request.id = mine.res_id
                WHERE mine.model = %(model)s
                  AND rel.res_users_id = %(uid)s
                  AND mine.status IN ('waiting', 'pending')
                  AND request.validation_status IS DISTINCT FROM 'rejected'
                  AND (NOT COALESCE(tier_def.approve_sequence, FALSE)
                       OR mine.sequence = (
                           SELECT MIN(unfinished.sequence) FROM tier_review unfinished
                            WHERE unfinished.model = mine.model
                              AND unfinished.res_id = mine.res_id
                              AND unfinished.status IN ('waiting', 'pending')))
                  AND EXISTS (
                       SELECT 1 FROM tier_review ready
                        WHERE ready.model = mine.model AND ready.res_id = mine.res_id
                          AND ready.can_review)""",
            table=SQL.identifier(self._table),
            model=self._name,
            uid=self.env.uid,
        )

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------

    def _office_sync_reviews(self):
        """Move the next reviews to pending (OCA leaves it to the caller) and
        notify their reviewers."""
        reviews = self.sudo().review_ids
        # OCA defers this under a context key, which any RPC caller may send
        defer = "tier_validation_defer_compute_can_review"
        reviews.with_context(**{defer: False})._compute_can_review()
        reviews.filtered(lambda r: r.status == "pending")._office_notify()

    def _office_decide(self, decision, review, reason=None):
        """Approve or reject `review` of this record as the current user."""
        self.ensure_one()
        if decision == "approve":
            self._validate_tier(review)
        else:
            self._rejected_tier(review)
            if reason:
                self.sudo().message_post(
                    body=self.env._(
                        "Refused by %(user)s: %(reason)s",
                        user=self.env.user.name,
                        reason=reason,
                    ),
                    subtype_xmlid="mail.mt_note",
                )
        self._update_counter({"review_deleted": True})

    def _office_after_decision(self):
        for record in self:
            if record.validation_status == "validated":
                record._on_office_validated()
            elif record.validation_status == "rejected":
                record._on_office_rejected()

    def _on_office_validated(self):
        """Called once every review of the record is approved. On the
        workflow kernel: runs the ``approve`` transition, as the deciding
        reviewer, for the records it starts from."""
        self._office_run_decision("approve")

    def _on_office_rejected(self):
        """Called when a reviewer refuses the record. On the workflow kernel:
        runs the ``refuse`` transition for the records it starts from."""
        self._office_run_decision("refuse")

    # ------------------------------------------------------------------
    # With the workflow kernel (office.workflow.mixin)
    # ------------------------------------------------------------------

    def _office_run_decision(self, verb):
        spec = getattr(self, "_workflow_transitions", {}).get(verb)
        if not spec:
            return
        state_field = self._workflow_state_field
        ready = self.filtered(lambda r: r[state_field] in spec["from"])
        if ready:
            ready._workflow_run(verb)

    def _do_submit(self, **kwargs):
        return self._office_submit(**kwargs)

    def _office_submit(self, verb="submit", vals=None, **_kwargs):
        """Move the records to review and start the approval round; refused
        when no approval step applies or a step has nobody to review it. Who
        reviews comes from the ``tier.definition`` records only."""
        self._workflow_set_state(verb, vals)
        self.invalidate_recordset(["need_validation"])
        for record in self:
            if not record.need_validation:
                raise UserError(
                    self.env._(
                        "No approval step applies to “%(record)s”: ask the office "
                        "director to configure the approval steps.",
                        record=record.display_name,
                    )
                )
        self.action_office_request_approval()
        for record in self:
            nobody = record.sudo().review_ids.filtered(lambda r: not r.reviewer_ids)
            if nobody:
                definition = nobody[:1].definition_id
                field = definition.reviewer_field_id
                raise UserError(
                    self.env._(
                        "The approval step “%(step)s” of “%(record)s” has nobody "
                        "to review it%(hint)s.",
                        step=definition.name,
                        record=record.display_name,
                        hint=self.env._(
                            ": fill in “%(field)s”", field=field.field_description
                        )
                        if definition.review_type == "field" and field
                        else "",
                    )
                )
        return True

    def _do_refuse(self, **kwargs):
        field = self._office_refuse_reason_field
        if not field:
            return self._workflow_set_state("refuse", **kwargs)
        for record in self:
            rejected = record.sudo().review_ids.filtered(
                lambda r: r.status == "rejected"
            )
            comments = "\n".join(filter(None, rejected.mapped("comment")))
            record._workflow_set_state("refuse", {field: comments or False}, **kwargs)
        return True

    def _do_cancel(self, vals=None, **kwargs):
        """Cancelled: the reviews of the round go (kept in the history)."""
        self._office_reset_reviews()
        return self._workflow_set_state("cancel", vals, **kwargs)

    def _do_draft(self, vals=None, **kwargs):
        """Back to draft: the reviews of the earlier round go (kept in the
        history); `vals` clears what the round wrote."""
        self._office_reset_reviews()
        vals = dict(vals or {})
        if self._office_refuse_reason_field:
            vals.setdefault(self._office_refuse_reason_field, False)
        return self._workflow_set_state("draft", vals, **kwargs)

    def _check_can_approve(self, **_kwargs):
        self._office_check_decided("validated")

    def _check_can_refuse(self, **_kwargs):
        self._office_check_decided("rejected")

    def _office_check_decided(self, status):
        """The approval round is `status` (validated, rejected): the
        transitions a reviewers' decision runs check it, so no one else runs
        them."""
        for record in self:
            if record.validation_status != status:
                raise UserError(
                    self.env._(
                        "“%(record)s” has not been decided by its reviewers.",
                        record=record.display_name,
                    )
                )

    def _office_reset_reviews(self):
        """Drop the reviews of the current round (office.approval.history
        keeps them) before a cancellation or a new round."""
        self.sudo().review_ids.unlink()

    def _office_approvers(self):
        """Users who approved the current round, in the order of the steps."""
        self.ensure_one()
        reviews = self.sudo().review_ids.filtered(lambda r: r.status == "approved")
        return reviews.sorted("sequence").done_by

    def action_office_request_approval(self):
        """Start the approval round; usable over XML-RPC."""
        for record in self:
            if not record.need_validation:
                raise UserError(
                    self.env._(
                        "“%s” needs no approval or is already under review.",
                        record.display_name,
                    )
                )
        self.request_validation()
        return True

    # ------------------------------------------------------------------
    # Record rule
    # ------------------------------------------------------------------

    def init(self):
        res = super().init()
        if not self._abstract and self._auto:
            self.pool.post_init(self._ensure_reviewer_rule)
        return res

    def _office_reviewer_rule_domain(self):
        """The domain (evaluated per user) of the reviewers' read rule."""
        return REVIEWER_RULE_DOMAIN

    def _ensure_reviewer_rule(self):
        self.env["ir.rule"]._office_ensure_rule(
            self._name,
            REVIEWER_RULE_NAME % self._name,
            {
                "domain_force": self._office_reviewer_rule_domain(),
                "groups": [fields.Command.set([self.env.ref("base.group_user").id])],
                "perm_read": True,
                "perm_write": False,
                "perm_create": False,
                "perm_unlink": False,
            },
        )


def office_approval_model_names(env):
    """Technical names of the installed models using the approval mixin."""
    return [
        name
        for name, model in env.registry.items()
        if getattr(model, "_office_approval", False) and not model._abstract
    ]
