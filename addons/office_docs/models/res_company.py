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
