from odoo import api, fields, models

from ..models.office_seal_use_request import USE_CATEGORIES


class OfficeSealLedgerCorrectionWizard(models.TransientModel):
    """A mistake in the seal ledger is corrected by a new entry that names
    the corrected one and the reason."""

    _name = "office.seal.ledger.correction.wizard"
    _description = "Correct a Seal Ledger Entry"

    entry_id = fields.Many2one(
        "office.seal.ledger", required=True, readonly=True, ondelete="cascade"
    )
    use_category = fields.Selection(
        USE_CATEGORIES,
        compute="_compute_from_entry",
        store=True,
        precompute=True,
        readonly=False,
        required=True,
    )
    summary = fields.Char(
        string="Content summary",
        compute="_compute_from_entry",
        store=True,
        precompute=True,
        readonly=False,
        required=True,
    )
    impressions = fields.Integer(
        compute="_compute_from_entry",
        store=True,
        precompute=True,
        readonly=False,
        required=True,
    )
    reason = fields.Text(required=True)

    @api.depends("entry_id")
    def _compute_from_entry(self):
        for wizard in self:
            entry = wizard.entry_id
            wizard.use_category = entry.use_category
            wizard.summary = entry.summary
            wizard.impressions = entry.impressions

    def action_confirm(self):
        self.ensure_one()
        self.entry_id.correct(
            self.reason,
            impressions=self.impressions,
            summary=self.summary,
            use_category=self.use_category,
        )
        return {"type": "ir.actions.act_window_close"}
