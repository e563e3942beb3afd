from odoo import fields, models


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
