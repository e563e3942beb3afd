from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    office_petition_acceptance_days = fields.Integer(
        string="Decide on acceptance within (days)",
        default=15,
        help="Within this many days of receipt the office decides whether a "
        "petition is accepted and tells the petitioner in writing (《信访工作条例》"
        "(2022): 收到信访事项之日起15日内告知信访人是否受理; 003 第五十条, 表26).",
    )
    office_petition_answer_days = fields.Integer(
        string="Answer an accepted petition within (days)",
        default=60,
        help="An accepted petition is answered within this many days of its "
        "acceptance (《信访工作条例》(2022) 第三十五条: 自受理之日起60日内办结; "
        "003 第五十一条).",
    )
    office_petition_extension_days = fields.Integer(
        string="Extension of a petition (days)",
        default=30,
        help="A complex petition may be extended once by at most this many days with "
        "the approval of the agency's head and a notice to the petitioner "
        "(《信访工作条例》(2022) 第三十五条: 经本机关、单位负责人批准，可以适当延长"
        "办理期限，但延长期限不得超过30日).",
    )
    office_petition_review_days = fields.Integer(
        string="Answer a review or re-review within (days)",
        default=30,
        help="A request for review (复查) or re-review (复核) is answered within this "
        "many days of its receipt (《信访工作条例》(2022) 第三十六条、第三十七条: "
        "自收到复查（复核）请求之日起30日内提出意见).",
    )
    office_petition_group_size = fields.Integer(
        string="Group petition from (people)",
        default=5,
        help="A visit of this many people or more is a group petition (集体访): it is "
        "flagged and escalated to the leaders (《信访工作条例》(2022) 第二十条: 多人"
        "采用走访形式提出同一信访事项的，应当推选代表，代表人数不超过5人; 003 "
        "第五十二条).",
    )
    office_petition_remind_days = fields.Integer(
        string="Remind before a petition deadline (days)",
        default=5,
        help="The handler and the petition officers are reminded this many days "
        "before a deadline (003 第五十一条: 办公室负责督办; the number is the "
        "agency's own).",
    )
