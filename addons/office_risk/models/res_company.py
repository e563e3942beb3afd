from odoo import fields, models


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
