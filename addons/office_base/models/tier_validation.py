from odoo import models


class TierValidation(models.AbstractModel):
    """OCA's approval messages, said again from office_base so that they are
    translated: a Python message is looked up in the po files of the module
    whose code says it, and upstream's zh_CN.po leaves these empty (their
    Chinese is in office_base/i18n_extra/zh_CN.po)."""

    _inherit = "tier.validation"

    def _get_to_validate_message(self):
        message = self.env._(
            "This %s needs to be validated", self._get_to_validate_message_name()
        )
        return f'<i class="fa fa-info-circle"></i> {message}'

    def _get_validated_message(self):
        if self.validation_status != "validated":
            return ""
        message = self.env._("Operation has been <b>validated</b>!")
        return f'<i class="fa fa-thumbs-up"></i> {message}'

    def _get_rejected_message(self):
        if self.validation_status != "rejected":
            return ""
        message = self.env._("Operation has been <b>rejected</b>.")
        return f'<i class="fa fa-thumbs-down"></i> {message}'

    def _compute_next_review(self):
        for record in self:
            review = record.review_ids.sorted("sequence").filtered(
                lambda r: r.status == "pending"
            )[:1]
            record.next_review = review and self.env._("Next: %s", review.name or "")

    def _own_comment(self):
        commented = self.review_ids.filtered(
            lambda r: self.env.user in r.reviewer_ids and r.comment
        )
        return commented[:1].comment

    def _notify_accepted_reviews_body(self):
        comment = self._own_comment()
        if comment:
            return self.env._("A review was accepted. (%s)", comment)
        return self.env._("A review was accepted")

    def _notify_rejected_review_body(self):
        comment = self._own_comment()
        if comment:
            return self.env._(
                "A review was rejected by %(user)s. (%(comment)s)",
                user=self.env.user.name,
                comment=comment,
            )
        return self.env._("A review was rejected by %s.", self.env.user.name)

    def _notify_created_review_body(self):
        return self.env._(
            "A record to be reviewed has been created by %s.", self.env.user.name
        )

    def _notify_requested_review_body(self):
        return self.env._("A review has been requested by %s.", self.env.user.name)

    def _notify_restarted_review_body(self):
        return self.env._("The review has been reset by %s.", self.env.user.name)
