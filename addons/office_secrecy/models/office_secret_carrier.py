from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from odoo.addons.office_base.models.office_confidential_mixin import (
    SECRECY_LEVELS,
    SECRECY_RANK,
)
from odoo.addons.office_base.models.res_users import CLEARANCE_RANK
from odoo.addons.office_base.tools import is_granted

CARRIER_KINDS = [
    ("paper", "Paper document"),
    ("media", "Removable media"),
    ("computer", "Computer"),
    ("disk", "Hard disk"),
    ("other", "Other"),
]
CARRIER_STATES = [
    ("in_custody", "In custody"),
    ("out", "Carried outside"),
    ("repair", "In repair"),
    ("dispatched", "Dispatched"),
    ("destroyed", "Destroyed"),
    ("lost", "Lost"),
]
CLOSED_CARRIER_STATES = ("dispatched", "destroyed", "lost")
OPEN_CARRIER_STATES = ("in_custody", "out", "repair")
_lt = LazyTranslate(__name__)
TECHNICAL_FIELDS = {
    "message_main_attachment_id",
    "activity_ids",
    "message_follower_ids",
}


# the one way a copy enters the register: its approved copy request
CARRIER_COPY = "office_secrecy_carrier_copy"
COPY_FIELDS = {"is_copy", "source_id", "copy_request_id", "copy_stamp"}


