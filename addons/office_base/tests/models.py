from odoo import fields, models
from odoo.exceptions import UserError


class OfficeTestRequest(models.Model):
    """A request using every office_base mixin, for tests only."""

    _name = "office.test.request"
    _description = "Office Test Request"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "office.approval.mixin",
        "office.confidential.mixin",
        "office.urgency.mixin",
    ]
    _state_from = ["draft"]
    _state_to = ["approved"]
    _cancel_state = "cancel"

    name = fields.Char(required=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("approved", "Approved"),
            ("refused", "Refused"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
    )
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)

    def _on_office_validated(self):
        self.sudo().write({"state": "approved"})

    def _on_office_rejected(self):
        self.sudo().with_context(skip_validation_check=True).write({"state": "refused"})


class OfficeTestWorkflow(models.Model):
    """A request on the workflow kernel, for tests only."""

    _name = "office.test.workflow"
    _description = "Office Test Workflow"
    _inherit = ["office.workflow.mixin"]
    _workflow_transitions = {
        "submit": {"from": ("draft",), "to": "submitted"},
        "approve": {
            "from": ("submitted",),
            "to": "approved",
            "groups": ("office_base.group_office_director",),
        },
        "cancel": {
            "from": ("draft", "submitted"),
            "to": "cancel",
            "reason": True,
            "owner": True,
        },
    }
    _workflow_owner_field = "requester_id"
    _workflow_locked_fields = ("name", "amount")
    _workflow_activities = {
        "submitted": ("mail.mail_activity_data_todo", "_directors"),
    }

    name = fields.Char(required=True)
    amount = fields.Integer()
    note = fields.Char()
    requester_id = fields.Many2one(
        "res.users", default=lambda self: self.env.user, required=True
    )
    due = fields.Date()
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("approved", "Approved"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        tracking=True,
    )

    def action_submit(self):
        return self._workflow_run("submit")

    def action_approve(self):
        return self._workflow_run("approve")

    def action_cancel(self, reason=None):
        return self._workflow_run("cancel", reason=reason)

    def _check_can_submit(self):
        if any(record.requester_id != self.env.user for record in self):
            raise UserError(self.env._("Only the requester submits."))

    def _do_approve(self):
        return self._workflow_set_state("approve", {"note": "approved"})

    def _directors(self):
        return self.env.ref("office_base.group_office_director").users
