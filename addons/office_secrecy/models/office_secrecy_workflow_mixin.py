from odoo import api, fields, models
from odoo.exceptions import UserError


class OfficeSecrecyWorkflowMixin(models.AbstractModel):
    """Shared steps of the secrecy requests approved through
    ``office.approval.mixin`` (classification decisions, trips abroad,
    carrier requests):

    - the state changes only through the action buttons (``_write_state``
      writes as superuser once the ``_check_can_<verb>`` method has passed);
    - the fields of ``_workflow_locked_fields`` are editable in draft only;
    - submission moves the record to ``to_approve`` and starts the approval
      round; it is refused when no approval step applies."""

    _name = "office.secrecy.workflow.mixin"
    _inherit = ["mail.thread", "mail.activity.mixin", "office.approval.mixin"]
    _description = "Secrecy Request Workflow"
    _state_from = ["to_approve"]
    _state_to = ["approved"]
    _cancel_state = "cancel"
    _workflow_locked_fields = ()

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    refuse_reason = fields.Text(string="Reason of refusal", readonly=True, copy=False)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code(self._name) or "/"
        return super().create(vals_list)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_submitted(self):
        if any(record.state not in ("draft", "cancel") for record in self):
            raise UserError(
                self.env._(
                    "Only draft or cancelled %(kind)s can be deleted.",
                    kind=self.env["ir.model"].sudo()._get(self._name).name,
                )
            )

    def write(self, vals):
        if not self.env.su:
            if "state" in vals:
                raise UserError(
                    self.env._("The state changes only through the action buttons.")
                )
            locked = set(vals) & set(self._workflow_locked_fields)
            if locked and any(record.state != "draft" for record in self):
                raise UserError(
                    self.env._(
                        "%(record)s can be changed in draft only.",
                        record=self.filtered(lambda r: r.state != "draft")[
                            :1
                        ].display_name,
                    )
                )
        return super().write(vals)

    def _write_state(self, vals):
        return self.sudo().with_context(skip_validation_check=True).write(vals)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_submit(self):
        self._check_can_submit()
        self._write_state({"state": "to_approve"})
        self.invalidate_recordset(["need_validation"])
        for record in self:
            if not record.need_validation:
                raise UserError(
                    self.env._(
                        "No approval step applies to “%(record)s”: ask the secrecy "
                        "office to configure the approval steps.",
                        record=record.display_name,
                    )
                )
        self.action_office_request_approval()
        return True

    def _check_can_submit(self):
        for record in self:
            if record.state != "draft":
                raise UserError(
                    self.env._(
                        "“%(record)s” has already been submitted.",
                        record=record.display_name,
                    )
                )

    def action_cancel(self):
        if any(
            record.state not in ("draft", "to_approve", "refused") for record in self
        ):
            raise UserError(
                self.env._("Only a request not yet approved can be cancelled.")
            )
        self.sudo().review_ids.unlink()
        self._write_state({"state": "cancel"})
        return True

    def action_draft(self):
        if any(record.state not in ("refused", "cancel") for record in self):
            raise UserError(
                self.env._("Only a refused or cancelled request goes back to draft.")
            )
        self.sudo().review_ids.unlink()
        self._write_state({"state": "draft", "refuse_reason": False})
        return True

    def _on_office_validated(self):
        self.filtered(lambda r: r.state == "to_approve")._write_state(
            {"state": "approved"}
        )

    def _on_office_rejected(self):
        for record in self.filtered(lambda r: r.state == "to_approve"):
            reasons = record.sudo().review_ids.filtered(
                lambda r: r.status == "rejected"
            )
            record._write_state(
                {
                    "state": "refused",
                    "refuse_reason": "\n".join(filter(None, reasons.mapped("comment")))
                    or False,
                }
            )

    @api.model
    def _is_secrecy_office(self):
        return self.env.su or self.env.user.has_group(
            "office_secrecy.group_secrecy_office"
        )

    def _approvers(self):
        self.ensure_one()
        reviews = self.sudo().review_ids.filtered(lambda r: r.status == "approved")
        return reviews.sorted("sequence").done_by

    def _demo_decide(self, approve=True, reason=None):
        """Decide the pending reviews as their first reviewer (demo data)."""
        for record in self:
            for _step in range(len(record.review_ids)):
                review = record.review_ids.filtered(
                    lambda r: r.status == "pending" and r.can_review
                )[:1]
                if not review:
                    break
                review = review.with_user(review.reviewer_ids[:1])
                if approve:
                    review.action_office_approve()
                else:
                    review.office_refuse(reason)
                    break

    def _demo_as(self, user_id, method, *args):
        """Call `method` as the given user (demo data)."""
        return getattr(self.with_user(user_id), method)(*args)
