from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    office_asset_admin_leader_id = fields.Many2one(
        "res.users",
        string="Leader in charge of administration (assets)",
        help="Approves office-supply purchases, equipment repairs, disposals and "
        "outside printing (002 财务财物管理制度 三: 报分管机关领导同意; 水电卫生管理"
        "制度 七: 报分管机关领导同意; 文印管理制度 一、四: 报请分管机关负责人批准).",
    )
    office_asset_finance_leader_id = fields.Many2one(
        "res.users",
        string="Leader in charge of finance (assets)",
        help="Approves bulk or larger supply purchases, repairs above the repair "
        "threshold and disposals (002 财务财物管理制度 三: 分管财务领导同意; 水电卫生"
        "管理制度 七: 维修费用超过500元以上的, 需报分管财务领导同意).",
    )
    office_asset_repair_finance_amount = fields.Monetary(
        string="Repairs approved by finance above",
        currency_field="currency_id",
        default=500.0,
        help="A repair estimated above this amount is also approved by the leader in "
        "charge of finance (002 水电卫生管理制度 七: 维修费用超过500元以上的, 需报分管"
        "财务领导同意).",
    )
    office_asset_supply_bulk_amount = fields.Monetary(
        string="Supply purchases are larger from",
        currency_field="currency_id",
        default=2000.0,
        help="A supply purchase of this total or more (or marked bulk) needs a list "
        "with market prices, reviewed by the leader in charge of administration and "
        "approved by the leader in charge of finance (002 财务财物管理制度 三: 批量或"
        "较大额办公用品购置…报分管机关领导审核、分管财务领导同意; the amount is the "
        "agency's own).",
    )
    office_asset_major_loss_amount = fields.Monetary(
        string="Major loss above",
        currency_field="currency_id",
        default=30000.0,
        help="The loss of an asset whose historical cost is above this amount is a "
        "major risk (003 第三十七条: 局机关大额资产(历史成本超过3万元)灭失 — "
        "重大风险).",
    )
    office_asset_summer_ac_min = fields.Float(
        string="Summer air conditioning not below (℃)",
        default=26.0,
        help="In summer the air conditioners are set no cooler than this (002 水电"
        "卫生管理制度 四: 夏季空调设定温度不超过26度).",
    )
    office_asset_summer_month_from = fields.Integer(
        string="Summer from month",
        default=6,
        help="First month of summer for the air-conditioning rule (002 水电卫生管理"
        "制度 四; the months are the agency's own).",
    )
    office_asset_summer_month_to = fields.Integer(
        string="Summer until month",
        default=9,
        help="Last month of summer for the air-conditioning rule (002 水电卫生管理"
        "制度 四; the months are the agency's own).",
    )
    office_asset_print_shop_id = fields.Many2one(
        "res.partner",
        string="Designated print shop",
        help="The government-procurement print shop the office chose for outside "
        "printing (002 文印管理制度 一: 由办公室负责人安排定点印刷).",
    )
    office_asset_repair_partner_id = fields.Many2one(
        "res.partner",
        string="Designated repair supplier",
        help="The supplier who repairs office equipment (002 水电卫生管理制度 七: "
        "由办公室安排专业人员维修).",
    )
    office_asset_recall_days = fields.Integer(
        string="Recall secret copies within (days)",
        default=10,
        help="Working days after printing by which the numbered copies of a secret "
        "print job are recalled (003 第四十六条(二)2、4: 复制件视同原件管理, 清点、"
        "编号、登记; the number of days is the agency's own).",
    )
