from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools.translate import LazyTranslate

from odoo.addons.office_base.models.office_confidential_mixin import (
    SECRECY_LEVELS,
    SECRECY_RANK,
)
from odoo.addons.office_base.models.res_users import CLEARANCE_RANK

_lt = LazyTranslate(__name__)
OFFICE = "office_secrecy.group_secrecy_office"
# 003 第四十六条(二)5: 保存国家秘密载体使用专用的保密柜，集中存放场所要按照
# 保密规定安装“三铁一器”（铁门、铁窗、铁柜、报警器）
EQUIPMENT_KINDS = [
    ("safe", "Secrecy safe"),
    ("iron_door", "Iron door"),
    ("iron_window", "Iron window"),
    ("iron_cabinet", "Iron cabinet"),
    ("alarm", "Alarm"),
]


class OfficeSecrecyEquipment(models.Model):
    """The register of secrecy equipment (保密设施): the secrecy safes and the
    "三铁一器" (iron door, iron window, iron cabinet, alarm) of the rooms
    where secret carriers are kept (003 第四十六条(二)5). Each has its
    place, unit, custodian and the highest level it protects; secrecy
    inspections check every piece (``office.secrecy.inspection.check``).

    The custodian holds a clearance at least as high as the level the
    equipment protects. A piece is never deleted: it is scrapped with a
    reason.

    Rights: the secrecy office keeps the register; department heads read
    their departments' equipment; custodians read theirs."""

    _name = "office.secrecy.equipment"
    _description = "Secrecy Equipment"
    _inherit = ["office.workflow.mixin", "mail.activity.mixin"]
    _order = "location, kind, id"
    _check_company_auto = True
    _workflow_editable_states = ("in_use",)
    _workflow_locked_fields = ("kind", "secrecy_level", "custodian_id", "location")
    _workflow_deletable_states = ()
    _workflow_transitions = {
        "scrap": {
            "from": ("in_use",),
            "to": "scrapped",
            "groups": (OFFICE,),
            "reason": True,
            "label": _lt("scrap"),
        },
    }

    name = fields.Char(string="Label", required=True, tracking=True)
    kind = fields.Selection(
        EQUIPMENT_KINDS, required=True, default="safe", tracking=True
    )
    location = fields.Char(
        string="Room", required=True, tracking=True, help="Where it stands."
    )
    department_id = fields.Many2one("hr.department", tracking=True, index=True)
    custodian_id = fields.Many2one(
        "res.users", required=True, tracking=True, index=True, check_company=False
    )
    secrecy_level = fields.Selection(
        [level for level in SECRECY_LEVELS if level[0] != "none"],
        string="Protects up to",
        required=True,
        default="secret",
        tracking=True,
    )
    last_check_date = fields.Date(
        string="Last checked", readonly=True, copy=False, tracking=True
    )
    check_ids = fields.One2many(
        "office.secrecy.inspection.check", "equipment_id", string="Checks"
    )
    state = fields.Selection(
        [("in_use", "In use"), ("scrapped", "Scrapped")],
        default="in_use",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    @api.constrains("custodian_id", "secrecy_level")
    def _check_custodian_cleared(self):
        for equipment in self:
            needed = SECRECY_RANK[equipment.secrecy_level]
            clearance = equipment.custodian_id.sudo().office_clearance or "none"
            if CLEARANCE_RANK[clearance] < needed:
                raise ValidationError(
                    self.env._(
                        "%(user)s is not cleared for the level %(equipment)s "
                        "protects: choose a cleared custodian.",
                        user=equipment.custodian_id.name,
                        equipment=equipment.name,
                    )
                )

    def action_scrap(self, reason=None):
        return self._workflow_run("scrap", reason=reason)
