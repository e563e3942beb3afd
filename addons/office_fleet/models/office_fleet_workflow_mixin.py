from odoo import api, fields, models
from odoo.exceptions import UserError


class OfficeFleetWorkflowMixin(models.AbstractModel):
    """Shared steps of the vehicle requests approved through
    ``office.approval.mixin`` (use requests, repairs):

    - the state changes only through the actions (``_write_state`` writes as
      superuser once the ``_check_can_<verb>`` method has passed);
    - the fields in ``_workflow_locked_fields`` are editable in draft only;
    - submission moves the record to ``to_approve`` and starts the approval
      round, refused when no approval step applies."""

    _name = "office.fleet.workflow.mixin"
    _inherit = ["mail.thread", "mail.activity.mixin", "office.approval.mixin"]
    _description = "Vehicle Request Workflow"
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
                self.env._("Only draft or cancelled requests can be deleted.")
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

    def action_submit(self):
        self._check_can_submit()
        self._write_state({"state": "to_approve"})
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
        return True

    def _check_can_submit(self):
        """Refuse the submission with a UserError (each request kind)."""
        for record in self:
            if record.state != "draft":
                raise UserError(
                    self.env._(
                        "“%(record)s” has already been submitted.",
                        record=record.display_name,
                    )
                )

    def _reset_to_draft(self):
        self.sudo().review_ids.unlink()
        self._write_state({"state": "draft"})

    @api.model
    def _is_dispatcher(self):
        return self.env.su or self.env.user.has_group(
            "office_fleet.group_fleet_dispatcher"
        )

    def _approvers(self):
        """Users who approved the current round, in the order of the steps."""
        self.ensure_one()
        reviews = self.sudo().review_ids.filtered(lambda r: r.status == "approved")
        return reviews.sorted("sequence").done_by

    def _demo_decide(self):
        """Approve the pending reviews as their first reviewer (demo data)."""
        for record in self:
            for _step in range(len(record.review_ids)):
                review = record.review_ids.filtered(
                    lambda r: r.status == "pending" and r.can_review
                )[:1]
                if not review:
                    break
                review.with_user(review.reviewer_ids[:1]).action_office_approve()

    def _demo_refuse(self, reason):
        """Refuse the pending review as its first reviewer (demo data)."""
        for record in self:
            review = record.review_ids.filtered(
                lambda r: r.status == "pending" and r.can_review
            )[:1]
            review.with_user(review.reviewer_ids[:1]).office_refuse(reason)

    def _demo_as(self, user_id, method, *args):
        """Call `method` as the given user (demo data)."""
        return getattr(self.with_user(user_id), method)(*args)
