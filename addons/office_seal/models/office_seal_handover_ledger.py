from odoo import fields, models

LEDGER_KINDS = [
    ("transfer", "Transfer of custody"),
    ("temporary", "Temporary custody"),
    ("return", "Return after temporary custody"),
]


class OfficeSealHandoverLedger(models.Model):
    """The hand-over ledger (印章交接登记簿): seal, time, kind, from whom, to
    whom, until when, reason, approving leader and who recorded it; one
    entry per custody change, append-only with a hash chain per seal (see
    ``office.seal.ledger.mixin``)."""

    _name = "office.seal.handover.ledger"
    _description = "Seal Hand-over Ledger Entry"
    _inherit = ["office.seal.ledger.mixin"]
    _order = "seal_id, sequence desc, id desc"
    _ledger_head_field = "handover_ledger_head_hash"
    _ledger_hash_fields = (
        "handed_at",
        "kind",
        "from_user_id",
        "to_user_id",
        "date_end",
        "reason",
        "approver_ids",
        "recorded_by_id",
        "handover_id",
    )

    handed_at = fields.Datetime(string="Handed over at", required=True, readonly=True)
    kind = fields.Selection(LEDGER_KINDS, required=True, readonly=True)
    from_user_id = fields.Many2one(
        "res.users", string="Handed over by", required=True, readonly=True
    )
    to_user_id = fields.Many2one(
        "res.users", string="Received by", required=True, readonly=True
    )
    date_end = fields.Date(string="Until", readonly=True)
    reason = fields.Text(readonly=True)
    approver_ids = fields.Many2many(
        "res.users",
        "office_seal_handover_ledger_approver_rel",
        "ledger_id",
        "user_id",
        string="Approving leaders",
        readonly=True,
    )
    recorded_by_id = fields.Many2one("res.users", required=True, readonly=True)
    handover_id = fields.Many2one(
        "office.seal.handover",
        string="Hand-over",
        readonly=True,
        index=True,
        ondelete="restrict",
    )
