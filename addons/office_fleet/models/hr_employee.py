from odoo import fields, models

LICENCE_CLASSES = [
    ("A1", "A1"),
    ("A2", "A2"),
    ("B1", "B1"),
    ("B2", "B2"),
    ("C1", "C1"),
    ("C2", "C2"),
]


class HrEmployee(models.Model):
    """Drivers of official cars: the full-time drivers and the qualified
    staff who may stand in for them (有资质的干部职工代驾)."""

    _inherit = "hr.employee"

    office_is_driver = fields.Boolean(
        string="Official car driver",
        groups="hr.group_hr_user,office_fleet.group_fleet_dispatcher",
    )
    office_driver_kind = fields.Selection(
        [("full_time", "Full-time driver"), ("stand_in", "Qualified stand-in")],
        string="Driver kind",
        default="full_time",
        groups="hr.group_hr_user,office_fleet.group_fleet_dispatcher",
        help="002 公车管理制度 四: 公车实行专职驾驶员驾驶; a qualified member of staff "
        "drives only in an approved stand-in period (需报分管领导并由局长批准).",
    )
    office_licence_class = fields.Selection(
        LICENCE_CLASSES,
        string="Driving licence class",
        groups="hr.group_hr_user,office_fleet.group_fleet_dispatcher",
    )
    office_licence_expiry = fields.Date(
        string="Driving licence valid until",
        groups="hr.group_hr_user,office_fleet.group_fleet_dispatcher",
    )

    def _office_licence_valid_on(self, day):
        self.ensure_one()
        employee = self.sudo()
        return bool(
            employee.office_is_driver
            and employee.office_licence_class
            and employee.office_licence_expiry
            and employee.office_licence_expiry >= day
        )

    def _office_is_stand_in(self):
        self.ensure_one()
        return self.sudo().office_driver_kind == "stand_in"
