from odoo import api, fields, models


class OfficeHoliday(models.Model):
    """One exception to the weekly working pattern: a public holiday on a
    working weekday, or a make-up working day (调休上班) on a weekend."""

    _name = "office.holiday"
    _description = "Public Holiday or Make-up Working Day"
    _order = "date"

    date = fields.Date(required=True, index=True)
    name = fields.Char(required=True, translate=False)
    kind = fields.Selection(
        [("holiday", "Day off"), ("workday", "Make-up working day")],
        required=True,
        default="holiday",
    )
    year = fields.Integer(compute="_compute_year", store=True, index=True)
    source = fields.Selection(
        [("package", "Holidays package"), ("manual", "Entered by hand")],
        required=True,
        default="manual",
    )
    company_id = fields.Many2one("res.company", index=True)

    _sql_constraints = [
        (
            "date_company_uniq",
            "unique(date, company_id)",
            "A date can only be entered once per company.",
        ),
    ]

    @api.depends("date")
    def _compute_year(self):
        for holiday in self:
            holiday.year = holiday.date.year if holiday.date else 0

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        self.env["office.calendar"].invalidate_calendar_cache()
        return records

    def write(self, vals):
        res = super().write(vals)
        self.env["office.calendar"].invalidate_calendar_cache()
        return res

    def unlink(self):
        res = super().unlink()
        self.env["office.calendar"].invalidate_calendar_cache()
        return res
