from odoo import api, fields, models


class OfficeSealStampWizard(models.TransientModel):
    """The keeper stamps an approved request: one line per seal they keep,
    with the number of impressions actually made."""

    _name = "office.seal.stamp.wizard"
    _description = "Stamp a Seal Use Request"

    request_id = fields.Many2one(
        "office.seal.use.request", required=True, readonly=True, ondelete="cascade"
    )
    stamp_count = fields.Integer(
        related="request_id.stamp_count", string="Impressions approved"
    )
    summary = fields.Char(related="request_id.summary")
    blank_template = fields.Char(related="request_id.blank_template")
    line_ids = fields.One2many(
        "office.seal.stamp.wizard.line",
        "wizard_id",
        string="Seals",
        compute="_compute_line_ids",
        store=True,
        readonly=False,
    )

    @api.depends("request_id")
    def _compute_line_ids(self):
        for wizard in self:
            request = wizard.request_id
            seals = request._seals_to_stamp(request.seal_ids, self.env.user)
            wizard.line_ids = [fields.Command.clear()] + [
                fields.Command.create(
                    {"seal_id": seal.id, "impressions": request.stamp_count}
                )
                for seal in seals
            ]

    def action_confirm(self):
        self.ensure_one()
        self.request_id._stamp(
            {line.seal_id.id: line.impressions for line in self.line_ids} or {0: 0}
        )
        return {"type": "ir.actions.act_window_close"}
