from dateutil.relativedelta import relativedelta

from odoo import api, models


class OfficeSecrecyDemo(models.AbstractModel):
    """Helpers of the demo data (demo/office_secrecy_demo.xml): every step
    goes through the real transitions, as the user who would take it."""

    _name = "office.secrecy.demo"
    _description = "Secrecy Demo Data"

    @api.model
    def _demo_decide(self, model, ids, approve=True, reason=None):
        """Decide the pending reviews of the records as their first reviewer."""
        for record in self.env[model].browse(ids):
            for _step in range(len(record.review_ids)):
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

    @api.model
    def _demo_as(self, model, ids, user_id, method, *args):
        """Call `method` of the records as the given user."""
        records = self.env[model].browse(ids).with_user(user_id)
        return getattr(records, method)(*args)

    @api.model
    def _demo_register_existing(self):
        """Register the classified records of the installed modules as
        decided by the statutory officer; the oldest one's period is over so
        that the declassification proposal shows."""
        Decision = self.env["office.classification.decision"]
        decisions = Decision.browse()
        for model_name, _label in Decision._selection_target_models():
            records = self.env[model_name].sudo().search([("secrecy_rank", ">", 0)])
            for record in records:
                if Decision.search_count(
                    [("res_model", "=", model_name), ("res_id", "=", record.id)]
                ):
                    continue
                decisions |= Decision._propose_initial(record)
        to_decide = decisions.filtered(lambda d: d.state == "to_approve")
        self._demo_decide(Decision._name, to_decide.ids)
        approved = decisions.filtered(lambda d: d.state == "approved")
        if approved:
            oldest = approved.sorted("id")[:1]
            oldest._register_write(
                {
                    "expiry_date": self.env["office.calendar"].today()
                    - relativedelta(days=1)
                }
            )
            Decision._cron_propose_declassification()
        return decisions
