from odoo import fields, models


class HrDepartment(models.Model):
    _inherit = "hr.department"

    archive_lead_id = fields.Many2one(
        "res.users",
        string="Archive lead",
        help="The department's (part-time) archivist: compiles the yearly transfer "
        "list and approves the department's loans of non-secret archives. When "
        "empty, the department's manager does.",
    )

    def _archive_lead(self):
        """The department's archive lead, or its manager's user."""
        self.ensure_one()
        return self.archive_lead_id or self.manager_id.user_id
