from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    office_docs_office_department_id = fields.Many2one(
        "hr.department",
        string="General office",
        help="The department that keeps the document registers (办公室): it is "
        "on the need-to-know list of every classified document it handles.",
    )
    office_docs_legal_department_id = fields.Many2one(
        "hr.department",
        string="Legality review department",
        help="Reviews the legality of normative documents (税政法规科).",
    )
    office_docs_discipline_department_id = fields.Many2one(
        "hr.department",
        string="Integrity review department",
        help="Assesses the integrity risks of normative documents (纪检监察室).",
    )
    office_docs_handling_days = fields.Integer(
        string="Default handling days",
        default=10,
        help="Working days from receipt in which an incoming document is "
        "handled when neither a leader's instruction, its urgency nor its "
        "document type sets a deadline (003 第十二条(二)3: 公文按时限要求办结).",
    )
    office_docs_objection_days = fields.Integer(
        string="Objection within (working days)",
        default=1,
        help="The lead department may object to an assignment within this many "
        "working days (003 第十一条(二)3: 原则上在收到公文1日内提出转办理由和建议).",
    )
    office_docs_objection_hours_urgent = fields.Integer(
        string="Objection to urgent documents within (working hours)",
        default=1,
        help="For urgent documents the objection comes within this many working "
        "hours (003 第十一条(二)3: 紧急公文应在1小时内提出).",
    )
    office_docs_due_soon_days = fields.Integer(
        string="Supervision due soon (working days)",
        default=2,
        help="A supervision item due within this many working days shows a "
        "yellow light and its owner is chased (003 第十九条 督查督办: 及时督促"
        "承办单位按时办结督查事项).",
    )
    office_docs_assign_days = fields.Integer(
        string="Assign within (working days)",
        default=0,
        help="Working days after the day of registration by whose end the office "
        "routes an incoming document (assigns it, circulates it or submits it to "
        "the leaders); 0: by the end of the registration working day (003 第十条"
        "(一): 办公室对收到的公文进行初审登记,原则上当日批转相关科室单位).",
    )
    office_docs_budget_department_id = fields.Many2one(
        "hr.department",
        string="Budget department",
        help="预算科: leads every fund document (资金文件/指标文) jointly with the "
        "department managing the budget or the special fund concerned (003 第十一条"
        "(二)2: 资金文件(指标文)由预算科和部门预算管理科(专项资金管理科室)同时主办).",
    )
    office_docs_cosign_days = fields.Integer(
        string="Co-signing within (working days)",
        default=2,
        help="Working days a co-signing department has to answer; the late ones "
        "are chased (003 表3: 对未及时会签的单位未催办; 表9: 会签未按照规定时限处理"
        "完毕; 第十六条(二)3: 及时催办).",
    )
    office_docs_print_hours_very_urgent = fields.Integer(
        string="Print very urgent documents within (working hours)",
        default=4,
        help="Working hours after sign-off by which a very urgent (特急) document "
        "is printed (003 第十七条(二)2: 对于标注特急(加急)的公文……严格按照时限印制"
        "完毕; 004 一(一)4: 公文运转严格遵守时限要求). The seeds set no figure: "
        "half a working day by default.",
    )
    office_docs_print_hours_urgent = fields.Integer(
        string="Print urgent documents within (working hours)",
        default=8,
        help="Working hours after sign-off by which an urgent (加急) document is "
        "printed (003 第十七条(二)2; 004 一(一)4). The seeds set no figure: one "
        "working day by default.",
    )
    office_docs_print_hours_normal = fields.Integer(
        string="Print other documents within (working hours)",
        default=24,
        help="Working hours after sign-off by which any other document is printed "
        "(003 第十七条(二)2: 对于紧急程度未作具体要求的公文,及时印制). Three working "
        "days by default.",
    )
    office_docs_loan_days = fields.Integer(
        string="Document loans (working days)",
        default=5,
        help="Working days a lent document may stay out (002 公文处理制度 九: 借阅公文"
        "要严格履行登记、签字手续; the period is the one of 003 第三十一条(二)4 for "
        "archives: 最长不超过5个工作日).",
    )
