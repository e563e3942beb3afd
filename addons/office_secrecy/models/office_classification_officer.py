from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.office_base.models.office_confidential_mixin import (
    SECRECY_LEVELS,
    SECRECY_RANK,
)

OFFICER_KINDS = [
    ("statutory", "Statutory (principal leader)"),
    ("designated", "Designated"),
]


class OfficeClassificationOfficer(models.Model):
    """The classification officers (定密责任人) of the agency: the principal
    leader by law, and the officers he designates in writing, each up to a
    level. Classification authority is never delegated further: only an
    officer in force covering the level decides a classification."""

    _name = "office.classification.officer"
    _description = "Classification Officer"
    _inherit = ["mail.thread"]
    _order = "kind desc, date_from desc, id"
    _check_company_auto = True

    user_id = fields.Many2one(
        "res.users", string="Officer", required=True, tracking=True, index=True
    )
    kind = fields.Selection(
        OFFICER_KINDS, required=True, default="statutory", tracking=True
    )
    max_level = fields.Selection(
        [level for level in SECRECY_LEVELS if level[0] != "none"],
        string="Up to",
        required=True,
        default="top_secret",
        tracking=True,
    )
    date_from = fields.Date(
        string="From", required=True, default=fields.Date.context_today, tracking=True
    )
    date_to = fields.Date(string="To", tracking=True)
    designated_by_id = fields.Many2one(
        "res.users", string="Designated by", tracking=True
    )
    basis = fields.Char(
        string="Appointment document", help="The appointment or designation document."
    )
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    @api.depends("user_id", "max_level")
    def _compute_display_name(self):
        labels = dict(self._fields["max_level"]._description_selection(self.env))
        for officer in self:
            officer.display_name = self.env._(
                "%(user)s (up to %(level)s)",
                user=officer.user_id.name or "",
                level=labels.get(officer.max_level, ""),
            )

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for officer in self:
            if officer.date_to and officer.date_to < officer.date_from:
                raise ValidationError(
                    self.env._("The appointment must end on or after its first day.")
                )

    @api.constrains("kind", "user_id", "designated_by_id")
    def _check_kind(self):
        principal = self.env.ref("office_base.group_office_principal")
        for officer in self:
            if (
                officer.kind == "statutory"
                and principal not in officer.user_id.groups_id
            ):
                raise ValidationError(
                    self.env._(
                        "The statutory classification officer is the principal leader: "
                        "%(user)s is not.",
                        user=officer.user_id.name,
                    )
                )
            if officer.kind == "designated" and not officer.designated_by_id:
                raise ValidationError(
                    self.env._(
                        "Name who designated %(user)s as classification officer.",
                        user=officer.user_id.name,
                    )
                )

    @api.model
    def _officers_for(self, level, day=None, company=None):
        """Officers in force on `day` whose authority covers `level`."""
        day = day or fields.Date.context_today(self)
        company = company or self.env.company
        officers = self.sudo().search(
            [
                ("company_id", "=", company.id),
                ("date_from", "<=", day),
                "|",
                ("date_to", "=", False),
                ("date_to", ">=", day),
            ]
        )
        rank = SECRECY_RANK[level or "none"]
        return officers.filtered(lambda o: SECRECY_RANK[o.max_level] >= rank)
