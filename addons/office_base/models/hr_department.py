from odoo import models


class HrDepartment(models.Model):
    _inherit = "hr.department"

    def write(self, vals):
        res = super().write(vals)
        if "parent_id" in vals:
            # need-to-know rules read the users' departments and their parents
            self.env.registry.clear_cache()
        return res
