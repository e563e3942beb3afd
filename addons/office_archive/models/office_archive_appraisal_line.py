from odoo import api, fields, models
from odoo.exceptions import ValidationError


class OfficeArchiveAppraisalLine(models.Model):
    _name = "office.archive.appraisal.line"
    _description = "Archive Appraisal Line"
    _order = "appraisal_id, id"

    appraisal_id = fields.Many2one(
        "office.archive.appraisal", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        related="appraisal_id.company_id", store=True, index=True, precompute=True
    )
    item_id = fields.Many2one("office.archive.item", required=True)
    retention_id = fields.Many2one(related="item_id.retention_id")
    retention_until = fields.Integer(related="item_id.retention_until")
    decision = fields.Selection(
        [("keep", "Keep"), ("extend", "Extend"), ("destroy", "Destroy")]
    )
    extend_until = fields.Integer(string="Keep until (year)", aggregator=False)
    reason = fields.Text()

    @api.constrains("decision", "extend_until", "reason")
    def _check_decision(self):
        for line in self:
            if (
                line.decision == "extend"
                and line.extend_until <= line.item_id.retention_until
            ):
                raise ValidationError(
                    self.env._(
                        "An extension keeps the item beyond its retention period."
                    )
                )
            if (
                line.decision in ("extend", "destroy")
                and not (line.reason or "").strip()
            ):
                raise ValidationError(self.env._("Give the reason of the decision."))
