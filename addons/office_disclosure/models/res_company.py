from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    office_disclosure_proactive_days = fields.Integer(
        string="Proactive disclosure within (working days)",
        default=20,
        help="Information that must be disclosed proactively is published within "
        "this many working days of being made or changed (《中华人民共和国政府信息"
        "公开条例》(2019) 第二十六条: 自该政府信息形成或者变更之日起20个工作日内"
        "予以公开; 003 第三十九条, 表19).",
    )
    office_disclosure_answer_days = fields.Integer(
        string="Answer a disclosure request within (working days)",
        default=20,
        help="A request that cannot be answered on the spot is answered within this "
        "many working days of its receipt (《政府信息公开条例》第三十三条第二款: "
        "自收到申请之日起20个工作日内予以答复; 003 第四十条).",
    )
    office_disclosure_extension_days = fields.Integer(
        string="Extension of a disclosure request (working days)",
        default=20,
        help="The answer period may be extended once, by at most this many working "
        "days, with the approval of the head of the disclosure office and a notice "
        "to the requester (《政府信息公开条例》第三十三条第二款: 延长的期限最长不得"
        "超过20个工作日).",
    )
    office_disclosure_remind_days = fields.Integer(
        string="Remind before a disclosure deadline (working days)",
        default=3,
        help="The office chases a request or a proactive disclosure this many "
        "working days before its deadline (003 第四十条: 办公室负责组织、督促答复; "
        "the number is the agency's own).",
    )
    office_disclosure_report_month = fields.Integer(
        string="Yearly report due month",
        default=1,
        help="The yearly report on government information disclosure of the past "
        "year is published by this day of this month (《政府信息公开条例》第四十九条: "
        "每年1月31日前向本级政府信息公开工作主管部门提交并向社会公布本行政机关上一"
        "年度政府信息公开工作年度报告; 003 第三十九条).",
    )
    office_disclosure_report_day = fields.Integer(
        string="Yearly report due day",
        default=31,
        help="The day of the month of the yearly report's deadline "
        "(《政府信息公开条例》第四十九条: 每年1月31日前).",
    )
