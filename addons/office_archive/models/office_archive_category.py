from odoo import api, fields, models


class OfficeArchiveCategory(models.Model):
    """门类: 文书 WS, 会计 KJ, 声像 SX, 实物 SW, 基建 JJ, 电子 DZ, …"""

    _name = "office.archive.category"
    _description = "Archive Category"
    _order = "sequence, code"

    code = fields.Char(required=True, help="门类代码, e.g. WS.")
    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    default_carrier = fields.Selection(
        [
            ("paper", "Paper"),
            ("electronic", "Electronic"),
            ("physical", "Physical object"),
            ("audiovisual", "Audio-visual"),
        ],
        default="paper",
    )
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        index=True,
        help="Empty: shared by every agency.",
    )

    _sql_constraints = [
        ("code_uniq", "unique(code)", "The category code must be unique."),
    ]

    @api.depends("code", "name")
    def _compute_display_name(self):
        for category in self:
            category.display_name = f"{category.code} {category.name or ''}".strip()
