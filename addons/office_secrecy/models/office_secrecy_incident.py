from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.translate import LazyTranslate

from odoo.addons.office_base.models.office_confidential_mixin import SECRECY_LEVELS

INCIDENT_STATES = [
    ("reported", "Reported"),
    ("contained", "Contained"),
    ("assessed", "Assessed"),
    ("rectifying", "Rectifying"),
    ("closed", "Closed"),
    ("cancel", "Cancelled"),
]
_lt = LazyTranslate(__name__)
OFFICE = "office_secrecy.group_secrecy_office"
# fields a closed incident still takes: none but the chatter's
TECHNICAL_FIELDS = {"message_main_attachment_id", "activity_ids"}
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
    heads read their departments' incidents; the secrecy office handles all
    (every step below). A report is never deleted, and a closed or
    cancelled one is changed by nobody."""

    _name = "office.secrecy.incident"
    _description = "Secrecy Incident"
    _inherit = ["office.workflow.mixin", "mail.activity.mixin"]
    # never deleted: see _unlink_except_reported
    _workflow_deletable_states = tuple(state for state, _label in INCIDENT_STATES)
    _workflow_activities = {
        "reported": ("office_secrecy.mail_act_office_incident", "_secrecy_office_users")
    }
    _workflow_transitions = {
        "contain": {
            "from": ("reported",),
            "to": "contained",
            "groups": (OFFICE,),
            "label": _lt("contain"),
        },
        "assess": {
            "from": ("contained",),
            "to": "assessed",
            "groups": (OFFICE,),
            "label": _lt("assess"),
        },
        "rectify": {
            "from": ("assessed",),
            "to": "rectifying",
            "groups": (OFFICE,),
            "label": _lt("rectify"),
        },
        "close": {
            "from": ("rectifying",),
            "to": "closed",
            "groups": (OFFICE,),
            "label": _lt("close"),
        },
        "cancel": {
            "from": ("reported",),
            "to": "cancel",
            "groups": (OFFICE,),
            "label": _lt("cancel"),
        },
    }
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
        return super().create(vals_list)

    def write(self, vals):
        closed = self.filtered(lambda i: i.state in ("closed", "cancel"))
        if closed and set(vals) - TECHNICAL_FIELDS:
            raise UserError(
                self.env._(
                    "%(incident)s is closed: nobody changes it.",
                    incident=closed[:1].reference,
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_reported(self):
        raise UserError(self.env._("An incident report is never deleted: cancel it."))

    def _secrecy_office_users(self):
        """Reported immediately: every member of the secrecy office gets an
        activity due today."""
        return self.env.ref(OFFICE).sudo().users

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_contain(self):
        return self._workflow_run("contain")

    def action_assess(self):
        return self._workflow_run("assess")

    def action_rectify(self):
        return self._workflow_run("rectify")

    def action_close(self):
        return self._workflow_run("close")

    def action_cancel(self):
        return self._workflow_run("cancel")

    # ------------------------------------------------------------------
    # Transitions
    # ------------------------------------------------------------------

    def _check_filled(self, required):
        for incident in self:
            for name in required:
                value = incident[name]
                if not value or (isinstance(value, str) and not value.strip()):
                    raise UserError(
                        self.env._(
                            "Fill in “%(field)s” first.",
                            field=incident._fields[name]._description_string(self.env),
                        )
                    )

    def _check_can_contain(self):
        self._check_filled(("emergency_actions", "exposed"))

    def _do_contain(self):
        return self._workflow_set_state(
            "contain", {"contained_at": self._workflow_now()}
        )

    def _check_can_assess(self):
        self._check_filled(("loss_assessment", "severity"))
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

    def _do_assess(self):
        for incident in self:
            # the rectification is due within the company's number of days
            # unless set otherwise
            deadline = incident.rectification_deadline or (
                incident._workflow_today()
                + relativedelta(
                    days=incident.company_id.office_secrecy_rectification_days
                )
            )
            incident._workflow_set_state("assess", {"rectification_deadline": deadline})
        return True

    def _check_can_rectify(self):
        self._check_filled(("rectification", "rectification_deadline"))

    def _check_can_close(self):
        self._check_filled(("rectification_done", "accountability"))

    def _do_close(self):
        return self._workflow_set_state("close", {"closed_at": self._workflow_now()})
