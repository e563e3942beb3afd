from odoo import fields, models


class HrDepartment(models.Model):
    _inherit = "hr.department"

    office_leader_in_charge_id = fields.Many2one(
        "res.users",
        string="Leader in charge",
        domain=lambda self: [
            ("groups_id", "in", self.env.ref("office_base.group_office_leader").ids)
        ],
        help="The deputy in charge of the department (分管领导): first approver of its "
        "staff's leaves (002 篇4 考勤管理制度 四). Sub-departments without one use "
        "their parent's.",
    )

    def _office_leader_in_charge(self):
        """The leader in charge of the department or of its nearest parent."""
        self.ensure_one()
        department = self
        while department:
            if department.office_leader_in_charge_id:
                return department.office_leader_in_charge_id
            department = department.parent_id
        return self.env["res.users"]
