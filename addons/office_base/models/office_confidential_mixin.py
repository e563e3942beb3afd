from odoo import api, fields, models
from odoo.exceptions import ValidationError

SECRECY_LEVELS = [
    ("none", "Not classified"),
    ("secret", "Secret"),
    ("confidential", "Confidential"),
    ("top_secret", "Top secret"),
]
SECRECY_RANK = {"none": 0, "secret": 1, "confidential": 2, "top_secret": 3}
DEFAULT_SECRECY_YEARS = {"none": 0, "secret": 10, "confidential": 20, "top_secret": 30}
SECRECY_MARK = {"secret": "秘密", "confidential": "机密", "top_secret": "绝密"}
SECRECY_RULE_NAME = "Confidentiality: clearance and need-to-know (%s)"


class OfficeConfidentialMixin(models.AbstractModel):
    """Secrecy level, period and need-to-know list for any model.

    A model inheriting this mixin gets a global record rule (created when the
    model is installed) so that a classified record is visible only to users
    whose clearance covers its level and who are on its need-to-know list,
    directly or through their department. Reading a classified record
    (``read``, ``web_read``, ``search_read``: opening it, XML-RPC; an export;
    a report) writes an entry in office.secret.access.log with its channel
    and the caller's address."""

    _name = "office.confidential.mixin"
    _description = "Confidentiality Mixin"

    secrecy_level = fields.Selection(
        SECRECY_LEVELS,
        string="Confidentiality",
        default="none",
        required=True,
        tracking=True,
        index=True,
    )
    secrecy_rank = fields.Integer(
        compute="_compute_secrecy_rank", store=True, index=True
    )
    secrecy_years = fields.Integer(
        string="Secrecy period (years)",
        compute="_compute_secrecy_years",
        store=True,
        readonly=False,
        tracking=True,
    )
    secrecy_release = fields.Char(
        string="Release date or condition",
        help="Instead of a period: the date or the condition that releases the secret.",
    )
    secrecy_mark = fields.Char(compute="_compute_secrecy_mark", string="Secrecy mark")
    need_to_know_user_ids = fields.Many2many(
        "res.users",
        string="Need-to-know readers",
        help="People allowed to read this record when it is classified.",
    )
    need_to_know_department_ids = fields.Many2many(
        "hr.department",
        string="Need-to-know departments",
        help="Departments whose cleared members may read this record.",
    )

    @api.depends("secrecy_level")
    def _compute_secrecy_rank(self):
        for record in self:
            record.secrecy_rank = SECRECY_RANK[record.secrecy_level or "none"]

    @api.depends("secrecy_level")
    def _compute_secrecy_years(self):
        for record in self:
            record.secrecy_years = DEFAULT_SECRECY_YEARS[record.secrecy_level or "none"]

    @api.depends("secrecy_level", "secrecy_years", "secrecy_release")
    def _compute_secrecy_mark(self):
        for record in self:
            record.secrecy_mark = record._format_secrecy_mark()

    def _format_secrecy_mark(self):
        self.ensure_one()
        if self.secrecy_level in (False, "none"):
            return False
        mark = SECRECY_MARK[self.secrecy_level]
        if self.secrecy_release:
            return f"{mark}★{self.secrecy_release}"
        if self.secrecy_years:
            return f"{mark}★{self.secrecy_years}年"
        return mark

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------

    @api.constrains("secrecy_level", "secrecy_years")
    def _check_secrecy_years(self):
        for record in self:
            if record.secrecy_level == "none":
                continue
            limit = DEFAULT_SECRECY_YEARS[record.secrecy_level]
            if record.secrecy_years < 0 or record.secrecy_years > limit:
                raise ValidationError(
                    self.env._(
                        "The secrecy period of %(level)s records must lie between "
                        "0 and %(limit)s years.",
                        level=SECRECY_MARK[record.secrecy_level],
                        limit=limit,
                    )
                )

    @api.constrains("secrecy_level")
    def _check_secrecy_clearance(self):
        if self.env.su:
            return
        rank = self.env.user.office_clearance_rank
        for record in self:
            if record.secrecy_rank > rank:
                raise ValidationError(
                    self.env._(
                        "Your clearance does not cover %(level)s: you cannot "
                        "classify a record above your own clearance.",
                        level=SECRECY_MARK[record.secrecy_level],
                    )
                )

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                if vals.get("secrecy_level", "none") != "none":
                    vals.setdefault("need_to_know_user_ids", [])
                    vals["need_to_know_user_ids"] = list(
                        vals["need_to_know_user_ids"]
                    ) + [fields.Command.link(self.env.uid)]
        return super().create(vals_list)

    def _read_format(self, fnames, load="_classic_read"):
        # read, web_read and search_read all answer through here
        result = super()._read_format(fnames, load=load)
        self._log_secret_access()
        return result

    def export_data(self, fields_to_export):
        result = super().export_data(fields_to_export)
        self._log_secret_access(channel="export")
        return result

    def _log_secret_access(self, channel=None):
        """Log the classified records among ``self`` as read by the user,
        through ``channel`` (by default the door the call came in by)."""
        if self.env.su or not self:
            return
        secret = self.sudo().filtered(lambda r: r.secrecy_rank)
        if secret:
            self.env["office.secret.access.log"].sudo()._log(
                secret, self.env.user, channel=channel
            )

    # ------------------------------------------------------------------
    # Record rule
    # ------------------------------------------------------------------

    @api.model
    def _secrecy_rule_domain(self):
        return (
            "['|', ('secrecy_rank', '=', 0), "
            "'&', ('secrecy_rank', '<=', user.office_clearance_rank), "
            "'|', ('need_to_know_user_ids', 'in', [user.id]), "
            "('need_to_know_department_ids', 'in', user.office_department_ids.ids)]"
        )

    def init(self):
        res = super().init()
        if not self._abstract and self._auto:
            self.pool.post_init(self._ensure_secrecy_rule)
        return res

    def _ensure_secrecy_rule(self):
        """Create or refresh the global rule that hides classified records."""
        self.env["ir.rule"]._office_ensure_rule(
            self._name,
            SECRECY_RULE_NAME % self._name,
            {"domain_force": self._secrecy_rule_domain(), "global": True},
        )
