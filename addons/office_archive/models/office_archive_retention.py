from odoo import api, fields, models
from odoo.exceptions import ValidationError


class OfficeArchiveRetention(models.Model):
    """保管期限: the 2006 scheme (永久 Y, 定期30年 D30, 定期10年 D10) and the
    older one (永久 Y, 长期 C, 短期 D) are both expressible."""

    _name = "office.archive.retention"
    _description = "Retention Period"
    _order = "sequence, id"

    code = fields.Char(required=True, help="保管期限代码, e.g. Y, D30, D10.")
    name = fields.Char(required=True, translate=True)
    years = fields.Integer(help="0 for permanent.")
    scheme = fields.Selection(
        [("2006", "Since 2006 (Y, D30, D10)"), ("legacy", "Before 2006 (Y, C, D)")],
        default="2006",
        required=True,
    )
    is_permanent = fields.Boolean(compute="_compute_is_permanent", store=True)
    is_long = fields.Boolean(
        string="Goes to the state archives",
        help="Items of this period are transferred to the state archives.",
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        index=True,
        help="Empty: shared by every agency.",
    )

    _sql_constraints = [
        ("code_uniq", "unique(code)", "The retention code must be unique."),
    ]

    @api.depends("years")
    def _compute_is_permanent(self):
        for retention in self:
            retention.is_permanent = not retention.years

    @api.depends("code", "name")
    def _compute_display_name(self):
        for retention in self:
            retention.display_name = f"{retention.code} {retention.name or ''}".strip()

    @api.constrains("years")
    def _check_years(self):
        if any(r.years < 0 for r in self):
            raise ValidationError(self.env._("A retention period cannot be negative."))
