from odoo import fields, models

from .office_risk_point import POINT_LEVELS


class OfficeRiskPointVersion(models.Model):
    """A frozen version of a risk point: the wording, level, unit and measures
    as they were when events were raised against it. Never edited."""

    _name = "office.risk.point.version"
    _description = "Risk Point Version"
    _order = "point_id, version desc"
    _rec_name = "version"

    point_id = fields.Many2one(
        "office.risk.point", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        related="point_id.company_id", store=True, index=True, precompute=True
    )
    version = fields.Integer(required=True, readonly=True)
    name = fields.Text(string="Risk point", readonly=True)
    level = fields.Selection(POINT_LEVELS, readonly=True)
    responsible_unit = fields.Char(readonly=True)
    control_measures = fields.Text(readonly=True)
    step_id = fields.Many2one("office.risk.step", readonly=True, ondelete="set null")
    create_date = fields.Datetime(string="Valid from", readonly=True)
    create_uid = fields.Many2one("res.users", string="Changed by", readonly=True)

    _sql_constraints = [
        (
            "point_version_unique",
            "unique(point_id, version)",
            "A risk point has one record per version.",
        ),
    ]

    def _compute_display_name(self):
        for version in self:
            version.display_name = self.env._(
                "%(point)s (v%(version)s)",
                point=version.point_id.code or "",
                version=version.version,
            )
