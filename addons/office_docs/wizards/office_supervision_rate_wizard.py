from odoo import fields, models


class OfficeSupervisionRateWizard(models.TransientModel):
    """评价: the office or a leader rates a completed supervision item."""

    _name = "office.supervision.rate.wizard"
    _description = "Rate a Supervision Item"

    supervision_id = fields.Many2one("office.supervision", required=True, readonly=True)
    rating = fields.Selection(
        [
            ("excellent", "Excellent"),
            ("good", "Good"),
            ("fair", "Fair"),
            ("poor", "Poor"),
        ],
        required=True,
        default="good",
    )
    comment = fields.Text()

    def action_confirm(self):
        self.ensure_one()
        self.supervision_id.action_rate(self.rating, (self.comment or "").strip())
        return {"type": "ir.actions.act_window_close"}
