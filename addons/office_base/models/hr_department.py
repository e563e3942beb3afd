from odoo import fields, models


class HrDepartment(models.Model):
    _inherit = "hr.department"

    office_leader_id = fields.Many2one(
        "res.users",
        string="Leader in charge",
        tracking=True,
        domain=lambda self: [
            ("groups_id", "in", self.env.ref("office_base.group_office_leader").ids)
        ],
        help="The deputy leader in charge of the department (分管领导): reviews "
        "its documents and signs its letters (002 公文处理制度 二、三), approves "
        "its staff's reading of secret archives (002 篇6 机关档案保密制度 四). "
        "When empty, the leader in charge of the parent department.",
    )

    def write(self, vals):
        res = super().write(vals)
        if "parent_id" in vals:
            # need-to-know rules read the users' departments and their parents
            self.env.registry.clear_cache()
        return res

    def _office_leader_in_charge(self):
        """The leader in charge of this department, else of the nearest
        parent department that has one."""
        self.ensure_one()
        department = self.sudo()
        while department and not department.office_leader_id:
            department = department.parent_id
        return department.office_leader_id
