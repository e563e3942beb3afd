from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    office_fleet_major_repair_amount = fields.Monetary(
        string="Major repair from",
        currency_field="currency_id",
        default=5000.0,
        help="Repairs estimated at this amount or more are major repairs: the leader "
        "in charge of the office, the leader in charge of finance and the principal "
        "leader approve them (002 公车管理制度 七: 大修项目需按程序报分管办公室领导、"
        "分管财务领导、局长批准维修; the amount is the agency's own).",
    )
    office_fleet_analytic_account_id = fields.Many2one(
        "account.analytic.account",
        string="Vehicle running costs account",
        help="Analytic account of the official-vehicle running costs (三公经费).",
    )
    office_fleet_fuel_rolling_logs = fields.Integer(
        string="Fuel average over",
        default=5,
        help="A refuelling is compared with the average consumption of this many "
        "previous refuellings of the car (004 “零差错”办公工作规定 9: 健全公务用车"
        "油耗、运行费用登记; 002 公车管理制度 六: “一车一卡”加油).",
    )
    office_fleet_fuel_anomaly_ratio = fields.Float(
        string="Fuel anomaly from",
        default=1.3,
        digits=(16, 2),
        help="A refuelling whose consumption exceeds the car's rolling average times "
        "this ratio (1.3 = 30 % over) is flagged for review (004 “零差错”办公工作规定 "
        "9: 健全公务用车油耗、运行费用登记).",
    )
    office_fleet_sealing_min_days = fields.Integer(
        string="Seal the cars for breaks of",
        default=3,
        help="Consecutive non-working days from which the official cars without an "
        "approved trip are sealed and their keys kept by the dispatcher (003 机关运行"
        "和政务风险防控办法 第五十五条: 遇连续放假超过三天(含), 由办公室调度人员对无"
        "出勤任务的公车钥匙进行统一保管; 002 公车管理制度 五: 节假日封存停放).",
    )
    office_fleet_sealing_lookahead_days = fields.Integer(
        string="Propose sealing plans ahead",
        default=30,
        help="Sealing plans are proposed for the breaks starting within this many "
        "days, so that the dispatcher seals the cars before the break (002 公车管理"
        "制度 五: 节假日封存停放; the number of days is the agency's own).",
    )
    office_fleet_contract_first_reminder_days = fields.Integer(
        string="First insurance and inspection reminder",
        default=30,
        help="Days before an insurance or an annual inspection expires when the "
        "dispatcher is first reminded (002 公车管理制度 六: 按时完成年检、保险等工作).",
    )
    office_fleet_contract_last_reminder_days = fields.Integer(
        string="Last insurance and inspection reminder",
        default=7,
        help="Days before an insurance or an annual inspection expires when the "
        "dispatcher is reminded again (002 公车管理制度 六: 按时完成年检、保险等工作).",
    )

    office_fleet_bonus_forfeit_from = fields.Selection(
        [
            ("minor", "Any share of responsibility"),
            ("equal", "Equal responsibility or more"),
            ("main", "Main responsibility or more"),
            ("full", "Full responsibility only"),
        ],
        string="Safety bonus withheld from",
        default="minor",
        required=True,
        help="002 公车管理制度 八: 造成事故、损失的，"
        "责任概由公车驾驶员承担，并扣发全年安全奖金. "
        "The share of responsibility in an accident from which the driver loses "
        "the year's safety bonus (any share by default, the seed's rule).",
    )

    def _office_fleet_analytic_account(self):
        self.ensure_one()
        return self.office_fleet_analytic_account_id or self.env.ref(
            "office_fleet.analytic_account_vehicle_running", raise_if_not_found=False
        )
