from odoo import fields, models


class TierReview(models.Model):
    """What an approvals inbox card shows beyond OCA's review: the number of
    files of the request (the reviewer reads what he approves), and a
    confirmation after each decision."""

    _inherit = "tier.review"

    office_attachment_count = fields.Integer(
        string="Files", compute="_compute_office_attachment_count"
    )

    def _compute_office_attachment_count(self):
        Attachment = self.env["ir.attachment"]
        for review in self:
            record = review._office_record() if review.model in self.env else None
            if not record or not record.exists() or not record.has_access("read"):
                review.office_attachment_count = 0
                continue
            files = Attachment.search(
                [("res_model", "=", review.model), ("res_id", "=", review.res_id)]
            )
            if "attachment_ids" in record._fields:
                files |= record.attachment_ids
            review.office_attachment_count = len(files)

    def action_office_approve(self):
        """The inbox's buttons ask for a confirmation to show (a display
        choice of the web client, no right); over XML-RPC the answer stays
        ``True`` (docs/api.md)."""
        names = ", ".join(n for n in self.mapped("res_name") if n)
        result = super().action_office_approve()
        if not self.env.context.get("office_confirm_decision"):
            return result
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._("Approved: %(requests)s", requests=names),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
