from odoo import models


class HrDepartment(models.Model):
    _inherit = "hr.department"

    def _office_with_children(self):
        """These departments and all departments below them."""
        if not self:
            return self
        return self.sudo().search([("id", "child_of", self.ids)])

    def _office_head_users(self):
        """The users heading these departments: the manager, else the
        department heads (group) working in it."""
        heads = self.env["res.users"]
        dept_head = self.env.ref("office_base.group_office_dept_head")
        for department in self.sudo():
            manager = department.manager_id.user_id
            if manager:
                heads |= manager
                continue
            members = (
                self.env["hr.employee"]
                .sudo()
                .search([("department_id", "=", department.id)])
                .user_id
            )
            heads |= members.filtered(lambda u, g=dept_head: g in u.groups_id)
        return heads
