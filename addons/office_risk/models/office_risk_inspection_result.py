from odoo import _lt, api, fields, models
from odoo.exceptions import UserError

from .office_risk_inspection import INSPECTORS

RESULT_STATES = [
    ("draft", "Scoring"),
    ("confirmed", "Facts confirmed"),
]


class OfficeRiskInspectionResult(models.Model):
    """The result of an inspection for one unit: scores per item of the score
    sheet, total and rank among the inspected units, findings."""

    _name = "office.risk.inspection.result"
    _description = "Inspection Result"
    _inherit = ["office.workflow.mixin"]
    _order = "inspection_id desc, rank, id"

    _workflow_transitions = {
        "confirm_facts": {
            "from": ("draft",),
            "to": "confirmed",
            "groups": INSPECTORS,
            "label": _lt("confirm the facts"),
        },
    }
    _workflow_deletable_states = ("draft",)
    # the unit signed the facts: scores, findings and the notice stay as signed
    _workflow_locked_fields = (
        "inspection_id",
        "department_id",
        "score_ids",
        "check_ids",
        "finding_ids",
        "confirmed_by",
        "rectification_deadline",
    )

    inspection_id = fields.Many2one(
        "office.risk.inspection", required=True, ondelete="cascade", index=True
    )
    department_id = fields.Many2one(
        "hr.department", string="Unit", required=True, index=True
    )
    score_ids = fields.One2many(
        "office.risk.inspection.score", "result_id", string="Scores"
    )
    check_ids = fields.One2many(
        "office.risk.inspection.check", "result_id", string="Checklist"
    )
    finding_ids = fields.One2many(
        "office.risk.inspection.finding", "result_id", string="Findings"
    )
    total_score = fields.Float(compute="_compute_total", store=True, aggregator="avg")
    max_score = fields.Float(compute="_compute_total", store=True)
    score_pct = fields.Float(
        string="Score (%)", compute="_compute_total", store=True, aggregator="avg"
    )
    rank = fields.Integer(compute="_compute_rank", store=True)
    state = fields.Selection(
        RESULT_STATES, default="draft", required=True, tracking=True
    )
    confirmed_by = fields.Char(string="Confirmed by (unit)")
    confirmed_date = fields.Date()
    rectification_deadline = fields.Date()
    company_id = fields.Many2one(
        related="inspection_id.company_id", store=True, index=True
    )

    _sql_constraints = [
        (
            "inspection_department_unique",
            "unique(inspection_id, department_id)",
            "A unit has one result per inspection.",
        ),
    ]

    def _check_scores_open(self):
        """A finished inspection's scores are final (its score sheet is the
        record of the inspection)."""
        done = self.sudo().inspection_id.filtered(
            lambda i: i.state in ("done", "cancel")
        )
        if done:
            raise UserError(
                self.env._(
                    "The inspection “%(inspection)s” is finished: its scores can no "
                    "longer be changed.",
                    inspection=done[:1].name,
                )
            )

    @api.depends("score_ids.score", "score_ids.max_points")
    def _compute_total(self):
        for result in self:
            result.total_score = sum(result.score_ids.mapped("score"))
            result.max_score = sum(result.score_ids.mapped("max_points"))
            result.score_pct = (
                100.0 * result.total_score / result.max_score if result.max_score else 0
            )

    @api.depends("inspection_id.result_ids.total_score")
    def _compute_rank(self):
        for inspection in self.inspection_id:
            ordered = inspection.result_ids.sorted(
                lambda r: (-r.total_score, r.department_id.name or "")
            )
            rank = 0
            previous = None
            for position, result in enumerate(ordered, 1):
                if result.total_score != previous:
                    rank = position
                    previous = result.total_score
                result.rank = rank
        for result in self.filtered(lambda r: not r.inspection_id):
            result.rank = 0

    @api.depends("inspection_id", "department_id")
    def _compute_display_name(self):
        for result in self:
            result.display_name = (
                f"{result.inspection_id.name or ''} · {result.department_id.name or ''}"
            )

    def _check_facts_open(self):
        """Scores and findings change only while the unit's facts are not
        confirmed (事实确认书 signed)."""
        confirmed = self.filtered(lambda r: r.state != "draft")
        if confirmed:
            raise UserError(
                self.env._(
                    "The facts of %(result)s are confirmed: its scores and "
                    "findings can no longer be changed.",
                    result=confirmed[:1].display_name,
                )
            )

    def action_confirm_facts(self):
        """The unit signed the fact-confirmation notice (事实确认书)."""
        return self._workflow_run("confirm_facts")

    def _do_confirm_facts(self, **_kwargs):
        self._workflow_set_state(
            "confirm_facts", {"confirmed_date": self._workflow_today()}
        )
        for result in self:
            result.message_post(body=self.env._("Facts confirmed by the unit."))

    def action_create_rectifications(self):
        self.finding_ids.filtered(
            lambda f: not f.rectification_id
        ).action_create_rectification()
        return True

    def action_print_fact_confirmation(self):
        return self.env.ref(
            "office_risk.action_report_office_risk_fact_confirmation"
        ).report_action(self)

    def action_print_rectification_notice(self):
        return self.env.ref(
            "office_risk.action_report_office_risk_rectification_notice"
        ).report_action(self)
