import datetime

from odoo import api, models


class OfficeExpenseDemo(models.AbstractModel):
    """Demo data helpers, called by ``demo/office_expense_demo.xml``: they
    drive the demo records through their real transitions, as the people of
    the story."""

    _name = "office.expense.demo"
    _inherit = ["office.demo"]
    _description = "Office Spending Demo Data"

    @api.model
    def _demo_on_working_dates(self, model, ids, start="date_start", end="date_end"):
        """Move the records' dates (Date fields) until they start on a working
        day of the office calendar: forward for a future record, backward
        for a past one (it stays over, to be claimed)."""
        calendar = self.env["office.calendar"]
        today = calendar.today()
        for record in self.env[model].browse(ids):
            step = -1 if record[start] < today else 1
            shift = 0
            while not calendar.is_working_day(
                record[start] + datetime.timedelta(days=shift)
            ):
                shift += step
            if shift:
                delta = datetime.timedelta(days=shift)
                record.write({start: record[start] + delta, end: record[end] + delta})
        return True

    @api.model
    def _demo_approve_as(self, model, ids, user_ids):
        """Approve the pending step of the records as each user in turn."""
        for record in self.env[model].browse(ids):
            for user_id in user_ids:
                review = record.review_ids.filtered(
                    lambda r: r.status == "pending"
                ).sorted("sequence", reverse=True)[:1]
                if not review:
                    break
                review.with_user(user_id).action_office_approve()
        return True
