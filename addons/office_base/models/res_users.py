from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

from ..tools import is_granted, readable_domains_memoized

# a clearance changed by the secrecy register (office_secrecy)
CLEARANCE_GRANT = "office_clearance"

CLEARANCES = [
    ("none", "None"),
    ("general", "General (secret)"),
    ("important", "Important (confidential)"),
    ("core", "Core (top secret)"),
]
CLEARANCE_RANK = {"none": 0, "general": 1, "important": 2, "core": 3}
# 三员分立: three roles, three people
SEPARATED_ROLES = (
    "base.group_system",
    "office_base.group_security_admin",
    "office_base.group_security_auditor",
)
CLEARANCE_GRANTERS = (
    "office_base.group_security_admin",
    "office_base.group_office_director",
)


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
        user = self.env.user
        if is_granted(CLEARANCE_GRANT, self) or any(
            user.has_group(group) for group in CLEARANCE_GRANTERS
        ):
            return
        raise AccessError(
            self.env._(
                "Only the security administrator or the office director can "
                "change a security clearance."
            )
        )

    @api.constrains("groups_id")
    def _check_separated_roles(self):
        """三员分立: the system administrator, the security administrator
        and the security auditor are three different people (the technical
        superuser, who cannot log in, is none of them)."""
        roles = [
            self.env.ref(xmlid, raise_if_not_found=False) for xmlid in SEPARATED_ROLES
        ]
        roles = [group for group in roles if group]
        for user in self:
            if user._is_superuser():
                continue
            held = [group for group in roles if group in user.groups_id]
            if len(held) > 1:
                raise ValidationError(
                    self.env._(
                        "%(user)s cannot be both %(roles)s: the system administrator, "
                        "the security administrator and the security auditor must "
                        "be three different people (三员分立).",
                        user=user.name,
                        roles=", ".join(group.name for group in held),
                    )
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

    @api.model
    def review_user_count(self):
        """OCA's count of my pending reviews (the systray, every page): one
        readable domain per request instead of one per review search."""
        with readable_domains_memoized():
            return super().review_user_count()
