from odoo import api, fields, models

from ..tools import granted, is_granted

NO_DELEGATION_TWIN = "office_no_delegation_twin"


class MailActivity(models.Model):
    """Activities addressed to a person with a delegation in force reach the
    substitute too, as a linked twin; doing either closes both."""

    _inherit = "mail.activity"

    office_review_id = fields.Many2one(
        "tier.review", ondelete="cascade", index="btree_not_null", readonly=True
    )
    office_delegated_from_id = fields.Many2one(
        "mail.activity",
        string="Delegated from",
        ondelete="cascade",
        index="btree_not_null",
        readonly=True,
    )
    office_twin_ids = fields.One2many("mail.activity", "office_delegated_from_id")

    @api.model_create_multi
    def create(self, vals_list):
        activities = super().create(vals_list)
        if not is_granted(NO_DELEGATION_TWIN):
            activities._office_create_twins()
        return activities

    def _office_create_twins(self):
        Delegation = self.env["office.delegation"]
        twins = []
        for activity in self.filtered(
            lambda a: a.user_id and not a.office_delegated_from_id
        ):
            substitutes = Delegation._substitutes(activity.user_id, activity.res_model)
            for substitute in substitutes.get(activity.user_id, []):
                twins.append(
                    {
                        "res_model_id": activity.res_model_id.id,
                        "res_id": activity.res_id,
                        "activity_type_id": activity.activity_type_id.id,
                        "date_deadline": activity.date_deadline,
                        "summary": self.env._(
                            "%(summary)s (for %(user)s)",
                            summary=activity.summary or activity.activity_type_id.name,
                            user=activity.user_id.name,
                        ),
                        "note": activity.note,
                        "user_id": substitute.id,
                        "office_delegated_from_id": activity.id,
                    }
                )
        if twins:
            with granted(NO_DELEGATION_TWIN):
                self.sudo().create(twins)

    def _action_done(self, feedback=False, attachment_ids=None):
        linked = (self.office_twin_ids | self.office_delegated_from_id) - self
        result = super()._action_done(feedback=feedback, attachment_ids=attachment_ids)
        linked.exists().sudo().unlink()
        return result
