from odoo import fields, models


class OfficeRiskRectificationMilestone(models.Model):
    """A milestone of a rectification plan (整改任务和时间表)."""

    _name = "office.risk.rectification.milestone"
    _description = "Rectification Milestone"
    _order = "rectification_id, deadline, sequence, id"

    rectification_id = fields.Many2one(
        "office.risk.rectification", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        related="rectification_id.company_id", store=True, index=True, precompute=True
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Task", required=True)
    deadline = fields.Date(required=True)
    done = fields.Boolean()
    done_date = fields.Date()

    def write(self, vals):
        if vals.get("done") and "done_date" not in vals:
            vals["done_date"] = self.env["office.calendar"].today()
        return super().write(vals)
