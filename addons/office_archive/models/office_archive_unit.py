from odoo import api, fields, models


class OfficeArchiveUnit(models.Model):
    """机构（问题）代码: the organizational unit or issue of the archival code."""

    _name = "office.archive.unit"
    _description = "Archive Unit Code"
    _order = "code"

    code = fields.Char(required=True, help="机构或问题代码, e.g. BGS.")
    name = fields.Char(required=True)
    kind = fields.Selection(
        [("unit", "Organizational unit"), ("issue", "Issue")],
        default="unit",
        required=True,
    )
    department_id = fields.Many2one("hr.department")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_uniq", "unique(code)", "The unit code must be unique."),
    ]

    @api.depends("code", "name")
    def _compute_display_name(self):
        for unit in self:
            unit.display_name = f"{unit.code} {unit.name or ''}".strip()
