from odoo import models
from odoo.osv import expression

REVIEW = "tier.review"


class MailMail(models.Model):
    """The outgoing mail queue (the system administrator's) carries the
    names of the records its messages are about; an approval e-mail is
    about a review, which follows its request (tier.review._search)."""

    _name = "mail.mail"
    _inherit = ["mail.mail", "office.record.readable.mixin"]
    _office_reference = ("model", "res_id")

    def _compute_office_record_readable(self):
        reviews = self.filtered(lambda mail: mail.model == REVIEW)
        result = super(MailMail, self - reviews)._compute_office_record_readable()
        user_env = self.env(su=False)
        for mail in reviews:
            review = user_env[REVIEW].browse(mail.res_id).exists()
            mail.office_record_readable = bool(review._filtered_access("read"))
        return result

    def _search_office_record_readable(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return super()._search_office_record_readable(operator, value)
        readable = super()._search_office_record_readable("=", True)
        visible_reviews = self.env(su=False)[REVIEW]._search([])
        readable = expression.OR(
            [
                expression.AND([[("model", "!=", REVIEW)], readable]),
                [("model", "=", REVIEW), ("res_id", "in", visible_reviews)],
            ]
        )
        return readable if (operator == "=") == value else ["!", *readable]
