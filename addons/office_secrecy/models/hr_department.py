from odoo import fields, models
from odoo.exceptions import AccessError

# what the chatter writes on a department
MAIL_FIELDS = {"message_main_attachment_id", "activity_ids", "message_follower_ids"}


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
        # the secrecy office names liaisons without being an HR officer; it
        # changes nothing else of a department
        user = self.env.user
        if user.has_group("office_secrecy.group_secrecy_office") and not (
            user.has_group("hr.group_hr_user")
        ):
            if set(vals) - {"secrecy_liaison_id"} - MAIL_FIELDS:
                raise AccessError(
                    self.env._("The secrecy office only names the secrecy liaisons.")
                )
            return super(HrDepartment, self.sudo()).write(vals)
        return super().write(vals)