class OfficeSecretCarrier(models.Model):
    """The register of secret carriers (涉密载体台账): documents and their
    copies, removable media, computers and disks; each with its number,
    level, custodian, location (safe) and state.

    Copies are made only through an approved copy request: each copy is a
    new carrier with the same level, its own number and a copy stamp.
    Closed entries (dispatched, destroyed, lost) cannot be changed by
    anyone, the administrator included.

    The state changes only through the register's own steps: the verbs
    ``carry_out``, ``repair``, ``return`` and ``destroy`` are run by an
    approved ``office.secret.carrier.request`` (passed as ``request``),
    ``dispatch`` by a confirmed movement (``movement``), ``lose`` by the
    secrecy office (``action_report_lost``). The level, the copy marks and
    the source of a registered carrier are never written afterwards.

    Rights: the secrecy office keeps the register; department heads read
    the carriers of their departments; custodians read theirs."""

    _name = "office.secret.carrier"
    _description = "Secret Carrier"
    _inherit = ["office.workflow.mixin", "mail.activity.mixin"]
    _workflow_editable_states = ()
    _workflow_locked_fields = (
        "secrecy_level",
        "is_copy",
        "source_id",
        "copy_request_id",
        "copy_stamp",
    )
    # never deleted: see _unlink_except_registered
    _workflow_deletable_states = tuple(state for state, _label in CARRIER_STATES)
    _workflow_transitions = {
        "carry_out": {"from": ("in_custody",), "to": "out", "label": _lt("carry out")},
        "repair": {"from": ("in_custody",), "to": "repair", "label": _lt("repair")},
        "return": {
            "from": ("out", "repair"),
            "to": "in_custody",
            "label": _lt("check in"),
        },
        "destroy": {
            "from": ("in_custody",),
            "to": "destroyed",
            "label": _lt("destroy"),
        },
        "dispatch": {
            "from": ("in_custody",),
            "to": "dispatched",
            "label": _lt("dispatch"),
        },
        "lose": {
            "from": OPEN_CARRIER_STATES,
            "to": "lost",
            "groups": ("office_secrecy.group_secrecy_office",),
            "label": _lt("report lost"),
        },
    }
    _order = "number desc, id desc"
    _check_company_auto = True
    _rec_names_search = ["number", "name"]

    number = fields.Char(
        required=True, readonly=True, copy=False, default="/", index=True
    )
    name = fields.Char(string="Title or label", required=True, tracking=True)
    kind = fields.Selection(
        CARRIER_KINDS, required=True, default="paper", tracking=True
    )
    secrecy_level = fields.Selection(
        [level for level in SECRECY_LEVELS if level[0] != "none"],
        string="Level",
        required=True,
        default="secret",
        tracking=True,
    )
    secrecy_rank = fields.Integer(compute="_compute_secrecy_rank", store=True)
    secrecy_period = fields.Char(
        string="Period", help="Period or release date, e.g. 20年."
    )
    document_ref = fields.Char(string="Document number")
    origin = fields.Char(help="Issuing organ or where the carrier comes from.")
    copy_number = fields.Char(string="Copy number (份号)")
    pages = fields.Integer(default=1)
    custodian_id = fields.Many2one(
        "res.users", required=True, tracking=True, index=True, check_company=False
    )
    department_id = fields.Many2one("hr.department", tracking=True, index=True)
    location = fields.Char(string="Location (safe)", required=True, tracking=True)
    state = fields.Selection(
        CARRIER_STATES,
        default="in_custody",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    is_copy = fields.Boolean(readonly=True, copy=False)
    source_id = fields.Many2one(
        "office.secret.carrier", string="Copy of", readonly=True, copy=False
    )
    copy_ids = fields.One2many("office.secret.carrier", "source_id", string="Copies")
    copy_stamp = fields.Char(readonly=True, copy=False)
    copy_request_id = fields.Many2one(
        "office.secret.carrier.request",
        string="Copy approved by",
        readonly=True,
        copy=False,
    )
    request_ids = fields.Many2many(
        "office.secret.carrier.request",
        "office_secret_carrier_request_carrier_rel",
        "carrier_id",
        "request_id",
        string="Requests",
        readonly=True,
    )
    request_count = fields.Integer(compute="_compute_request_count")
    label_number = fields.Char(
        string="Secrecy label",
        tracking=True,
        help="003 第四十八条(二)2: a secret computer bears a visible secrecy "
        "label (粘贴明显标识); the number of the label.",
    )
    security_client = fields.Boolean(
        string="Security client installed",
        tracking=True,
        help="003 第四十八条(二)1-2 and 表24: the client security management "
        "system (客户端安全管理系统) runs on every secret computer.",
    )
    antivirus = fields.Boolean(
        string="Antivirus installed",
        tracking=True,
        help="003 表24: the antivirus system (防病毒系统) runs on every secret "
        "computer.",
    )
    disk_carrier_id = fields.Many2one(
        "office.secret.carrier",
        string="Hard disk handed back",
        readonly=True,
        copy=False,
        help="003 第四十八条(二)2: a scrapped secret computer's hard disk is "
        "taken out and handed to the secrecy office, which has it destroyed; "
        "it is registered as a carrier of its own.",
    )
    disk_returned = fields.Boolean(
        string="Disk returned to the secrecy office",
        tracking=True,
        help="A scrapped computer gives its hard disk back to the secrecy office.",
    )
    last_check_date = fields.Date(
        string="Last inspected", readonly=True, copy=False, tracking=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    _sql_constraints = [
        ("number_unique", "UNIQUE(company_id, number)", "Carrier numbers are unique."),
    ]

    @api.constrains(
        "kind",
        "custodian_id",
        "secrecy_level",
        "label_number",
        "security_client",
        "antivirus",
    )
    def _check_secret_computer(self):
        """003 第四十八条(二)2: a secret computer has its named custodian
        (cleared for its level), its label and its security software."""
        for carrier in self.filtered(lambda c: c.kind == "computer"):
            clearance = carrier.custodian_id.sudo().office_clearance or "none"
            if CLEARANCE_RANK[clearance] < SECRECY_RANK[carrier.secrecy_level]:
                raise ValidationError(
                    self.env._(
                        "%(user)s is not cleared for the level of the secret "
                        "computer %(computer)s.",
                        user=carrier.custodian_id.name,
                        computer=carrier.name,
                    )
                )
            if not (
                (carrier.label_number or "").strip()
                and carrier.security_client
                and carrier.antivirus
            ):
                raise ValidationError(
                    self.env._(
                        "A secret computer is registered with its secrecy label, "
                        "its security client and its antivirus (003 第四十八条): "
                        "%(computer)s.",
                        computer=carrier.name,
                    )
                )

    @api.depends("secrecy_level")
    def _compute_secrecy_rank(self):
        for carrier in self:
            carrier.secrecy_rank = SECRECY_RANK[carrier.secrecy_level or "none"]

    @api.depends("number", "name", "secrecy_level")
    def _compute_display_name(self):
        labels = dict(self._fields["secrecy_level"]._description_selection(self.env))
        for carrier in self:
            carrier.display_name = (
                f"{carrier.number} {carrier.name or ''}"
                f" [{labels.get(carrier.secrecy_level, '')}]"
            )

    def _compute_request_count(self):
        for carrier in self:
            carrier.request_count = len(carrier.request_ids)

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        if not is_granted(CARRIER_COPY) and any(
            set(vals) & COPY_FIELDS and any(vals[f] for f in set(vals) & COPY_FIELDS)
            for vals in vals_list
        ):
            raise UserError(
                self.env._(
                    "A copy of a carrier is registered only by its approved copy "
                    "request."
                )
            )
        for vals in vals_list:
            if vals.get("number", "/") == "/":
                vals["number"] = self.env["ir.sequence"].next_by_code(self._name)
        return super().create(vals_list)

    def write(self, vals):
        if set(vals) - TECHNICAL_FIELDS and any(
            carrier.state in CLOSED_CARRIER_STATES for carrier in self
        ):
            raise UserError(
                self.env._(
                    "%(carrier)s is closed in the register (dispatched, destroyed or "
                    "lost): nobody changes it.",
                    carrier=self.filtered(lambda c: c.state in CLOSED_CARRIER_STATES)[
                        :1
                    ].number,
                )
            )
        return super().write(vals)

    def copy(self, default=None):
        if any(carrier.secrecy_rank for carrier in self):
            raise UserError(
                self.env._(
                    "A secret carrier is copied only through an approved copy request."
                )
            )
        return super().copy(default)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_registered(self):
        raise UserError(
            self.env._(
                "A carrier is never deleted from the register: destroy it, "
                "dispatch it or report it lost."
            )
        )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_report_lost(self):
        """Report a carrier lost: closes it and opens an incident."""
        return self._workflow_run("lose")

    # ------------------------------------------------------------------
    # Transitions
    # ------------------------------------------------------------------

    def _check_request(self, request, operation, states=("approved",)):
        """The carriers move only as part of `request`, of `operation`, in
        one of `states`, for its requester or the secrecy office."""
        if (
            not request
            or request._name != "office.secret.carrier.request"
            or request.operation != operation
            or request.state not in states
            or self - request.carrier_ids
        ):
            raise UserError(
                self.env._(
                    "A carrier moves only as part of an approved request "
                    "(copy, carrying outside, repair, destruction)."
                )
            )
        request._workflow_check_owner(operation)

    def _check_can_carry_out(self, request=None):
        self._check_request(request, "carry_out")

    def _check_can_repair(self, request=None):
        self._check_request(request, "repair")

    def _check_can_destroy(self, request=None):
        self._check_request(request, "destroy")

    def _check_can_return(self, request=None):
        operation = request.operation if request else None
        if operation not in ("carry_out", "repair"):
            operation = "carry_out"
        self._check_request(request, operation, states=("in_progress",))

    def _check_can_dispatch(self, movement=None):
        if (
            not movement
            or movement._name != "office.secret.carrier.movement"
            or movement.kind != "dispatch"
            or movement.state != "draft"
            or self - movement.carrier_ids
        ):
            raise UserError(
                self.env._("A carrier is dispatched by a registered movement only.")
            )
        if not self.env.user.has_group("office_secrecy.group_secrecy_office"):
            raise UserError(self.env._("The secrecy office registers movements."))

    def _do_lose(self):
        incidents = self.env["office.secrecy.incident"]
        for carrier in self:
            incidents |= incidents.create(
                {
                    "name": self.env._(
                        "Carrier %(number)s lost", number=carrier.number
                    ),
                    "description": self.env._(
                        "The carrier %(carrier)s cannot be found.",
                        carrier=carrier.display_name,
                    ),
                    "exposed_level": carrier.secrecy_level,
                    "carrier_ids": [fields.Command.link(carrier.id)],
                }
            )
        self._workflow_set_state("lose")
        return {
            "type": "ir.actions.act_window",
            "res_model": "office.secrecy.incident",
            "view_mode": "list,form",
            "domain": [("id", "in", incidents.ids)],
        }

    def action_hand_back_disk(self):
        """The secrecy office takes the hard disk of a secret computer to be
        scrapped: the disk enters the register, in the office's custody, to
        be destroyed at the designated facility (003 第四十八条, 表24)."""
        if not self.env.user.has_group("office_secrecy.group_secrecy_office"):
            raise UserError(self.env._("The secrecy office takes the hard disks."))
        for computer in self:
            if computer.kind != "computer" or computer.state != "in_custody":
                raise UserError(
                    self.env._(
                        "Only the disk of a secret computer in custody is handed "
                        "back: %(carrier)s.",
                        carrier=computer.display_name,
                    )
                )
            if computer.disk_carrier_id:
                raise UserError(
                    self.env._(
                        "The hard disk of %(carrier)s is already handed back.",
                        carrier=computer.display_name,
                    )
                )
            disk = self.create(
                {
                    "name": self.env._(
                        "Hard disk of %(carrier)s", carrier=computer.name
                    ),
                    "kind": "disk",
                    "secrecy_level": computer.secrecy_level,
                    "custodian_id": self.env.user.id,
                    "department_id": computer.department_id.id,
                    "location": self.env._("Secrecy office"),
                    "origin": computer.number,
                }
            )
            computer.write({"disk_carrier_id": disk.id, "disk_returned": True})
        return True

    def action_open_requests(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "office_secrecy.office_secret_carrier_request_action"
        )
        action["domain"] = [("carrier_ids", "in", self.ids)]
        return action
