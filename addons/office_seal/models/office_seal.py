from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from odoo.addons.office_base.tools import granted, is_granted

_lt = LazyTranslate(__name__)

#: the Python-only grant of an approved hand-over changing the custodian
CUSTODY_CHANGE = "office_seal_custody_change"

SEAL_KINDS = [
    ("administrative", "Administrative seal"),
    ("party", "Party group seal"),
    ("business", "Department business seal"),
    ("financial", "Financial seal"),
    ("contract", "Contract seal"),
    ("legal_representative", "Legal representative's name seal"),
    ("steel", "Steel seal"),
    ("electronic", "Electronic seal"),
]

SEAL_STATES = [
    ("active", "In use"),
    ("out", "Taken out"),
    ("suspended", "Suspended"),
    ("lost", "Lost"),
    ("deactivated", "Deactivated"),
    ("destroyed", "Destroyed"),
]

DIRECTOR = ("office_base.group_office_director",)

# state changes the office director makes by hand (``change_state``)
DIRECTOR_VERBS = ("suspend", "resume", "report_lost", "deactivate", "destroy")


class OfficeSeal(models.Model):
    """A seal (印章) of the agency or of one of its departments.

    Rights:

    ========================  =====  ==================================
    who                       read   write
    ========================  =====  ==================================
    staff                     all    no
    seal keeper               all    no (stamps through requests)
    office director           all    create, edit, state changes
    ========================  =====  ==================================

    The custodian changes only through an approved custody hand-over
    (``office.seal.handover``) so that the hand-over ledger is complete."""

    _name = "office.seal"
    _description = "Seal"
    _inherit = ["office.workflow.mixin"]
    _order = "sequence, name, id"
    _check_company_auto = True
    _workflow_transitions = {
        "suspend": {
            "from": ("active",),
            "to": "suspended",
            "groups": DIRECTOR,
            "reason": True,
            "label": _lt("suspend"),
        },
        "resume": {
            "from": ("suspended",),
            "to": "active",
            "groups": DIRECTOR,
            "label": _lt("resume"),
        },
        "report_lost": {
            "from": ("active", "out", "suspended"),
            "to": "lost",
            "groups": DIRECTOR,
            "reason": True,
            "label": _lt("report lost"),
        },
        "deactivate": {
            "from": ("active", "suspended", "lost"),
            "to": "deactivated",
            "groups": DIRECTOR,
            "reason": True,
            "label": _lt("deactivate"),
        },
        "destroy": {
            "from": ("deactivated",),
            "to": "destroyed",
            "groups": DIRECTOR,
            "reason": True,
            "label": _lt("destroy"),
        },
        # run by an approved take-out, as the keeper handing it out
        "take_out": {"from": ("active",), "to": "out", "label": _lt("take out")},
        "bring_back": {"from": ("out",), "to": "active", "label": _lt("check in")},
        # run by an approved deactivation, as the approving leader
        "deactivate_approved": {
            "from": ("active", "suspended", "lost"),
            "to": "deactivated",
            "label": _lt("deactivate"),
        },
        "destroy_approved": {
            "from": ("active", "suspended", "lost", "deactivated"),
            "to": "destroyed",
            "label": _lt("destroy"),
        },
    }
    # a seal is deleted in any state, as long as it has no ledger entry
    _workflow_deletable_states = tuple(key for key, _label in SEAL_STATES)

    name = fields.Char(required=True, tracking=True)
    sequence = fields.Integer(default=10)
    kind = fields.Selection(
        SEAL_KINDS, required=True, default="administrative", tracking=True
    )
    director_approval = fields.Boolean(
        string="Used with the office director's approval",
        compute="_compute_director_approval",
        store=True,
        readonly=False,
        tracking=True,
        help="004 “零差错”办公工作规定 一(六) 2: "
        "使用本单位、办公室印章，须经办公室主任批准. "
        "The seals of the agency and of the office (by default the administrative "
        "seals); the company's setting says whether the rule applies.",
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Owner department",
        tracking=True,
        check_company=True,
        help="Leave empty for a seal of the agency itself.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    custodian_id = fields.Many2one(
        "res.users",
        required=True,
        tracking=True,
        index=True,
        ondelete="restrict",
        domain=lambda self: [
            ("groups_id", "in", self.env.ref("office_seal.group_seal_keeper").id)
        ],
    )
    deputy_custodian_id = fields.Many2one(
        "res.users",
        tracking=True,
        index=True,
        ondelete="restrict",
        domain=lambda self: [
            ("groups_id", "in", self.env.ref("office_seal.group_seal_keeper").id)
        ],
    )
    storage = fields.Char(help="Where the seal is locked away, e.g. the office safe.")
    impression = fields.Image(max_width=512, max_height=512, attachment=True)
    police_registration_number = fields.Char(tracking=True)
    police_registration_date = fields.Date(tracking=True)
    made_date = fields.Date(string="Engraved on")
    state = fields.Selection(
        SEAL_STATES,
        default="active",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    state_reason = fields.Text(string="Reason of the last state change", copy=False)
    note = fields.Html()
    active = fields.Boolean(default=True)
    is_keeper = fields.Boolean(
        compute="_compute_is_keeper", help="The current user keeps this seal."
    )
    ledger_ids = fields.One2many(
        "office.seal.ledger",
        "seal_id",
    )
    ledger_count = fields.Integer(compute="_compute_counts")
    request_count = fields.Integer(compute="_compute_counts")
    takeout_count = fields.Integer(compute="_compute_counts")
    handover_count = fields.Integer(compute="_compute_counts")
    key_ids = fields.One2many("office.seal.key", "seal_id", string="Electronic keys")
    device_ids = fields.One2many(
        "office.seal.device", "seal_id", string="Smart seal devices"
    )
    deactivation_count = fields.Integer(compute="_compute_counts")
    violation_count = fields.Integer(compute="_compute_counts", string="Violations")
    # heads of the hash chains, written by the ledgers only
    ledger_head_hash = fields.Char(readonly=True, copy=False)
    handover_ledger_head_hash = fields.Char(readonly=True, copy=False)

    _sql_constraints = [
        (
            "police_registration_number_uniq",
            "unique(company_id, police_registration_number)",
            "Two seals cannot have the same police registration number.",
        ),
    ]

    # ------------------------------------------------------------------
    # Computes and constraints
    # ------------------------------------------------------------------

    @api.depends("kind")
    def _compute_director_approval(self):
        for seal in self:
            seal.director_approval = seal.kind == "administrative"

    @api.depends_context("uid")
    @api.depends("custodian_id", "deputy_custodian_id")
    def _compute_is_keeper(self):
        for seal in self:
            seal.is_keeper = self.env.user in (
                seal.custodian_id | seal.deputy_custodian_id
            )

    @api.depends_context("uid")
    def _compute_counts(self):
        counts = {}
        for model, field in (
            ("office.seal.ledger", "seal_id"),
            ("office.seal.use.request", "seal_ids"),
            ("office.seal.takeout", "seal_id"),
            ("office.seal.handover", "seal_id"),
            ("office.seal.deactivation", "seal_id"),
            ("violation", "seal_id"),
        ):
            domain = [(field, "in", self.ids)]
            if model == "violation":
                model = "office.seal.ledger"
                domain.append(("violation", "=", True))
                key = "violation"
            else:
                key = model
            Model = self.env[model]
            if not Model.has_access("read"):
                counts[key] = {}
                continue
            groups = Model._read_group(domain, [field], ["__count"])
            counts[key] = {seal.id: count for seal, count in groups}
        for seal in self:
            seal.ledger_count = counts["office.seal.ledger"].get(seal.id, 0)
            seal.request_count = counts["office.seal.use.request"].get(seal.id, 0)
            seal.takeout_count = counts["office.seal.takeout"].get(seal.id, 0)
            seal.handover_count = counts["office.seal.handover"].get(seal.id, 0)
            seal.deactivation_count = counts["office.seal.deactivation"].get(seal.id, 0)
            seal.violation_count = counts["violation"].get(seal.id, 0)

    @api.constrains("custodian_id", "deputy_custodian_id")
    def _check_custodians(self):
        keepers = self.env.ref("office_seal.group_seal_keeper")
        for seal in self:
            custodians = seal.custodian_id | seal.deputy_custodian_id
            if (
                seal.deputy_custodian_id
                and seal.deputy_custodian_id == seal.custodian_id
            ):
                raise ValidationError(
                    self.env._(
                        "The deputy custodian of “%(seal)s” must be another person "
                        "than the custodian.",
                        seal=seal.name,
                    )
                )
            not_keepers = custodians.filtered(lambda u, k=keepers: k not in u.groups_id)
            if not_keepers:
                raise ValidationError(
                    self.env._(
                        "%(users)s cannot keep the seal “%(seal)s”: only seal keepers "
                        "can.",
                        users=", ".join(not_keepers.mapped("name")),
                        seal=seal.name,
                    )
                )

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------

    def write(self, vals):
        if {"ledger_head_hash", "handover_ledger_head_hash"} & set(vals):
            raise AccessError(self.env._("The ledger heads are kept by the ledgers."))
        if "custodian_id" in vals and not is_granted(CUSTODY_CHANGE, self):
            changed = self.filtered(lambda s: s.custodian_id.id != vals["custodian_id"])
            if changed:
                raise UserError(
                    self.env._(
                        "The custodian of a seal changes only through an approved "
                        "custody hand-over."
                    )
                )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_used(self):
        if self.sudo().ledger_ids:
            raise UserError(
                self.env._(
                    "A seal with ledger entries cannot be deleted: deactivate it "
                    "instead."
                )
            )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_suspend(self):
        return self._workflow_run("suspend")

    def action_resume(self):
        return self._workflow_run("resume")

    def action_report_lost(self):
        return self._workflow_run("report_lost")

    def action_deactivate(self):
        return self._workflow_run("deactivate")

    def action_destroy(self):
        return self._workflow_run("destroy")

    def change_state(self, transition, reason):
        """Suspend, resume, report lost, deactivate (停用) or destroy (缴销)
        the seals, with a reason; usable over XML-RPC. The office director
        uses "deactivate" and "destroy" to record a decision taken outside
        Odoo; the normal path is an ``office.seal.deactivation`` approved by
        the principal leader (notice, archive hook)."""
        if transition not in DIRECTOR_VERBS:
            raise UserError(self.env._("Unknown seal action: %s", transition))
        if transition != "resume" and not (reason or "").strip():
            raise UserError(self.env._("Please give the reason."))
        return self._workflow_run(transition, reason=reason)

    def _do_director_change(self, verb, reason=None):
        self._workflow_set_state(verb, {"state_reason": reason or False}, reason)
        if self._workflow_transitions[verb]["to"] != "active":
            # no smart seal stamps with a seal out of use
            self.sudo().device_ids._lock_device()
        return True

    def _do_suspend(self, reason=None):
        return self._do_director_change("suspend", reason)

    def _do_resume(self, reason=None):
        return self._do_director_change("resume", reason)

    def _do_report_lost(self, reason=None):
        return self._do_director_change("report_lost", reason)

    def _do_deactivate(self, reason=None):
        return self._do_director_change("deactivate", reason)

    def _do_destroy(self, reason=None):
        return self._do_director_change("destroy", reason)

    def _check_can_take_out(self, takeout):
        """Only the keeper of the seal hands it out, for its approved
        take-out."""
        for seal in self:
            if (
                takeout.seal_id != seal
                or takeout.state != "approved"
                or takeout.validation_status != "validated"
            ):
                raise UserError(
                    self.env._(
                        "The seal “%(seal)s” leaves the office only on its approved "
                        "take-out.",
                        seal=seal.name,
                    )
                )
            seal._check_keeper()

    def _do_take_out(self, takeout):
        return self._workflow_set_state("take_out")

    def _check_can_bring_back(self, takeout):
        for seal in self:
            if takeout.seal_id != seal or takeout.state != "out":
                raise UserError(
                    self.env._(
                        "The seal “%(seal)s” comes back through its take-out.",
                        seal=seal.name,
                    )
                )
            seal._check_keeper()

    def _do_bring_back(self, takeout):
        return self._workflow_set_state("bring_back")

    def _check_keeper(self):
        for seal in self:
            if self.env.user not in (seal.custodian_id | seal.deputy_custodian_id):
                raise AccessError(
                    self.env._(
                        "Only the custodian or the deputy custodian of “%(seal)s” "
                        "hands it out and checks it in.",
                        seal=seal.name,
                    )
                )

    def _check_can_deactivate_approved(self, deactivation):
        for seal in self:
            if (
                deactivation.seal_id != seal
                or deactivation.state != "to_approve"
                or deactivation.validation_status != "validated"
            ):
                raise UserError(
                    self.env._(
                        "The seal “%(seal)s” is deactivated or destroyed only by an "
                        "approved deactivation.",
                        seal=seal.name,
                    )
                )

    _check_can_destroy_approved = _check_can_deactivate_approved

    def _do_deactivate_approved(self, deactivation):
        return self._do_approved_change("deactivate_approved", deactivation)

    def _do_destroy_approved(self, deactivation):
        return self._do_approved_change("destroy_approved", deactivation)

    def _do_approved_change(self, verb, deactivation):
        reasons = dict(deactivation._fields["reason"]._description_selection(self.env))
        self._workflow_set_state(
            verb,
            {
                "state_reason": f"{reasons[deactivation.reason]}: "
                f"{deactivation.description}"
            },
        )
        # no device may stamp with a void seal
        self.sudo().device_ids._lock_device()
        return True

    def _check_electronic_use(self, user):
        """An electronic seal held on keys is used only by the holder or an
        allowed user of one of its keys, while its certificate is valid."""
        for seal in self.sudo():
            keys = seal.key_ids.filtered("active")
            if seal.kind != "electronic" or not keys:
                continue
            allowed = keys.filtered(lambda k, u=user: k._is_allowed(u))
            if not allowed:
                raise AccessError(
                    self.env._(
                        "%(user)s is not allowed to use the electronic seal "
                        "“%(seal)s”.",
                        user=user.name,
                        seal=seal.name,
                    )
                )
            allowed._check_valid()

    def _log_key_use(self, request):
        """Record the use of the keys of electronic seals by a stamping."""
        user = self.env.user
        for seal in self.sudo().filtered(lambda s: s.kind == "electronic"):
            key = seal.key_ids.filtered(lambda k, u=user: k.active and k._is_allowed(u))
            if key:
                key[:1]._append_use(request.summary, request)

    def _set_custodian(self, user):
        """Custody change made by an approved hand-over (its transition has
        checked the reviewers' decision)."""
        vals = {"custodian_id": user.id}
        if self.deputy_custodian_id == user:
            vals["deputy_custodian_id"] = False
        with granted(CUSTODY_CHANGE, self):
            self.sudo().write(vals)

    def action_view_ledger(self):
        return self._action_related("office_seal.office_seal_ledger_action", "seal_id")

    def action_view_requests(self):
        return self._action_related(
            "office_seal.office_seal_use_request_action", "seal_ids"
        )

    def action_view_takeouts(self):
        return self._action_related("office_seal.office_seal_takeout_action", "seal_id")

    def action_request_deactivation(self):
        """Open a new deactivation request for the seal (approved by the
        principal leader)."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Deactivation"),
            "res_model": "office.seal.deactivation",
            "view_mode": "form",
            "target": "current",
            "context": {
                "default_seal_id": self.id,
                "default_action": "destroy"
                if self.state == "deactivated"
                else "deactivate",
            },
        }

    def action_view_deactivations(self):
        return self._action_related(
            "office_seal.office_seal_deactivation_action", "seal_id"
        )

    def action_view_violations(self):
        action = self._action_related(
            "office_seal.office_seal_ledger_action", "seal_id"
        )
        action["domain"] = [("seal_id", "in", self.ids), ("violation", "=", True)]
        return action

    def action_view_handovers(self):
        return self._action_related(
            "office_seal.office_seal_handover_action", "seal_id"
        )

    def _action_related(self, xmlid, field):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action["domain"] = [(field, "in", self.ids)]
        action["context"] = {"default_" + field: self.id, "create": False}
        action["display_name"] = f"{self.name}: {action['name']}"
        return action

    # ------------------------------------------------------------------
    # Chain verification
    # ------------------------------------------------------------------

    def verify_chain(self):
        """Check the hash chains of the seal ledger and of the hand-over
        ledger of each seal; usable over XML-RPC.

        Returns ``{"ok": bool, "broken": [{"seal_id", "model", "problem",
        "entry_id", "sequence"}]}``: for each broken chain, the first altered
        entry (``problem`` "altered") or the last entry left when the latest
        ones are missing ("truncated")."""
        self.check_access("read")
        broken = []
        for seal in self:
            for model in ("office.seal.ledger", "office.seal.handover.ledger"):
                problem, entry = self.env[model].sudo()._check_chain(seal)
                if problem:
                    broken.append(
                        {
                            "seal_id": seal.id,
                            "model": model,
                            "problem": problem,
                            "entry_id": entry.id,
                            "sequence": entry.sequence,
                        }
                    )
        return {"ok": not broken, "broken": broken}

    def _describe_break(self, item):
        ledger = self.env["ir.model"]._get(item["model"]).name
        if item["problem"] == "truncated":
            return self.env._(
                "%(ledger)s: the entries after No. %(sequence)s are missing",
                ledger=ledger,
                sequence=item["sequence"] or 0,
            )
        return self.env._(
            "%(ledger)s: entry No. %(sequence)s (id %(id)s) was altered or an "
            "entry before it is missing",
            ledger=ledger,
            sequence=item["sequence"],
            id=item["entry_id"],
        )

    def action_verify_chain(self):
        self.ensure_one()
        result = self.verify_chain()
        if result["ok"]:
            message = self.env._(
                "The ledgers of “%(seal)s” are intact.", seal=self.display_name
            )
        else:
            message = "; ".join(self._describe_break(item) for item in result["broken"])
            self.sudo().message_post(
                body=self.env._("Ledger verification failed: %s", message),
                subtype_xmlid="mail.mt_note",
            )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("Ledger verification"),
                "message": message,
                "type": "success" if result["ok"] else "danger",
                "sticky": not result["ok"],
            },
        }
