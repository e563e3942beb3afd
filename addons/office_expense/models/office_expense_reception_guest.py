from odoo import fields, models


class OfficeExpenseReceptionGuest(models.Model):
    """A guest of the reception list (接待清单): unit, name and post."""

    _name = "office.expense.reception.guest"
    _description = "Reception Guest"
    _order = "reception_id, sequence, id"

    reception_id = fields.Many2one(
        "office.expense.reception", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True)
    post = fields.Char()
    unit = fields.Char()
    company_id = fields.Many2one(
        related="reception_id.company_id", store=True, index=True
    )
