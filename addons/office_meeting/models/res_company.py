from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    office_meeting_summons_threshold = fields.Integer(
        string="Principal heads summoned, at most",
        default=10,
        help="A meeting summoning more principal heads of townships or departments "
        "goes through the office director, then the principal leader (004 “零差错”"
        "办公工作规定 一(二)1: "
        "凡要求各乡镇、各部门主要负责人参加的超过10人的会议, "
        "必须经办公室主任统一扎口把关, 报经本单位主要领导同意后方可召开).",
    )
    office_meeting_decision_days = fields.Integer(
        string="Decisions carried out within",
        default=10,
        help="Default deadline of a meeting decision, in working days (004 “零差错”"
        "办公工作规定 一(二)12: 按照时限要求, 及时报告完成情况; the number of days is "
        "the agency's own).",
    )
