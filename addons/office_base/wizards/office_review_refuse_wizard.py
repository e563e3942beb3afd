from odoo import fields, models


class OfficeReviewRefuseWizard(models.TransientModel):
    _name = "office.review.refuse.wizard"
    _description = "Refuse a Review"

    review_ids = fields.Many2many("tier.review", required=True)
    reason = fields.Text(required=True)

    def action_refuse(self):
        self.review_ids.office_refuse(self.reason)
        return {"type": "ir.actions.act_window_close"}
