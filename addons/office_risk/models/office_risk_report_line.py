from odoo import fields, models

from .office_risk_error_penalty import default_currency


class OfficeRiskReportLine(models.Model):
    """One unit's results in a risk control report, as the performance
    office takes them into the performance assessment (003 第七条: 各科室单位
    及其干部职工执行本办法的情况纳入绩效考核指标体系; 004 二: 绩效办负总责)."""

    _name = "office.risk.report.line"
    _description = "Risk Control Report: Unit Results"
    _order = "report_id, department_id"

    report_id = fields.Many2one(
        "office.risk.report", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        related="report_id.company_id", store=True, index=True, precompute=True
    )
    date_from = fields.Date(related="report_id.date_from", store=True)
    department_id = fields.Many2one("hr.department", string="Unit", required=True)
    event_count = fields.Integer(string="Risk events")
    event_major_count = fields.Integer(string="Major risk events")
    rectification_overdue_count = fields.Integer(string="Rectifications overdue")
    inspection_score_pct = fields.Float(
        string="Inspection score (%)",
        aggregator="avg",
        help="Average of the unit's results in the inspections finished in the period.",
    )
    error_count = fields.Integer(string="Zero-error register entries")
    deduction_amount = fields.Monetary(
        string="Performance deductions", currency_field="currency_id"
    )
    currency_id = fields.Many2one(
        "res.currency", default=lambda self: default_currency(self.env)
    )
