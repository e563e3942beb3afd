from odoo import models


class OfficeArchiveDemoMixin(models.AbstractModel):
    """Lets the demo data act as the people of the story."""

    _name = "office.archive.demo.mixin"
    _description = "Archive Demo Helper"

    def _demo_as(self, user_id, method, *args):
        """Call `method` as the given user (demo data)."""
        return getattr(self.with_user(user_id), method)(*args)

    def _demo_decide(self, approve=True, reason=None, steps=None):
        """Decide the pending reviews as their first reviewer, `steps` of them
        at most (demo data)."""
        for record in self:
            for _step in range(steps or len(record.review_ids)):
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
