from odoo import fields, models

SEED_LADDER = (
    "002 篇4 考勤管理制度 四: 1天以内须向分管领导报告同意, 2天以内须向分管领导、"
    "常务副局长报告同意, 3天以上须向分管领导、常务副局长、局长报告同意"
)


class ResCompany(models.Model):
    _inherit = "res.company"

    office_leave_executive_days = fields.Float(
        string="Executive deputy approves leaves over",
        default=1.0,
        help="A sick, personal or annual leave longer than this many working days "
        "is also approved by the executive deputy (" + SEED_LADDER + ").",
    )
    office_leave_principal_days = fields.Float(
        string="Principal leader approves leaves over",
        default=2.0,
        help="A sick, personal or annual leave longer than this many working days "
        "is also approved by the principal leader (" + SEED_LADDER + ").",
    )
    office_executive_deputy_id = fields.Many2one(
        "res.users",
        string="Executive deputy",
        help="The executive deputy (常务副局长) who approves the longer leaves ("
        + SEED_LADDER
        + ").",
    )
    office_personal_leave_exclusion_days = fields.Float(
        string="No annual leave after personal leave of",
        default=20.0,
        help="Working days of personal leave in a year, without pay deduction, from "
        "which the employee has no annual leave that year (002 篇4 考勤管理制度 五 ①: "
        "请事假累计20天以上且单位按照规定不扣工资的; 《职工带薪年休假条例》第四条).",
    )
    office_overtime_hours_per_day = fields.Float(
        string="Overtime hours per day of compensatory leave",
        default=8.0,
        help="Registered overtime is compensated by time off: this many hours give "
        "one day of compensatory leave (002 篇4 考勤管理制度 六: "
        "因工作需要加班的由办公室登记备案, 事后适时安排补休; "
        "the ratio is the agency's own).",
    )
    office_report_back_days = fields.Integer(
        string="Chase a report back after",
        default=1,
        help="Working days after the end of a leave when a leave not reported back "
        "(销假) is chased (002 篇4 考勤管理制度 四: "
        "假期届满后及时向有关领导销假, 向办公室告知).",
    )
    office_discrepancy_days = fields.Integer(
        string="Check discrepancies over the last",
        default=31,
        help="Days back the discrepancy check compares the punches with the leave "
        "forms (002 篇4 考勤管理制度 七: 考勤台账与审批表相符).",
    )
