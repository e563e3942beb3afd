from odoo import fields, models

SENDER_LEVELS = [
    ("upper", "Upper level"),
    ("peer", "Peer level"),
    ("lower", "Lower level"),
    ("other", "Other"),
]


class ResPartner(models.Model):
    _inherit = "res.partner"

    office_sender_level = fields.Selection(
        SENDER_LEVELS,
        string="Organ level",
        help="Level of this organ relative to ours: documents from upper-level "
        "organs need a leader's instruction before assignment, those from peer "
        "organs the office's proposal; lower-level ones may go straight to the "
        "department.",
    )
