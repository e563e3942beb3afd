from odoo import api, fields, models


class OfficeRiskInspectionCheck(models.Model):
    """One requirement of the checklist as an inspection found it for a unit:
    met or not. The item's score follows its checklist (see
    ``office.risk.inspection.score``)."""

    _name = "office.risk.inspection.check"
    _description = "Inspection Checklist Line"
    _order = "score_id, sequence, id"

    score_id = fields.Many2one(
        "office.risk.inspection.score", required=True, ondelete="cascade", index=True
    )
    result_id = fields.Many2one(related="score_id.result_id", store=True, index=True)
    company_id = fields.Many2one(
        related="score_id.company_id", store=True, index=True, precompute=True
    )
    requirement_id = fields.Many2one(
        "office.risk.inspection.template.requirement",
        required=True,
        ondelete="restrict",
    )
    item_id = fields.Many2one(related="score_id.item_id", string="Item")
    sequence = fields.Integer(related="requirement_id.sequence", store=True)
    code = fields.Char(related="requirement_id.code")
    deduction = fields.Float(related="requirement_id.deduction")
    met = fields.Boolean(default=True)
    note = fields.Char(string="What was found")

    @api.model_create_multi
    def create(self, vals_list):
        scores = self.env["office.risk.inspection.score"].browse(
            [vals.get("score_id") for vals in vals_list if vals.get("score_id")]
        )
        scores.result_id._check_scores_open()
        scores.result_id._check_facts_open()
        return super().create(vals_list)

    def write(self, vals):
        self.result_id._check_scores_open()
        self.result_id._check_facts_open()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_scores_closed(self):
        self.result_id._check_scores_open()
        self.result_id._check_facts_open()
