from odoo import api, fields, models

TODO_BY_SHOWN = 3  # reviewers named before "and n more", as upstream


class TierReview(models.Model):
    """OCA's review labels said from office_base so that they are translated
    (see models/tier_validation.py)."""

    _inherit = "tier.review"

    @api.depends("reviewer_ids")
    def _compute_todo_by(self):
        for review in self:
            if review.reviewer_group_id:
                review.todo_by = self.env._("Group %s", review.reviewer_group_id.name)
                continue
            names = ", ".join(
                review.reviewer_ids[:TODO_BY_SHOWN].mapped("display_name")
            )
            more = len(review.reviewer_ids) - TODO_BY_SHOWN
            review.todo_by = (
                self.env._("%(names)s (and %(count)s more)", names=names, count=more)
                if more > 0
                else names
            )

    def _notify_review_reminder_body(self):
        days = (fields.Datetime.now() - self.create_date).days
        return self.env._("A review has been requested %s days ago.", days)
