from odoo import api, fields, models

from .office_approval_mixin import office_approval_model_names


class TierDefinition(models.Model):
    _inherit = "tier.definition"

    office_response_days = fields.Integer(
        string="Working days to respond",
        default=1,
        help="Deadline of the reviewer's activity, in working days.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        definitions = super().create(vals_list)
        # OCA's stored related `model` (what need_validation searches on) came
        # out empty for definitions created in the same transaction as
        # their model by a full install with demo data and tests; it is read
        # from the database row of the model instead
        empty = definitions.filtered(lambda d: d.model_id and not d.model)
        if empty:
            empty.flush_recordset()
            self.env.cr.execute(
                """UPDATE tier_definition d SET model = m.model FROM ir_model m
                    WHERE m.id = d.model_id AND d.id = ANY(%s)""",
                [empty.ids],
            )
            empty.invalidate_recordset(["model"])
        return definitions

    @api.model
    def _get_tier_validation_model_names(self):
        names = super()._get_tier_validation_model_names()
        return names + office_approval_model_names(self.env)
