from odoo import fields, models


class HrDepartment(models.Model):
    _inherit = "hr.department"

    office_asset_keeper_id = fields.Many2one(
        "res.users",
        string="Asset keeper",
        help="The person of the department who keeps its assets and their register "
        "(002 财务财物管理制度 五: 明确专人管理; 003 表18: 未明确专人负责资产管理与"
        "登记 — 一般风险).",
    )
