from odoo import fields, models


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    office_clearance = fields.Selection(
        related="user_id.office_clearance",
        readonly=False,
        groups="hr.group_hr_user,office_base.group_office_director",
    )

    def write(self, vals):
        res = super().write(vals)
        if "department_id" in vals or "user_id" in vals:
            # record rules read the user's departments
            self.env.registry.clear_cache()
        return res
