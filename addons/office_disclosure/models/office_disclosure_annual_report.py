import datetime

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from odoo.addons.office_base.tools import granted, is_granted

from .office_disclosure_release_mixin import OFFICER

_lt = LazyTranslate(__name__)

# the purpose under which the figures are taken from the registers
STATS_GRANT = "office_disclosure_annual_stats"
STATS_FIELDS = (
    "proactive_count",
    "proactive_late_count",
    "news_count",
    "report_count",
    "adopted_count",
    "request_count",
    "answered_count",
    "public_count",
    "partial_count",
    "refused_count",
    "not_exist_count",
    "not_ours_count",
    "extended_count",
    "late_count",
    "pending_count",
)


class OfficeDisclosureAnnualReport(models.Model):
    """The yearly report on government information disclosure
    (政府信息公开工作年度报告, 《政府信息公开条例》第四十九条、第五十条; 003
    第三十九条): its figures are taken from the registers of releases and
    requests of the year, its text passes the secrecy review, and a
    disclosure officer publishes it by the day of the company setting
    (31 January of the next year)."""

    _name = "office.disclosure.annual.report"
    _description = "Yearly Disclosure Report"
    _inherit = ["office.workflow.mixin", "office.disclosure.release.mixin"]
    _order = "year desc"
    _check_company_auto = True
    _workflow_transitions = {
        "publish": {
            "from": ("draft",),
            "to": "published",
            "groups": (OFFICER,),
            "label": _lt("publish"),
        },
    }
    _workflow_deletable_states = ("draft",)
    _workflow_locked_fields = ("year", "body", "department_id", "company_id")
    _disclosure_text_fields = ("body",)
    _disclosure_transition_fields = ("date_published", "is_late")

    name = fields.Char(compute="_compute_name", store=True)
    year = fields.Integer(required=True, default=lambda self: self._default_year())
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Drafting department",
        check_company=True,
        help="The office, whose head gives the department's secrecy review.",
    )
    body = fields.Text(string="Text")
    state = fields.Selection(
        [("draft", "Draft"), ("published", "Published")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    date_due = fields.Date(
        string="Publish by", compute="_compute_date_due", store=True, index=True
    )
    date_published = fields.Date(string="Published on", readonly=True, copy=False)
    is_late = fields.Boolean(string="Published late", readonly=True, copy=False)
    proactive_count = fields.Integer(string="Proactive disclosures", readonly=True)
    proactive_late_count = fields.Integer(
        string="Proactive disclosures late", readonly=True
    )
    news_count = fields.Integer(string="News items", readonly=True)
    report_count = fields.Integer(string="Information reports", readonly=True)
    adopted_count = fields.Integer(
        string="Reports adopted by a higher level", readonly=True
    )
    request_count = fields.Integer(string="Requests received", readonly=True)
    answered_count = fields.Integer(string="Requests answered", readonly=True)
    public_count = fields.Integer(string="Disclosed", readonly=True)
    partial_count = fields.Integer(string="Partly disclosed", readonly=True)
    refused_count = fields.Integer(string="Not disclosed", readonly=True)
    not_exist_count = fields.Integer(string="Information does not exist", readonly=True)
    not_ours_count = fields.Integer(string="Not held by this agency", readonly=True)
    extended_count = fields.Integer(string="Requests extended", readonly=True)
    late_count = fields.Integer(string="Requests answered late", readonly=True)
    pending_count = fields.Integer(
        string="Requests pending at the year's end", readonly=True
    )

    _sql_constraints = [
        (
            "year_company_uniq",
            "unique(year, company_id)",
            "There is already a yearly disclosure report for this year.",
        ),
    ]

    @api.model
    def _default_year(self):
        return self.env["office.calendar"].today().year - 1

    @api.depends("year")
    def _compute_name(self):
        for report in self:
            report.name = self.env._(
                "Government information disclosure report %(year)s", year=report.year
            )

    @api.depends(
        "year",
        "company_id.office_disclosure_report_month",
        "company_id.office_disclosure_report_day",
    )
    def _compute_date_due(self):
        for report in self:
            company = report.company_id
            try:
                report.date_due = datetime.date(
                    report.year + 1,
                    company.office_disclosure_report_month,
                    company.office_disclosure_report_day,
                )
            except ValueError:
                report.date_due = False

    @api.constrains("year")
    def _check_year(self):
        if any(not 2000 <= report.year <= 2100 for report in self):
            raise ValidationError(self.env._("Give the year of the report, e.g. 2026."))

    def write(self, vals):
        if set(vals) & set(STATS_FIELDS) and not is_granted(STATS_GRANT, self):
            raise UserError(
                self.env._("The figures of the report are taken from the registers.")
            )
        return super().write(vals)

    # ------------------------------------------------------------------
    # Figures
    # ------------------------------------------------------------------

    def _year_domain(self, field):
        self.ensure_one()
        return [
            ("company_id", "=", self.company_id.id),
            (field, ">=", datetime.date(self.year, 1, 1)),
            (field, "<=", datetime.date(self.year, 12, 31)),
        ]

    def _figures(self):
        """The figures of the year, counted in the registers."""
        self.ensure_one()
        Release = self.env["office.disclosure.release"]
        Request = self.env["office.disclosure.request"]
        published = self._year_domain("date_published") + [("state", "=", "published")]
        received = self._year_domain("date_received") + [("state", "!=", "cancel")]
        answered = self._year_domain("date_answered") + [("state", "=", "answered")]
        year_end = datetime.date(self.year, 12, 31)
        figures = {
            "proactive_count": Release.search_count(
                published + [("kind", "=", "proactive")]
            ),
            "proactive_late_count": Release.search_count(
                published + [("kind", "=", "proactive"), ("is_late", "=", True)]
            ),
            "news_count": Release.search_count(published + [("kind", "=", "news")]),
            "report_count": Release.search_count(published + [("kind", "=", "report")]),
            "adopted_count": Release.search_count(
                published + [("kind", "=", "report"), ("adopted", "=", True)]
            ),
            "request_count": Request.search_count(received),
            "answered_count": Request.search_count(answered),
            "extended_count": Request.search_count(self._year_domain("extended_on")),
            "late_count": Request.search_count(answered + [("is_late", "=", True)]),
            "pending_count": Request.search_count(
                received
                + [
                    "|",
                    ("date_answered", "=", False),
                    ("date_answered", ">", year_end),
                ]
            ),
        }
        counts = dict.fromkeys(
            ("public", "partial", "refused", "not_exist", "not_ours"), 0
        )
        for answer_type, count in Request._read_group(
            answered, ["answer_type"], ["__count"]
        ):
            if answer_type in counts:
                counts[answer_type] = count
        figures.update({f"{key}_count": value for key, value in counts.items()})
        return figures

    def action_refresh(self):
        """Take the figures of the year from the registers again."""
        for report in self:
            if report.state != "draft":
                raise UserError(
                    self.env._(
                        "A published report keeps the figures it was published with."
                    )
                )
            report.check_access("write")
            figures = report._figures()
            with granted(STATS_GRANT, report):
                report.write(figures)
        return True

    # ------------------------------------------------------------------
    # Transitions
    # ------------------------------------------------------------------

    def action_publish(self):
        return self._workflow_run("publish")

    def _check_can_publish(self, **_kwargs):
        for report in self:
            if not (report.body or "").strip():
                raise UserError(self.env._("Write the text of the report."))
        self._disclosure_check_release()

    def _do_publish(self, at=None, **kwargs):
        # `at`: the day of a publication registered afterwards (Python only)
        today = fields.Date.to_date(at) if at else self._workflow_today()
        self.action_refresh()
        for report in self:
            report._workflow_set_state(
                "publish",
                {
                    "date_published": today,
                    "is_late": bool(report.date_due and today > report.date_due),
                },
                **kwargs,
            )

    # ------------------------------------------------------------------
    # Crons
    # ------------------------------------------------------------------

    @api.model
    def _cron_remind_due(self):
        """Remind the disclosure officers of a report not published near its
        deadline; propose the draft of the past year when there is none."""
        calendar = self.env["office.calendar"]
        activity = "office_disclosure.mail_act_office_disclosure_due"
        for company in self.env["res.company"].search([]):
            today = calendar.today(company)
            report = self.search(
                [("company_id", "=", company.id), ("year", "=", today.year - 1)]
            )
            if not report and today.month == company.office_disclosure_report_month:
                report = self.create({"year": today.year - 1, "company_id": company.id})
            if not report or report.state != "draft" or not report.date_due:
                continue
            horizon = calendar.add_working_days(
                today, company.office_disclosure_remind_days, company
            )
            if report.date_due <= horizon:
                officers = (
                    self.env.ref(OFFICER)
                    .sudo()
                    .users.filtered(lambda u, c=company: c in u.company_ids)
                )
                report._office_schedule_missing(
                    activity, officers, deadline=report.date_due
                )
