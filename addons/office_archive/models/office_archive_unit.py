from odoo import api, fields, models


class OfficeArchiveUnit(models.Model):
    """机构（问题）代码: the organizational unit or issue of the archival code."""

    _name = "office.archive.unit"
    _description = "Archive Unit Code"
    _check_company_auto = True
    _order = "code"

    code = fields.Char(required=True, help="机构或问题代码, e.g. BGS.")
    name = fields.Char(required=True)
    kind = fields.Selection(
        [("unit", "Organizational unit"), ("issue", "Issue")],
        default="unit",
        required=True,
    )
    department_id = fields.Many2one("hr.department", check_company=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )

    _sql_constraints = [
        (
            "code_uniq",
            "unique(code, company_id)",
            "The unit code must be unique in the agency.",
        ),
    ]

    @api.depends("code", "name")
    def _compute_display_name(self):
        for unit in self:
            unit.display_name = f"{unit.code} {unit.name or ''}".strip()
