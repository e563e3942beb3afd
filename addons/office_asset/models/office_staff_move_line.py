from odoo import fields, models


class OfficeStaffMoveLine(models.Model):
    """A line of a move's hand-over checklist: how many items of a kind the
    person still held at the last check."""

    _name = "office.staff.move.line"
    _description = "Hand-over Checklist Line"
    _order = "sequence, id"

    move_id = fields.Many2one(
        "office.staff.move",
        required=True,
        index=True,
        ondelete="cascade",
        readonly=True,
    )
    company_id = fields.Many2one(
        related="move_id.company_id", store=True, index=True, precompute=True
    )
    source_id = fields.Many2one("office.handover.source", required=True, readonly=True)
    sequence = fields.Integer(related="source_id.sequence")
    name = fields.Char(related="source_id.name")
    held_count = fields.Integer(string="Still held", readonly=True)
    handed_over = fields.Boolean(compute="_compute_handed_over")

    def _compute_handed_over(self):
        for line in self:
            line.handed_over = not line.held_count
