from odoo import api, models


class OfficeArchiveDemo(models.AbstractModel):
    """Lets the demo data act as the people of the story, through the real
    actions and their checks (demo data only: no production model carries
    these helpers)."""

    _name = "office.archive.demo"
    _description = "Archive Demo Data"

    @api.model
    def _demo_as(self, model, ids, user_id, method, *args):
        """Call `method` on the `model` records `ids` as the given user."""
        records = self.env[model].browse(ids).with_user(user_id)
        return getattr(records, method)(*args)

    @api.model
    def _demo_accept(self, ids, user_id):
        """Accept the transfer lists `ids` as the given archivist, having
        counted every item listed."""
        for record in self.env["office.archive.transfer.list"].browse(ids):
            record.with_user(user_id).action_accept(record.item_count)
        return True

    @api.model
    def _demo_decide(self, model, ids, approve=True, reason=None, steps=None):
        """Decide the pending reviews of the records as their first reviewer,
        `steps` of them at most."""
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
