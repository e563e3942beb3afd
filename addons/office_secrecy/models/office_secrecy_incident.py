from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.office_base.models.office_confidential_mixin import SECRECY_LEVELS

INCIDENT_STATES = [
    ("reported", "Reported"),
    ("contained", "Contained"),
    ("assessed", "Assessed"),
    ("rectifying", "Rectifying"),
    ("closed", "Closed"),
    ("cancel", "Cancelled"),
]
SEVERITIES = [
    ("general", "General"),
    ("significant", "Significant"),
    ("major", "Major"),
]


class OfficeSecrecyIncident(models.Model):
    """A loss or leak of secrets (失泄密事件): reported at once with what was
    exposed; emergency actions to contain it; the loss assessment; the
    rectification and the accountability; closed by the secrecy office.

    Each step requires what the rules ask for before the next one:
    contained ← emergency actions, assessed ← loss assessment and severity,
    rectifying ← rectification plan, closed ← rectification done and
    accountability.

    Rights: anyone reports; the reporter follows their report; department
    heads read their departments' incidents; the secrecy office handles all."""

    _name = "office.secrecy.incident"
    _description = "Secrecy Incident"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "reported_at desc, id desc"
    _check_company_auto = True

    reference = fields.Char(readonly=True, copy=False, default="/", index=True)
    name = fields.Char(string="Incident", required=True, tracking=True)
    reported_at = fields.Datetime(
        required=True, default=fields.Datetime.now, readonly=True, copy=False
    )
    discovered_at = fields.Datetime(
        string="Discovered at", default=fields.Datetime.now, tracking=True
    )
    reporter_id = fields.Many2one(
        "res.users",
        required=True,
        default=lambda self: self.env.user,
        readonly=True,
        index=True,
    )
    department_id = fields.Many2one(
        "hr.department",
        default=lambda self: self.env.user.employee_id.department_id,
        tracking=True,
        index=True,
    )
    description = fields.Text(string="What happened", required=True)
    exposed = fields.Text(string="What was exposed")
    exposed_level = fields.Selection(SECRECY_LEVELS, string="Highest level exposed")
    carrier_ids = fields.Many2many(
        "office.secret.carrier",
        "office_secrecy_incident_carrier_rel",
        "incident_id",
        "carrier_id",
        string="Carriers concerned",
    )
    emergency_actions = fields.Text(string="Emergency actions", tracking=True)
    contained_at = fields.Datetime(readonly=True, copy=False)
    severity = fields.Selection(SEVERITIES, tracking=True)
    loss_assessment = fields.Text(string="Loss assessment")
    rectification = fields.Text(string="Rectification plan")
    rectification_deadline = fields.Date(tracking=True)
    rectification_done = fields.Text(string="Rectification done")
    accountability = fields.Text()
    responsible_ids = fields.Many2many(
        "res.users",
        "office_secrecy_incident_responsible_rel",
        "incident_id",
        "user_id",
        string="Held responsible",
    )
    reported_to_authority = fields.Boolean(
        string="Reported to the secrecy bureau",
        tracking=True,
        help="Significant and major incidents are reported to the secrecy "
        "administration within 24 hours.",
    )
    closed_at = fields.Datetime(readonly=True, copy=False)
    state = fields.Selection(
        INCIDENT_STATES,
        default="reported",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("reference", "/") == "/":
                vals["reference"] = self.env["ir.sequence"].next_by_code(self._name)
            vals.pop("state", None)
        incidents = super().create(vals_list)
        incidents._notify_secrecy_office()
        return incidents

    def write(self, vals):
        if not self.env.su:
            if "state" in vals:
                raise UserError(
                    self.env._("The state changes only through the action buttons.")
                )
            closed = self.filtered(lambda i: i.state in ("closed", "cancel"))
            if closed and set(vals) - {"message_main_attachment_id", "activity_ids"}:
                raise UserError(
                    self.env._(
                        "%(incident)s is closed: nobody changes it.",
                        incident=closed[:1].reference,
                    )
                )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_reported(self):
        if not self.env.su:
            raise UserError(
                self.env._("An incident report is never deleted: cancel it.")
            )

    def _notify_secrecy_office(self):
        """Reported immediately: every member of the secrecy office gets an
        activity due today."""
        office = self.env.ref("office_secrecy.group_secrecy_office").sudo().users
        today = fields.Date.context_today(self)
        for incident in self.sudo():
            for user in office:
                incident.activity_schedule(
                    "office_secrecy.mail_act_office_incident",
                    user_id=user.id,
                    date_deadline=today,
                    summary=self.env._("Secrecy incident reported: act now"),
                )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def _check_step(self, state_from, required):
        office = self.env["office.secrecy.workflow.mixin"]._is_secrecy_office()
        if not office:
            raise UserError(self.env._("The secrecy office handles the incident."))
        labels = dict(self._fields["state"]._description_selection(self.env))
        for incident in self:
            if incident.state != state_from:
                raise UserError(
                    self.env._(
                        "%(incident)s is %(state)s.",
                        incident=incident.reference,
                        state=labels[incident.state],
                    )
                )
            for name in required:
                value = incident[name]
                if not value or (isinstance(value, str) and not value.strip()):
                    raise UserError(
                        self.env._(
                            "Fill in “%(field)s” first.",
                            field=incident._fields[name]._description_string(self.env),
                        )
                    )

    def _advance(self, vals):
        self.sudo().write(vals)
        return True

    def action_contain(self):
        self._check_step("reported", ("emergency_actions", "exposed"))
        self.activity_unlink(["office_secrecy.mail_act_office_incident"])
        return self._advance(
            {"state": "contained", "contained_at": fields.Datetime.now()}
        )

    def action_assess(self):
        self._check_step("contained", ("loss_assessment", "severity"))
        for incident in self:
            if incident.severity in ("significant", "major") and not (
                incident.reported_to_authority
            ):
                raise UserError(
                    self.env._(
                        "A significant or major incident is reported to the secrecy "
                        "administration: tick it once done."
                    )
                )
        for incident in self.filtered(lambda i: not i.rectification_deadline):
            # the rectification is due within 30 days unless set otherwise
            incident.sudo().rectification_deadline = fields.Date.context_today(
                self
            ) + relativedelta(days=30)
        return self._advance({"state": "assessed"})

    def action_rectify(self):
        self._check_step("assessed", ("rectification", "rectification_deadline"))
        return self._advance({"state": "rectifying"})

    def action_close(self):
        self._check_step("rectifying", ("rectification_done", "accountability"))
        return self._advance({"state": "closed", "closed_at": fields.Datetime.now()})

    def action_cancel(self):
        self._check_step("reported", ())
        self.activity_unlink(["office_secrecy.mail_act_office_incident"])
        return self._advance({"state": "cancel"})

    def _demo_as(self, user_id, method, *args):
        """Call `method` as the given user (demo data)."""
        return getattr(self.with_user(user_id), method)(*args)
