from odoo import api, fields, models

from .office_approval_mixin import office_approval_model_names


class TierDefinition(models.Model):
    _inherit = "tier.definition"

    office_response_days = fields.Integer(
        string="Working days to respond",
        default=1,
        help="Deadline of the reviewer's activity, in working days.",
    )

    @api.model
    def _get_tier_validation_model_names(self):
        names = super()._get_tier_validation_model_names()
        return names + office_approval_model_names(self.env)
