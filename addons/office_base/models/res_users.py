from odoo import api, fields, models
from odoo.exceptions import AccessError

from ..tools import is_granted

# a clearance changed by the secrecy register (office_secrecy)
CLEARANCE_GRANT = "office_clearance"

CLEARANCES = [
    ("none", "None"),
    ("general", "General (secret)"),
    ("important", "Important (confidential)"),
    ("core", "Core (top secret)"),
]
CLEARANCE_RANK = {"none": 0, "general": 1, "important": 2, "core": 3}


class ResUsers(models.Model):
    _inherit = "res.users"

    office_clearance = fields.Selection(
        CLEARANCES,
        string="Security clearance",
        default="none",
        required=True,
        help="Core staff may read up to top secret, important staff up to "
        "confidential, general staff up to secret.",
    )
    office_clearance_rank = fields.Integer(compute="_compute_office_clearance_rank")
    office_department_ids = fields.Many2many(
        "hr.department",
        compute="_compute_office_department_ids",
        help="The user's departments and the departments above them.",
    )

    @api.depends("office_clearance")
    def _compute_office_clearance_rank(self):
        for user in self:
            user.office_clearance_rank = CLEARANCE_RANK[user.office_clearance or "none"]

    @api.depends("employee_ids.department_id")
    def _compute_office_department_ids(self):
        for user in self:
            departments = user.sudo().employee_ids.department_id
            ids = {
                int(dep_id)
                for dep_id in "/".join(departments.mapped("parent_path")).split("/")
                if dep_id
            }
            user.office_department_ids = [fields.Command.set(list(ids))]

    @api.model_create_multi
    def create(self, vals_list):
        if any(vals.get("office_clearance", "none") != "none" for vals in vals_list):
            self._check_can_grant_clearance()
        return super().create(vals_list)

    def write(self, vals):
        if "office_clearance" not in vals:
            return super().write(vals)
        # a form saving the clearance it shows (the employee form) changes nothing
        if any(user.office_clearance != vals["office_clearance"] for user in self):
            self._check_can_grant_clearance()
        # the office director grants clearances without being a user administrator
        writer = self.sudo() if set(vals) == {"office_clearance"} else self
        res = super(ResUsers, writer).write(vals)
        self.env.registry.clear_cache()
        return res

    def _check_can_grant_clearance(self):
        if is_granted(CLEARANCE_GRANT, self) or self.env.user.has_group(
            "office_base.group_office_director"
        ):
            return
        raise AccessError(
            self.env._("Only the office director can change a security clearance.")
        )

    @api.model
    def office_access_rights(self, model_names):
        """The current user's rights on each of ``model_names`` as the access
        rules give them, spelled ``rwcu`` (read, write, create, unlink; ``-``
        for none): one XML-RPC call answers for many models, e.g. for the
        access matrix of the tests. Unknown models are left out."""
        operations = (("r", "read"), ("w", "write"), ("c", "create"), ("u", "unlink"))
        rights = {}
        for name in model_names:
            if name in self.env:
                model = self.env[name].browse()
                granted = "".join(
                    letter
                    for letter, operation in operations
                    if model.has_access(operation)
                )
                rights[name] = granted or "-"
        return rights
