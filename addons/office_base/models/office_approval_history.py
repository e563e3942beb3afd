from odoo import api, fields, models


class OfficeApprovalHistory(models.Model):
    """A review of an earlier approval round, kept when the validation is
    restarted (OCA's tier validation deletes the reviews)."""

    _name = "office.approval.history"
    _description = "Approval History"
    _order = "model, res_id, round_date desc, sequence"

    model = fields.Char(required=True, index=True, readonly=True)
    res_id = fields.Many2oneReference(model_field="model", index=True, readonly=True)
    name = fields.Char(string="Step", readonly=True)
    sequence = fields.Integer(string="Tier", readonly=True)
    status = fields.Selection(
        [
            ("waiting", "Waiting"),
            ("pending", "Pending"),
            ("rejected", "Rejected"),
            ("approved", "Approved"),
            ("cancel", "Cancelled"),
        ],
        readonly=True,
    )
    reviewers = fields.Char(readonly=True)
    done_by_id = fields.Many2one("res.users", string="Decided by", readonly=True)
    on_behalf_of_id = fields.Many2one("res.users", string="On behalf of", readonly=True)
    requested_by_id = fields.Many2one("res.users", string="Requested by", readonly=True)
    reviewed_date = fields.Datetime(string="Decided on", readonly=True)
    comment = fields.Char(readonly=True)
    round_date = fields.Datetime(
        string="Round closed on", default=fields.Datetime.now, readonly=True
    )
    company_id = fields.Many2one("res.company", readonly=True)

    @api.model
    def _archive_reviews(self, reviews):
        self.create(
            [
                {
                    "model": review.model,
                    "res_id": review.res_id,
                    "name": review.name,
                    "sequence": review.sequence,
                    "status": review.status,
                    "reviewers": ", ".join(review.reviewer_ids.mapped("name")),
                    "done_by_id": review.done_by.id,
                    "on_behalf_of_id": review.on_behalf_of_id.id,
                    "requested_by_id": review.requested_by.id,
                    "reviewed_date": review.reviewed_date,
                    "comment": review.comment,
                    "company_id": review.company_id.id,
                }
                for review in reviews
            ]
        )
