from odoo import api, fields, models
from odoo.exceptions import ValidationError

SEED = (
    "《职工带薪年休假条例》第三条: 累计工作已满1年不满10年的, 年休假5天; 已满10年不满"
    "20年的, 年休假10天; 已满20年的, 年休假15天. 第四条 and 002 篇4 考勤管理制度 五: "
    "工作满1年不满10年的, 请病假累计2个月以上的; "
    "满10年不满20年的, 请病假累计3个月以上的; "
    "满20年以上的, 请病假累计4个月以上的, "
    "不享受当年的公休假"
)


class OfficeAnnualLeaveRule(models.Model):
    """One band of the annual leave entitlement by years of service, with
    the sick leave that cancels it for the year."""

    _name = "office.annual.leave.rule"
    _description = "Annual Leave Entitlement Band"
    _order = "years_from"

    name = fields.Char(required=True, translate=True)
    years_from = fields.Integer(
        string="From years of service",
        required=True,
        help="Full years of service from which the band applies (" + SEED + ").",
    )
    years_to = fields.Integer(
        string="Below years of service",
        help="Full years of service from which the band no longer applies; 0 for no "
        "limit (" + SEED + ").",
    )
    days = fields.Float(
        string="Annual leave days",
        required=True,
        help="Days of annual leave (" + SEED + ").",
    )
    sick_days = fields.Integer(
        string="No annual leave after sick leave of",
        required=True,
        help="Calendar days of sick leave in the year from which there is no annual "
        "leave that year; a month counts 30 days (" + SEED + ").",
    )
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        index=True,
        help="Empty: shared by every agency.",
    )

    @api.constrains("years_from", "years_to", "days", "sick_days")
    def _check_band(self):
        for rule in self:
            if rule.years_from < 0 or rule.days < 0 or rule.sick_days <= 0:
                raise ValidationError(
                    self.env._("Years, days and sick days of a band must be positive.")
                )
            if rule.years_to and rule.years_to <= rule.years_from:
                raise ValidationError(
                    self.env._("The band “%s” must end after it starts.", rule.name)
                )

    @api.model
    def _for_years(self, years):
        """The band of `years` full years of service, or an empty recordset."""
        for rule in self.search([]):
            if years >= rule.years_from and (
                not rule.years_to or years < rule.years_to
            ):
                return rule
        return self.browse()
