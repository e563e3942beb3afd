from odoo import api, fields, models
from odoo.exceptions import ValidationError


class OfficeRiskInspectionScore(models.Model):
    """The score of a unit on one item of the score sheet."""

    _name = "office.risk.inspection.score"
    _description = "Inspection Score"
    _order = "result_id, sequence, id"

    result_id = fields.Many2one(
        "office.risk.inspection.result", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        related="result_id.company_id", store=True, index=True, precompute=True
    )
    item_id = fields.Many2one(
        "office.risk.inspection.template.item", required=True, ondelete="restrict"
    )
    sequence = fields.Integer(related="item_id.sequence", store=True)
    domain_id = fields.Many2one(related="item_id.domain_id", store=True)
    max_points = fields.Float(related="item_id.max_points", store=True)
    score = fields.Float(compute="_compute_score", store=True, readonly=False)
    check_ids = fields.One2many(
        "office.risk.inspection.check", "score_id", string="Checklist"
    )
    note = fields.Char(string="Deductions")

    @api.depends("check_ids.met", "check_ids.deduction", "max_points")
    def _compute_score(self):
        for line in self:
            if line.check_ids:
                line.score = line._checklist_score()
            else:
                line.score = line.score

    def _checklist_score(self):
        lost = sum(self.check_ids.filtered(lambda c: not c.met).mapped("deduction"))
        return max(0.0, self.max_points - lost)

    @api.model_create_multi
    def create(self, vals_list):
        results = self.env["office.risk.inspection.result"].browse(
            [vals.get("result_id") for vals in vals_list if vals.get("result_id")]
        )
        results._check_scores_open()
        results._check_facts_open()
        return super().create(vals_list)

    def write(self, vals):
        self.result_id._check_scores_open()
        self.result_id._check_facts_open()
        res = super().write(vals)
        if "result_id" in vals:
            self.result_id._check_scores_open()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_inspection_done(self):
        self.result_id._check_scores_open()
        self.result_id._check_facts_open()

    @api.constrains("score")
    def _check_score_follows_checklist(self):
        for line in self.filtered("check_ids"):
            if line.score != line._checklist_score():
                raise ValidationError(
                    self.env._(
                        "The score of “%(item)s” follows its checklist: tick the "
                        "requirements met instead.",
                        item=line.item_id.name,
                    )
                )

    @api.constrains("score", "max_points")
    def _check_score(self):
        for line in self:
            if line.score < 0 or line.score > line.max_points:
                raise ValidationError(
                    self.env._(
                        "The score of “%(item)s” must lie between 0 and %(max)s.",
                        item=line.item_id.name,
                        max=line.max_points,
                    )
                )
