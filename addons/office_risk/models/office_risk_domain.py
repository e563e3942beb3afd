from odoo import api, fields, models

RISK_LEVELS = [
    ("major", "Major"),
    ("significant", "Significant"),
    ("general", "General"),
]
LEVEL_RANK = {"major": 3, "significant": 2, "general": 1}


class OfficeRiskDomain(models.Model):
    """A risk domain (风险领域) of the risk-control rules (003 第二条): document
    handling, external meetings, publicity, archives, finance, assets,
    information disclosure, secrecy, letters and visits, official vehicles;
    admins add others (seals, conferences…). Each domain defines its three
    levels (重大/较大/一般) in its own words."""

    _name = "office.risk.domain"
    _description = "Risk Domain"
    _order = "sequence, id"

    name = fields.Char(required=True)
    name_en = fields.Char(string="English name")
    code = fields.Char()
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        index=True,
        help="Empty: shared by every agency.",
    )
    description = fields.Text(help="What the risk of this domain is.")
    level_major = fields.Text(string="Major risk means")
    level_significant = fields.Text(string="Significant risk means")
    level_general = fields.Text(string="General risk means")
    step_ids = fields.One2many("office.risk.step", "domain_id", string="Process steps")
    point_ids = fields.One2many("office.risk.point", "domain_id", string="Risk points")
    point_count = fields.Integer(compute="_compute_point_count")

    _sql_constraints = [
        ("code_unique", "unique(code)", "The code of a risk domain must be unique."),
    ]

    @api.depends("point_ids")
    def _compute_point_count(self):
        counts = dict(
            self.env["office.risk.point"]._read_group(
                [("domain_id", "in", self.ids)], ["domain_id"], ["__count"]
            )
        )
        for domain in self:
            domain.point_count = counts.get(domain, 0)

    def level_definition(self, level):
        """The domain's own wording of a level."""
        self.ensure_one()
        return self[f"level_{level}"] if level in LEVEL_RANK else ""
