from odoo import fields, models


class OfficeArchiveIncident(models.Model):
    """Something found wrong with an item: damaged or missing pages on
    return, or an electronic file that no longer matches its digest."""

    _name = "office.archive.incident"
    _description = "Archive Incident"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "id desc"

    item_id = fields.Many2one("office.archive.item", required=True, index=True)
    loan_id = fields.Many2one("office.archive.loan", index=True)
    kind = fields.Selection(
        [
            ("damaged", "Damaged"),
            ("missing_pages", "Missing pages"),
            ("altered", "Electronic file altered"),
            ("lost", "Lost"),
        ],
        required=True,
        tracking=True,
    )
    description = fields.Text()
    borrower_id = fields.Many2one(related="loan_id.borrower_id", store=True)
    state = fields.Selection(
        [("open", "Open"), ("closed", "Closed")],
        default="open",
        required=True,
        tracking=True,
    )
    resolution = fields.Text()
    company_id = fields.Many2one(related="item_id.company_id", store=True)

    def action_close(self):
        self.write({"state": "closed"})
        return True
