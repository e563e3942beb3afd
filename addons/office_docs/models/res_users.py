from odoo import api, fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    office_own_department_ids = fields.Many2many(
        "hr.department",
        compute="_compute_office_own_department_ids",
        string="Own departments",
        help="The departments of the user's employees, without their parents.",
    )

    @api.depends("employee_ids.department_id")
    def _compute_office_own_department_ids(self):
        for user in self:
            departments = user.sudo().employee_ids.filtered("active").department_id
            user.office_own_department_ids = [fields.Command.set(departments.ids)]

    def _office_heads_department(self, department):
        """Whether this user heads `department`: its manager, or a department
        head (group) working in it."""
        self.ensure_one()
        if not department:
            return False
        department = department.sudo()
        if department.manager_id.user_id == self:
            return True
        return bool(
            self.has_group("office_base.group_office_dept_head")
            and department in self.office_own_department_ids
        )
