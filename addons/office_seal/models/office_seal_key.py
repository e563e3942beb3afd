from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

KEY_KINDS = [
    ("electronic_seal", "Electronic seal"),
    ("signature_key", "Digital signature key"),
    ("bank_key", "Bank U-key"),
    ("tax_key", "Tax U-key"),
    ("other", "Other key"),
]

KEY_STATES = [
    ("valid", "Valid"),
    ("expiring", "Expiring"),
    ("expired", "Expired"),
]

# the stage keys are kept from the days they once were; the days are the
# company's settings now
REMINDER_STAGES = [("30", "First reminder"), ("7", "Second reminder")]


class OfficeSealKey(models.Model):
    """An electronic seal or a key (电子印章/密钥: USB key, digital
    certificate, bank or tax U-key) with its certificate. Its holder keeps
    it; only the holder and the allowed users may use it, and only while the
    certificate is valid (国库集中支付 rules (七) 3: keys kept by named people,
    used by the authorized only). Each use is logged; a daily scheduled
    action reminds the holder twice before the certificate expires (30 and
    7 days by default: company settings).

    Rights: keepers read and use the keys they hold or may use; the office
    director keeps the register; internal control reads all."""

    _name = "office.seal.key"
    _description = "Electronic Seal or Key"
    _inherit = ["mail.thread", "office.reminder.mixin"]
    _order = "valid_to, name, id"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    kind = fields.Selection(
        KEY_KINDS, required=True, default="electronic_seal", tracking=True
    )
    seal_id = fields.Many2one(
        "office.seal",
        string="Electronic seal",
        check_company=True,
        index=True,
        domain=[("kind", "=", "electronic")],
        tracking=True,
        help="The electronic seal this key carries.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    holder_id = fields.Many2one(
        "res.users", required=True, tracking=True, index=True, ondelete="restrict"
    )
    allowed_user_ids = fields.Many2many(
        "res.users",
        "office_seal_key_allowed_user_rel",
        "key_id",
        "user_id",
        string="Allowed users",
        help="Besides the holder, the only people who may use the key.",
    )
    certificate_number = fields.Char(string="Certificate serial", tracking=True)
    issuer = fields.Char(string="Certification authority")
    valid_from = fields.Date(tracking=True)
    valid_to = fields.Date(string="Valid until", required=True, tracking=True)
    storage = fields.Char(help="Where the key is locked away.")
    note = fields.Html()
    active = fields.Boolean(default=True)
    state = fields.Selection(
        KEY_STATES, compute="_compute_state", search="_search_state"
    )
    expiry_reminder = fields.Selection(
        REMINDER_STAGES, readonly=True, copy=False, help="Last expiry reminder sent."
    )
    use_ids = fields.One2many("office.seal.key.use", "key_id", readonly=True)
    use_count = fields.Integer(compute="_compute_use_count")
    is_allowed = fields.Boolean(
        compute="_compute_is_allowed", help="The current user may use the key."
    )

    _sql_constraints = [
        (
            "certificate_uniq",
            "unique(company_id, certificate_number)",
            "Two keys cannot have the same certificate serial.",
        ),
    ]

    # ------------------------------------------------------------------
    # Computes and constraints
    # ------------------------------------------------------------------

    @api.depends("valid_to")
    @api.depends_context("company")
    def _compute_state(self):
        today = self.env["office.calendar"].today()
        for key in self:
            company = key.company_id or self.env.company
            soon = today + relativedelta(days=company.office_seal_key_expiring_days)
            if not key.valid_to:  # a new key being entered
                key.state = "valid"
            elif key.valid_to < today:
                key.state = "expired"
            elif key.valid_to <= soon:
                key.state = "expiring"
            else:
                key.state = "valid"

    def _search_state(self, operator, value):
        if operator not in ("=", "!=", "in", "not in"):
            raise UserError(self.env._("Unsupported search on the key state."))
        values = {value} if isinstance(value, str) else set(value)
        if operator in ("!=", "not in"):
            values = {key for key, _label in KEY_STATES} - values
        today = self.env["office.calendar"].today()
        soon = today + relativedelta(
            days=self.env.company.office_seal_key_expiring_days
        )
        domains = {
            "expired": [("valid_to", "<", today)],
            "expiring": ["&", ("valid_to", ">=", today), ("valid_to", "<=", soon)],
            "valid": [("valid_to", ">", soon)],
        }
        result = [("id", "=", 0)]
        for state in values:
            result = ["|", *result, *domains[state]]
        return result

    def _compute_use_count(self):
        groups = (
            self.env["office.seal.key.use"]
            .sudo()
            ._read_group([("key_id", "in", self.ids)], ["key_id"], ["__count"])
        )
        counts = {key.id: count for key, count in groups}
        for key in self:
            key.use_count = counts.get(key.id, 0)

    @api.depends_context("uid")
    @api.depends("holder_id", "allowed_user_ids")
    def _compute_is_allowed(self):
        for key in self:
            key.is_allowed = key._is_allowed(self.env.user)

    @api.constrains("valid_from", "valid_to")
    def _check_dates(self):
        for key in self:
            if key.valid_from and key.valid_to and key.valid_to < key.valid_from:
                raise ValidationError(
                    self.env._(
                        "The certificate of “%(key)s” cannot end before it starts.",
                        key=key.name,
                    )
                )

    @api.constrains("seal_id", "kind")
    def _check_seal(self):
        for key in self:
            if key.seal_id and key.seal_id.kind != "electronic":
                raise ValidationError(
                    self.env._(
                        "“%(seal)s” is not an electronic seal.", seal=key.seal_id.name
                    )
                )

    def write(self, vals):
        if "valid_to" in vals:
            vals = {**vals, "expiry_reminder": False}
        return super().write(vals)

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------

    def _is_allowed(self, user):
        self.ensure_one()
        return user in (self.sudo().holder_id | self.sudo().allowed_user_ids)

    def _check_valid(self):
        today = self.env["office.calendar"].today()
        for key in self.sudo():
            if key.valid_to < today or (key.valid_from and key.valid_from > today):
                raise UserError(
                    self.env._(
                        "The certificate of “%(key)s” is not valid today (valid "
                        "until %(date)s).",
                        key=key.name,
                        date=fields.Date.to_string(key.valid_to),
                    )
                )

    def use(self, purpose, request_id=False):
        """Use the key (sign, pay, stamp electronically) for `purpose`;
        usable over XML-RPC. Refused to anyone but the holder and the allowed
        users, and when the certificate is not valid. Returns the id of the
        use log entry."""
        self.ensure_one()
        if not self._is_allowed(self.env.user):
            raise AccessError(
                self.env._(
                    "%(user)s is not allowed to use “%(key)s”.",
                    user=self.env.user.name,
                    key=self.sudo().name,
                )
            )
        if not (purpose or "").strip():
            raise UserError(self.env._("Please state the purpose of the use."))
        request = self.env["office.seal.use.request"].browse(request_id or [])
        if request:
            request.check_access("read")
        self._check_valid()
        return self._append_use(purpose, request).id

    def _append_use(self, purpose, request):
        self.ensure_one()
        return self.env["office.seal.key.use"]._append(
            {
                "key_id": self.id,
                "user_id": self.env.user.id,
                "purpose": purpose,
                "request_id": request.id or False,
            }
        )

    def action_view_uses(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "office_seal.office_seal_key_use_action"
        )
        action["domain"] = [("key_id", "=", self.id)]
        return action

    # ------------------------------------------------------------------
    # Scheduled action
    # ------------------------------------------------------------------

    @api.model
    def _cron_remind_expiry(self):
        """Activities on the holders before a certificate expires, at the two
        reminder days of the company (30 and 7 by default); each stage once
        per date (stored on the key), never while a reminder is still open."""
        today = self.env["office.calendar"].today()
        for company in self.env["res.company"].sudo().search([]):
            for stage, days in (
                ("30", company.office_seal_key_first_reminder_days),
                ("7", company.office_seal_key_second_reminder_days),
            ):
                domain = [
                    ("company_id", "=", company.id),
                    ("valid_to", ">=", today),
                    ("valid_to", "<=", today + relativedelta(days=days)),
                    ("expiry_reminder", "=", False)
                    if stage == "30"
                    else ("expiry_reminder", "!=", "7"),
                ]
                keys = self.sudo()._office_remind(
                    domain,
                    "office_seal.mail_act_office_seal_key_expiry",
                    "holder_id",
                    deadline_field="valid_to",
                    summary=self.env._("The certificate of the key expires soon"),
                )
                keys.write({"expiry_reminder": stage})
