from odoo import api, models


class OfficeDemo(models.AbstractModel):
    """Helpers of the suite's demo data only: they drive the demo records
    through their real transitions, as the people of the story. Each addon's
    demo model inherits them; no production model carries them."""

    _name = "office.demo"
    _description = "Office Demo Data"

    @api.model
    def _demo_as(self, model, ids, user_id, method, *args):
        """Call `method` on the `model` records `ids` as the given user."""
        records = self.env[model].browse(ids).with_user(user_id)
        return getattr(records, method)(*args)

    @api.model
    def _demo_decide(self, model, ids, approve=True, reason=None, steps=None):
        """Decide the pending reviews of the records as their first reviewer,
        `steps` of them at most; a refusal ends the round."""
        for record in self.env[model].browse(ids):
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
        return True
