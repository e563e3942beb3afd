from odoo import fields, models

LICENCE_RULE = (
    "000 行政办公管理检查报告 (五)证照管理: licences are to be inspected and "
    "changed in time (证照年检变更不及时 was a finding); the number of days is "
    "the suite's default, the seeds give none."
)
KEY_RULE = (
    "004 零差错 3. 电子印章、密钥保管安全，不得让无关人员使用: keys kept safely "
    "and used by the authorized only, hence while their certificate is valid; "
    "the number of days is the suite's default, the seeds give none."
)


class ResCompany(models.Model):
    _inherit = "res.company"

    office_licence_expiring_days = fields.Integer(
        string="Licences expiring within (days)",
        default=30,
        help="A licence is shown as expiring when its expiry or its annual "
        "inspection is within this many days. " + LICENCE_RULE,
    )
    office_licence_first_reminder_days = fields.Integer(
        string="First licence reminder (days before)",
        default=30,
        help="The custodian of a licence is reminded this many days before its "
        "expiry and its annual inspection. " + LICENCE_RULE,
    )
    office_licence_second_reminder_days = fields.Integer(
        string="Second licence reminder (days before)",
        default=7,
        help="The custodian is reminded again this many days before the date. "
        + LICENCE_RULE,
    )
    office_seal_key_expiring_days = fields.Integer(
        string="Certificates expiring within (days)",
        default=30,
        help="An electronic seal or key is shown as expiring when its certificate "
        "ends within this many days. " + KEY_RULE,
    )
    office_seal_key_first_reminder_days = fields.Integer(
        string="First certificate reminder (days before)",
        default=30,
        help="The holder of a key is reminded this many days before its "
        "certificate expires. " + KEY_RULE,
    )
    office_seal_key_second_reminder_days = fields.Integer(
        string="Second certificate reminder (days before)",
        default=7,
        help="The holder is reminded again this many days before the expiry. "
        + KEY_RULE,
    )
    office_seal_director_rule = fields.Selection(
        [
            ("004", "004: the office director approves each use of these seals"),
            ("002", "002: the leaders approve by use category only"),
        ],
        string="Office director's approval of seal uses",
        default="004",
        required=True,
        help="004 “零差错”办公工作规定 一(六) 2: "
        "使用本单位、办公室印章，须经办公室主任批准 — "
        "the office director approves every use of the seals marked for it, "
        "before the leader of 002 公章管理制度 三 (the default, the stricter rule). "
        "002 公章管理制度 三 alone: ②类用印需报请分管领导签字同意, ①③④类报请局长. "
        "A use on a signed document (文件用印凭发文签盖章) needs no step either way.",
    )
    office_letter_paper_keeper_id = fields.Many2one(
        "res.users",
        string="Keeper of the official letter paper",
        help="004 “零差错”办公工作规定 一(六) 7: 公用信笺由专人管理，做到正确使用，"
        "不得将印有本单位和本单位办公室的信笺交给外部人员使用. Only this person hands "
        "the letter paper out, to the agency's own staff.",
    )
