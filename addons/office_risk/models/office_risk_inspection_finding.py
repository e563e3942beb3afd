import datetime

from odoo import api, fields, models

from .office_risk_domain import RISK_LEVELS

FREE_AFTER_CONFIRMATION = {"rectification_id"}


class OfficeRiskInspectionFinding(models.Model):
    """A finding (问题) of an inspection in one unit, optionally against a risk
    point; it becomes a rectification of the unit."""

    _name = "office.risk.inspection.finding"
    _description = "Inspection Finding"
    _order = "result_id, id"

    result_id = fields.Many2one(
        "office.risk.inspection.result", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        related="result_id.company_id", store=True, index=True, precompute=True
    )
    inspection_id = fields.Many2one(
        related="result_id.inspection_id", store=True, index=True
    )
    department_id = fields.Many2one(related="result_id.department_id", store=True)
    item_id = fields.Many2one("office.risk.inspection.template.item")
    point_id = fields.Many2one("office.risk.point", string="Risk point")
    domain_id = fields.Many2one(
        "office.risk.domain",
        compute="_compute_domain_id",
        store=True,
        readonly=False,
    )
    description = fields.Text(required=True)
    level = fields.Selection(RISK_LEVELS, default="general")
    requirement = fields.Text(string="Rectification required")
    deadline = fields.Date()
    rectification_id = fields.Many2one(
        "office.risk.rectification", readonly=True, copy=False
    )
    rectification_state = fields.Selection(related="rectification_id.state")

    @api.model_create_multi
    def create(self, vals_list):
        results = self.env["office.risk.inspection.result"].browse(
            [vals["result_id"] for vals in vals_list if vals.get("result_id")]
        )
        results._check_facts_open()
        return super().create(vals_list)

    def write(self, vals):
        # the rectification made from a confirmed finding is linked later
        if set(vals) - FREE_AFTER_CONFIRMATION:
            self.result_id._check_facts_open()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_facts_confirmed(self):
        self.result_id._check_facts_open()

    @api.depends("point_id", "item_id")
    def _compute_domain_id(self):
        for finding in self:
            finding.domain_id = (
                finding.point_id.domain_id
                or finding.item_id.domain_id
                or finding.domain_id
            )

    def _compute_display_name(self):
        for finding in self:
            text = (finding.description or "").strip()
            finding.display_name = text[:60] + ("…" if len(text) > 60 else "")

    def action_create_rectification(self):
        Rect = self.env["office.risk.rectification"]
        today = self.env["office.calendar"].today()
        for finding in self.filtered(lambda f: not f.rectification_id):
            department = finding.department_id
            rect = Rect.create(
                {
                    "finding_id": finding.id,
                    "name": finding.display_name,
                    "department_id": department.id,
                    "user_id": department.manager_id.user_id.id,
                    "measures": finding.requirement
                    or finding.point_id.step_id.control_measures
                    or finding.description,
                    "deadline": finding.deadline
                    or finding.result_id.rectification_deadline
                    or today
                    + datetime.timedelta(
                        days=(
                            finding.result_id.company_id or self.env.company
                        ).office_risk_rectification_days
                    ),
                    "domain_id": finding.domain_id.id,
                    "company_id": finding.result_id.company_id.id
                    or self.env.company.id,
                }
            )
            finding.rectification_id = rect
        return True
