from odoo import api, fields, models
from odoo.exceptions import ValidationError


class OfficeRiskRectificationProgress(models.Model):
    """A progress report of a rectification, with its evidence."""

    _name = "office.risk.rectification.progress"
    _description = "Rectification Progress Report"
    _order = "date desc, id desc"

    rectification_id = fields.Many2one(
        "office.risk.rectification", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        related="rectification_id.company_id", store=True, index=True, precompute=True
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    note = fields.Text(required=True)
    percent = fields.Integer(string="Per cent done")
    user_id = fields.Many2one(
        "res.users", string="Reported by", default=lambda self: self.env.user
    )
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "office_risk_rectification_progress_attachment_rel",
        "progress_id",
        "attachment_id",
        string="Evidence",
    )

    @api.constrains("percent")
    def _check_percent(self):
        for progress in self:
            if not 0 <= progress.percent <= 100:
                raise ValidationError(
                    self.env._("Progress is a percentage between 0 and 100.")
                )
