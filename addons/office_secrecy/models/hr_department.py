from odoo import fields, models
from odoo.exceptions import AccessError


class HrDepartment(models.Model):
    _inherit = "hr.department"

    secrecy_liaison_id = fields.Many2one(
        "res.users",
        string="Secrecy liaison",
        tracking=True,
        help="The department's secrecy liaison (保密联络员): relays the secrecy "
        "office's notices and keeps the department's registers.",
    )

    def write(self, vals):
        # the secrecy office names liaisons without being an HR officer
        if (
            not self.env.su
            and not self.env.user.has_group("hr.group_hr_user")
            and self.env.user.has_group("office_secrecy.group_secrecy_office")
        ):
            if set(vals) - {"secrecy_liaison_id"}:
                raise AccessError(
                    self.env._("The secrecy office only names the secrecy liaisons.")
                )
            return super(HrDepartment, self.sudo()).write(vals)
        return super().write(vals)
