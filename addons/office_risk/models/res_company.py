from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    office_risk_rectification_days = fields.Integer(
        string="Rectification period (days)",
        default=30,
        help="Days given to a rectification opened by a committee decision or an "
        "inspection finding without a deadline of its own. 000 (检查通报) asks "
        "for the problems to be rectified 'in a short time' (争取在短时间内完成整改) "
        "and for a detailed timetable of what cannot be fixed at once; 003 第五条"
        "(二) has the internal-control office supervise the committee's decisions "
        "(督促落实内控委决定). The seeds name no day count: 30 is the suite's "
        "default.",
    )
    office_risk_remind_days = fields.Integer(
        string="Rectification reminder (days before)",
        default=3,
        help="The responsible person of an open rectification is reminded this "
        "many days before its deadline, and again once it has passed. 003 第五条"
        "(二): the internal-control office supervises the carrying out of the "
        "committee's decisions (督促落实内控委决定); 003 第三十一条 4: what is "
        "overdue, the office reminds and urges (逾期未还的，办公室及时提醒、督促). "
        "The seeds name no day count: 3 is the suite's default.",
    )
    office_risk_report_months = fields.Integer(
        string="Risk control reporting period (months)",
        default=3,
        help="003 第五条(二): the internal-control office discloses periodically "
        "how internal control is carried out (定期披露内控执行情况) and reports to "
        "the committee; 第五条(三): the office reports the state of risk control "
        "to it periodically (定期向内控办报送风险防控情况). The seeds name no "
        "period: a quarter is the suite's default. 1, 2, 3, 4, 6 or 12.",
    )
    office_risk_report_due_days = fields.Integer(
        string="Risk control report due (days after the period)",
        default=10,
        help="Days after the end of a reporting period the report is due to "
        "the committee (003 第五条, 定期报告). The seeds name no day count: 10 "
        "is the suite's default.",
    )

    @api.constrains("office_risk_report_months", "office_risk_report_due_days")
    def _check_office_risk_report_period(self):
        for company in self:
            if 12 % (company.office_risk_report_months or 5):
                raise ValidationError(
                    self.env._(
                        "The reporting period divides the year: 1, 2, 3, 4, 6 "
                        "or 12 months."
                    )
                )
            if company.office_risk_report_due_days < 0:
                raise ValidationError(
                    self.env._("The report cannot be due before its period ends.")
                )
