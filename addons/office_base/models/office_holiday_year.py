import datetime
import logging

from odoo import api, fields, models

_logger = logging.getLogger(__name__)

try:
    import holidays as holidays_lib
except ImportError:  # pragma: no cover - declared in external_dependencies
    holidays_lib = None


class OfficeHolidayYear(models.Model):
    """A calendar year of public holidays: whether the State Council's notice
    for it is known (confirmed) or only guessed from the fixed holidays."""

    _name = "office.holiday.year"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _description = "Holiday Calendar Year"
    _order = "year desc"
    _rec_name = "year"

    year = fields.Integer(required=True)
    confirmed = fields.Boolean(
        help="The State Council's notice for this year is known and the make-up "
        "working days are entered. Unconfirmed years lack make-up days.",
    )
    holiday_count = fields.Integer(compute="_compute_counts")
    workday_count = fields.Integer(compute="_compute_counts")
    note = fields.Char()
    company_id = fields.Many2one(
        "res.company",
        index=True,
        help="Empty: shared by every agency.",
    )

    _sql_constraints = [
        ("year_uniq", "unique(year)", "Each year can only be entered once."),
        (
            "year_range",
            "CHECK(year BETWEEN 2000 AND 2100)",
            "The year must lie between 2000 and 2100.",
        ),
    ]

    def _compute_counts(self):
        groups = self.env["office.holiday"]._read_group(
            [("year", "in", self.mapped("year"))],
            ["year", "kind"],
            ["__count"],
        )
        counts = {(year, kind): count for year, kind, count in groups}
        for rec in self:
            rec.holiday_count = counts.get((rec.year, "holiday"), 0)
            rec.workday_count = counts.get((rec.year, "workday"), 0)

    @api.model
    def _package_days(self, year):
        """Return ({date: name} days off, {date: name} make-up days) for `year`
        from the `holidays` package, in Chinese."""
        if holidays_lib is None:
            return {}, {}
        cn = holidays_lib.China(years=[year], language="zh_CN")
        days_off = {day: name for day, name in cn.items() if day.year == year}
        workdays = {
            day: self.env._("Make-up working day")
            for day in getattr(cn, "weekend_workdays", set())
            if day.year == year
        }
        return days_off, workdays

    @api.model
    def seed_years(self, years=None):
        """Create the holidays of `years` (default: last year, this year and
        next) from the package, keeping days entered by hand. Idempotent.

        Last year is kept because its documents, loans and statistics are
        still counted in working days after New Year."""
        if years is None:
            this_year = fields.Date.context_today(self).year
            years = [this_year - 1, this_year, this_year + 1]
        Holiday = self.env["office.holiday"].sudo()
        for year in years:
            days_off, workdays = self._package_days(year)
            existing = set(Holiday.search([("year", "=", year)]).mapped("date"))
            vals_list = [
                {"date": day, "name": name, "kind": "holiday", "source": "package"}
                for day, name in days_off.items()
                if day not in existing
            ] + [
                {"date": day, "name": name, "kind": "workday", "source": "package"}
                for day, name in workdays.items()
                if day not in existing
            ]
            Holiday.create(vals_list)
            year_rec = self.sudo().search([("year", "=", year)])
            if not year_rec:
                year_rec = self.sudo().create({"year": year})
            if workdays and not year_rec.confirmed:
                year_rec.confirmed = True
        return True

    @api.model
    def _cron_seed_next_year(self):
        self.seed_years()
        self._remind_unconfirmed_next_year()

    @api.model
    def _remind_unconfirmed_next_year(self):
        """From November on (the State Council's notice usually comes out in
        November), give each office director a to-do on next year's calendar
        while it is unconfirmed: without its make-up working days every
        deadline of next year counts wrong. Once per director."""
        today = fields.Date.context_today(self)
        if today.month < 11:
            return
        next_year = self.search(
            [("year", "=", today.year + 1), ("confirmed", "=", False)]
        )
        if not next_year:
            return
        directors = self.env.ref("office_base.group_office_director").users.filtered(
            lambda u: u.active and not u.share
        ) - self.env.ref("base.user_root")
        todo = self.env.ref("mail.mail_activity_data_todo")
        reminded = next_year.activity_ids.filtered(
            lambda a: a.activity_type_id == todo
        ).user_id
        for user in directors - reminded:
            next_year.activity_schedule(
                act_type_xmlid="mail.mail_activity_data_todo",
                date_deadline=datetime.date(today.year, 12, 31),
                summary=self.env._(
                    "Enter the holidays of %(year)s",
                    year=next_year.year,
                ),
                note=self.env._(
                    "The State Council's holiday notice for %(year)s is not "
                    "entered: its make-up working days are missing and "
                    "deadlines in %(year)s count wrong. Enter them under "
                    "Holiday years and mark the year confirmed.",
                    year=next_year.year,
                ),
                user_id=user.id,
            )

    @api.model
    def unconfirmed_upcoming_years(self):
        """Years (this and next) whose calendar is not confirmed."""
        this_year = fields.Date.context_today(self).year
        confirmed = self.search(
            [("year", "in", [this_year, this_year + 1]), ("confirmed", "=", True)]
        ).mapped("year")
        return [y for y in (this_year, this_year + 1) if y not in confirmed]

    def action_reseed(self):
        self.seed_years(self.mapped("year"))
        return True
