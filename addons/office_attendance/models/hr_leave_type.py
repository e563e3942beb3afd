from odoo import fields, models


class HrLeaveType(models.Model):
    _inherit = "hr.leave.type"

    office_kind = fields.Selection(
        [
            ("annual", "Annual leave"),
            ("sick", "Sick leave"),
            ("personal", "Personal leave"),
            ("compensatory", "Compensatory leave"),
        ],
        string="Kind (考勤)",
        help="What the attendance rules know the type as: annual, sick and personal "
        "leaves follow the approval ladder and count for the annual leave "
        "entitlement; registered overtime is allocated as compensatory leave.",
    )
    office_ladder = fields.Boolean(
        string="Approval ladder",
        help="Requests of this type are approved by the ladder by length (tier "
        "definitions on Time Off): the leader in charge, then the executive deputy, "
        "then the principal leader (002 篇4 考勤管理制度 四).",
    )
