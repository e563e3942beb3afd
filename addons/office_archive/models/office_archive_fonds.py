import datetime

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class OfficeArchiveFonds(models.Model):
    """全宗: the whole of the archives formed by one agency; its code (全宗号)
    opens every archival code. The fonds also carries the yearly filing
    calendar: departments organize their files by the organizing date and
    transfer them by the transfer date of the following year."""

    _name = "office.archive.fonds"
    _description = "Fonds"
    _order = "code"

    code = fields.Char(required=True, help="全宗号, e.g. Z109.")
    name = fields.Char(required=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    archive_department_id = fields.Many2one(
        "hr.department",
        string="Archive office",
        help="The office keeping the archives: its cleared members may read the "
        "classified items of the fonds.",
    )
    organize_month = fields.Integer(default=3, string="Organized by (month)")
    organize_day = fields.Integer(default=31, string="Organized by (day)")
    transfer_month = fields.Integer(default=6, string="Transferred by (month)")
    transfer_day = fields.Integer(default=30, string="Transferred by (day)")
    state_transfer_years = fields.Integer(
        default=10,
        string="Years before the state archives",
        help="Permanent and long-term items are transferred to the state archives "
        "this many years after their year.",
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "code_company_uniq",
            "unique(code, company_id)",
            "The fonds code must be unique.",
        ),
    ]

    @api.depends("code", "name")
    def _compute_display_name(self):
        for fonds in self:
            fonds.display_name = f"{fonds.code} {fonds.name or ''}".strip()

    @api.constrains("organize_month", "organize_day", "transfer_month", "transfer_day")
    def _check_calendar(self):
        for fonds in self:
            try:
                datetime.date(2024, fonds.organize_month, fonds.organize_day)
                datetime.date(2024, fonds.transfer_month, fonds.transfer_day)
            except ValueError:
                raise ValidationError(
                    self.env._("The organizing and transfer dates must be real dates.")
                ) from None

    def _deadlines(self, year):
        """(organized by, transferred by) for the files of `year`."""
        self.ensure_one()

        def day(month, mday):
            try:
                return datetime.date(year + 1, month, mday)
            except ValueError:  # 29 February
                return datetime.date(year + 1, month, 28)

        return (
            day(self.organize_month or 3, self.organize_day or 31),
            day(self.transfer_month or 6, self.transfer_day or 30),
        )
