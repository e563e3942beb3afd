import datetime

from dateutil.relativedelta import relativedelta

from odoo import _lt, api, fields, models
from odoo.exceptions import UserError

from .office_risk_error import PERFORMANCE
from .office_risk_event import COMMITTEE, INTERNAL_CONTROL

REPORT_STATES = [
    ("draft", "Draft"),
    ("submitted", "Reported to the committee"),
    ("acknowledged", "Reviewed by the committee"),
    ("disclosed", "Disclosed"),
]
REPORT_DUE = "office_risk.mail_act_office_risk_report_due"
REPORT_STEP = "office_risk.mail_act_office_risk_report_step"
REPORT_PERFORMANCE = "office_risk.mail_act_office_risk_report_performance"
ASSESSORS = (
    "office_risk.group_risk_performance,office_base.group_office_internal_control,"
    "office_risk.group_risk_committee,office_base.group_office_director"
)


class OfficeRiskReport(models.Model):
    """The periodic report on risk control (003 第五条): the office reports
    the state of risk control to the internal-control office (五(三)), which
    reports to the committee and discloses how internal control is carried
    out (五(二): 定期披露内控执行情况). One report per period of the company's
    reporting cycle; the cron opens it when the period ends.

    ===================  ===============  ===============================
    who                  read             act
    ===================  ===============  ===============================
    staff                disclosed ones   —
    internal control     all              write, report, disclose
    committee            all              review (with its requirements)
    performance office,  all              —
    office director
    ===================  ===============  ===============================

    The figures are taken when the report goes to the committee and stay as
    reported."""

    _name = "office.risk.report"
    _description = "Risk Control Report"
    _inherit = ["office.workflow.mixin"]
    _order = "date_from desc, id desc"
    _check_company_auto = True

    _workflow_transitions = {
        "submit": {
            "from": ("draft",),
            "to": "submitted",
            "groups": (INTERNAL_CONTROL,),
            "label": _lt("report to the committee"),
        },
        "acknowledge": {
            "from": ("submitted",),
            "to": "acknowledged",
            "groups": (COMMITTEE,),
            "label": _lt("review"),
        },
        "disclose": {
            "from": ("acknowledged",),
            "to": "disclosed",
            "groups": (INTERNAL_CONTROL,),
            "label": _lt("disclose"),
        },
    }
    _workflow_locked_fields = (
        "name",
        "date_from",
        "date_to",
        "summary",
        "event_count",
        "event_major_count",
        "rectification_open_count",
        "rectification_overdue_count",
        "rectification_verified_count",
        "inspection_count",
        "error_count",
        "line_ids",
    )
    _workflow_deletable_states = ("draft",)
    _workflow_activities = {
        "submitted": (REPORT_STEP, "_committee_users"),
        # 003 第七条, 004 二: the results go into the performance assessment
        "acknowledged": (REPORT_PERFORMANCE, "_performance_users"),
    }

    name = fields.Char(required=True, tracking=True)
    date_from = fields.Date(string="Period from", required=True)
    date_to = fields.Date(string="Period to", required=True)
    due_date = fields.Date(compute="_compute_due_date", store=True)
    summary = fields.Html(
        string="Carrying out of internal control",
        help="What the internal-control office reports and discloses (003 第五条).",
    )
    committee_opinion = fields.Text(
        string="Committee's requirements",
        tracking=True,
        help="003 第五条(一): the committee states what is to be strengthened "
        "and improved.",
    )
    event_count = fields.Integer(string="Risk events", readonly=True)
    event_major_count = fields.Integer(string="Major risk events", readonly=True)
    rectification_open_count = fields.Integer(
        string="Rectifications open", readonly=True
    )
    rectification_overdue_count = fields.Integer(
        string="Rectifications overdue", readonly=True
    )
    rectification_verified_count = fields.Integer(
        string="Rectifications verified", readonly=True
    )
    inspection_count = fields.Integer(string="Inspections finished", readonly=True)
    error_count = fields.Integer(string="Zero-error register entries", readonly=True)
    line_ids = fields.One2many(
        "office.risk.report.line",
        "report_id",
        string="Results per unit",
        readonly=True,
        groups=ASSESSORS,
    )
    state = fields.Selection(
        REPORT_STATES,
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    _sql_constraints = [
        (
            "period_unique",
            "unique(company_id, date_from)",
            "There is one risk control report per period.",
        )
    ]

    @api.depends("date_to", "company_id.office_risk_report_due_days")
    def _compute_due_date(self):
        for report in self:
            report.due_date = report.date_to and report.date_to + datetime.timedelta(
                days=report.company_id.office_risk_report_due_days
            )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_refresh(self):
        """Take the figures of the period again (draft only)."""
        if self.filtered(lambda r: r.state != "draft"):
            raise UserError(
                self.env._("A report sent to the committee keeps its figures.")
            )
        self._take_figures()
        return True

    def action_submit(self):
        return self._workflow_run("submit")

    def action_acknowledge(self):
        return self._workflow_run("acknowledge")

    def action_disclose(self):
        return self._workflow_run("disclose")

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------

    def _do_submit(self, **_kwargs):
        self._take_figures()
        return self._workflow_set_state("submit")

    def _take_figures(self):
        for report in self:
            report.write(
                dict(
                    report._figures(),
                    line_ids=[fields.Command.clear()]
                    + [fields.Command.create(vals) for vals in report._unit_results()],
                )
            )

    def _unit_results(self):
        """Per unit: its risk events, overdue rectifications, inspection score
        and zero-error entries with their deductions (004 二)."""
        self.ensure_one()
        env = self.sudo().env
        company = [("company_id", "=", self.company_id.id)]
        start = datetime.datetime.combine(self.date_from, datetime.time.min)
        end = datetime.datetime.combine(self.date_to, datetime.time.max)
        events = env["office.risk.event"].search(
            company
            + [
                ("date_found", ">=", start),
                ("date_found", "<=", end),
                ("state", "!=", "cancel"),
            ]
        )
        overdue = env["office.risk.rectification"].search(
            company
            + [
                ("state", "in", ("open", "submitted")),
                ("create_date", "<=", end),
                ("deadline", "<", self.date_to),
            ]
        )
        results = env["office.risk.inspection.result"].search(
            [
                ("inspection_id.company_id", "=", self.company_id.id),
                ("inspection_id.state", "=", "done"),
                ("inspection_id.date_to", ">=", self.date_from),
                ("inspection_id.date_to", "<=", self.date_to),
            ]
        )
        errors = env["office.risk.error"].search(
            company
            + [
                ("state", "=", "confirmed"),
                ("date", ">=", self.date_from),
                ("date", "<=", self.date_to),
            ]
        )
        units = (
            events.department_ids
            | overdue.department_id
            | results.department_id
            | errors.department_id
        )
        lines = []
        for unit in units.sorted("name"):
            unit_events = events.filtered(lambda e, u=unit: u in e.department_ids)
            unit_results = results.filtered(lambda r, u=unit: r.department_id == u)
            unit_errors = errors.filtered(lambda e, u=unit: e.department_id == u)
            pcts = unit_results.mapped("score_pct")
            lines.append(
                {
                    "department_id": unit.id,
                    "event_count": len(unit_events),
                    "event_major_count": len(
                        unit_events.filtered(lambda e: e.level == "major")
                    ),
                    "rectification_overdue_count": len(
                        overdue.filtered(lambda r, u=unit: r.department_id == u)
                    ),
                    "inspection_score_pct": sum(pcts) / len(pcts) if pcts else 0.0,
                    "error_count": len(unit_errors),
                    "deduction_amount": sum(
                        unit_errors.deduction_ids.filtered(
                            lambda d: d.liability == "person"
                        ).mapped("amount")
                    ),
                }
            )
        return lines

    def _figures(self):
        """The period's risk events, rectifications, inspections and errors."""
        self.ensure_one()
        env = self.sudo().env
        company = [("company_id", "=", self.company_id.id)]
        start = datetime.datetime.combine(self.date_from, datetime.time.min)
        end = datetime.datetime.combine(self.date_to, datetime.time.max)
        events = env["office.risk.event"].search(
            company
            + [
                ("date_found", ">=", start),
                ("date_found", "<=", end),
                ("state", "!=", "cancel"),
            ]
        )
        Rect = env["office.risk.rectification"]
        open_domain = company + [
            ("state", "in", ("open", "submitted")),
            ("create_date", "<=", end),
        ]
        return {
            "event_count": len(events),
            "event_major_count": len(events.filtered(lambda e: e.level == "major")),
            "rectification_open_count": Rect.search_count(open_domain),
            "rectification_overdue_count": Rect.search_count(
                open_domain + [("deadline", "<", self.date_to)]
            ),
            "rectification_verified_count": Rect.search_count(
                company
                + [
                    ("state", "=", "verified"),
                    ("verified_at", ">=", start),
                    ("verified_at", "<=", end),
                ]
            ),
            "inspection_count": env["office.risk.inspection"].search_count(
                company
                + [
                    ("state", "=", "done"),
                    ("date_to", ">=", self.date_from),
                    ("date_to", "<=", self.date_to),
                ]
            ),
            "error_count": env["office.risk.error"].search_count(
                company
                + [
                    ("state", "=", "confirmed"),
                    ("date", ">=", self.date_from),
                    ("date", "<=", self.date_to),
                ]
            ),
        }

    def _committee_users(self):
        return self._company_group_users(COMMITTEE)

    def _internal_control_users(self):
        return self._company_group_users(INTERNAL_CONTROL)

    def _performance_users(self):
        return self._company_group_users(PERFORMANCE)

    def _company_group_users(self, xmlid):
        self.ensure_one()
        return (
            self.env.ref(xmlid)
            .sudo()
            .users.filtered(
                lambda u: (
                    self.company_id in u.company_ids
                    and not u.has_group("base.group_system")
                )
            )
        )

    # ------------------------------------------------------------------
    # Cron
    # ------------------------------------------------------------------

    @api.model
    def _period_before(self, company, today):
        """The last reporting period of `company` ended before `today`."""
        months = company.office_risk_report_months
        start = datetime.date(today.year, (today.month - 1) // months * months + 1, 1)
        previous = start - relativedelta(months=months)
        return previous, start - datetime.timedelta(days=1)

    @api.model
    def _cron_open_reports(self, limit=500):
        """Open the report of every company's period just ended, and remind
        the internal-control office of each draft report, due on its due
        date (003 第五条: 定期披露, 定期报送)."""
        for company in self.env["res.company"].search([]):
            today = self.env["office.calendar"].today(company)
            date_from, date_to = self._period_before(company, today)
            if not self.search_count(
                [("company_id", "=", company.id), ("date_from", "=", date_from)]
            ):
                self.create(
                    {
                        "name": self.env._(
                            "Risk control report %(start)s – %(end)s",
                            start=date_from,
                            end=date_to,
                        ),
                        "date_from": date_from,
                        "date_to": date_to,
                        "company_id": company.id,
                    }
                )
        return self._office_remind(
            [("state", "=", "draft")],
            REPORT_DUE,
            lambda report: report._internal_control_users(),
            deadline_field="due_date",
            summary=self.env._("Report risk control to the committee"),
            limit=limit,
        )
