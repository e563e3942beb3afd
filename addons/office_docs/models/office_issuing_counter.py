from odoo import api, fields, models
from odoo.exceptions import UserError


class OfficeIssuingCounter(models.Model):
    """The last number given for an issuing code in a year. Rows are created
    and incremented by ``office.issuing.code._next_number``; the office
    director may set the starting point of a year (e.g. when the register
    moves into Odoo during the year), never lower it."""

    _name = "office.issuing.counter"
    _description = "Issuing Code Yearly Counter"
    _order = "year desc"
    _rec_name = "year"

    code_id = fields.Many2one(
        "office.issuing.code", required=True, ondelete="cascade", index=True
    )
    year = fields.Integer(required=True)
    last_number = fields.Integer(required=True, default=0)
    company_id = fields.Many2one(related="code_id.company_id", store=True)

    _sql_constraints = [
        (
            "code_year_uniq",
            "unique(code_id, year)",
            "There is already a counter for this issuing code and year.",
        ),
        (
            "last_number_positive",
            "CHECK(last_number >= 0)",
            "The last number cannot be negative.",
        ),
        (
            "year_range",
            "CHECK(year BETWEEN 2000 AND 2100)",
            "The year must lie between 2000 and 2100.",
        ),
    ]

    def write(self, vals):
        if "last_number" in vals:
            for counter in self:
                if vals["last_number"] < counter.last_number:
                    raise UserError(
                        self.env._(
                            "The counter of %(code)s for %(year)s cannot go back "
                            "from %(last)s: numbers would be given twice.",
                            code=counter.code_id.name,
                            year=counter.year,
                            last=counter.last_number,
                        )
                    )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_used(self):
        if any(counter.last_number for counter in self):
            raise UserError(
                self.env._("A counter that has given numbers cannot be deleted.")
            )
