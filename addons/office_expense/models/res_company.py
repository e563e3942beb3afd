from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    office_expense_finance_leader_id = fields.Many2one(
        "res.users",
        string="Leader in charge of finance",
        help="The one pen (一支笔) who approves every expense; the principal leader "
        "approves his own (002 篇4 财务财物管理制度 二: 坚持“一支笔”把关……"
        "公务开支除分管财务领导经手票据由局长审批外, 其他票据一律由分管财务"
        "领导审批).",
    )
    office_expense_admin_leader_id = fields.Many2one(
        "res.users",
        string="Leader in charge of administration",
        help="The leader in charge of the office, to whom every official reception is "
        "reported (002 篇4 公务接待管理制度: 一般接待由办公室报分管行政的副局长).",
    )
    office_expense_claim_days = fields.Integer(
        string="Claim within (working days)",
        default=10,
        help="Working days after a reception or after the return from a trip within "
        "which the expenses are claimed (002 篇4 财务财物管理制度: 公务外出、"
        "公务接待活动完成后, 须在10个工作日内按规定报销支出费用; "
        "公务出差管理制度 五).",
    )
    office_expense_cash_limit = fields.Monetary(
        string="No cash from",
        currency_field="currency_id",
        default=500.0,
        help="Expenses of this amount or more are paid by official card (公务卡) or "
        "bank transfer, never in cash (002 篇4 财务财物管理制度: 500元及以上消费"
        "金额必须采用公务卡或银行转账结算).",
    )
    office_expense_hosts_max = fields.Integer(
        string="Hosts at table, small groups",
        default=3,
        help="At most this many hosts at a meal for a small group of guests (002 篇4 "
        "公务接待管理制度: 接待10人以内的陪餐人数不超过3人).",
    )
    office_expense_hosts_small_group = fields.Integer(
        string="Small group up to (guests)",
        default=10,
        help="Number of guests up to which the fixed host limit applies (002 篇4 "
        "公务接待管理制度: 接待10人以内的陪餐人数不超过3人).",
    )
    office_expense_hosts_ratio = fields.Integer(
        string="Larger groups: one host per (guests)",
        default=3,
        help="Above the small group, the hosts are at most the guests divided by this "
        "number (002 篇4 公务接待管理制度: 10人以上的, 陪餐人数不得超过"
        "接待对象人数的1/3).",
    )
