import base64

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from odoo.addons.office_base.models.office_request_mixin import request_transitions
from odoo.addons.office_base.tools import granted

from .office_secret_carrier import CARRIER_COPY

_lt = LazyTranslate(__name__)
OFFICE = "office_secrecy.group_secrecy_office"

OPERATIONS = [
    ("copy", "Copy"),
    ("carry_out", "Carry outside"),
    ("repair", "Repair"),
    ("destroy", "Destruction"),
]
REQUEST_STATES = [
    ("draft", "Draft"),
    ("to_approve", "To approve"),
    ("approved", "Approved"),
    ("in_progress", "Outside"),
    ("done", "Done"),
    ("refused", "Refused"),
    ("cancel", "Cancelled"),
]
REPAIRERS = [
    ("it_office", "Information office"),
    ("designated", "Designated repairer"),
]


class OfficeSecretCarrierRequest(models.Model):
    """A request to copy, carry outside, repair or destroy secret carriers
    (涉密载体复制、携带外出、维修、销毁审批).

    - copy: every copy becomes a carrier of the same level with its own
      number and a copy stamp; a top secret original also needs the
      originating organ's consent;
    - carrying outside: the carriers are out until they are checked in;
    - repair: by the information office or a designated repairer, with a
      supervisor present; the carrier is out until it comes back;
    - destruction: approved, with the destruction list (PDF) printed, the
      designated facility and two named supervisors (双人监销); a scrapped
      computer gives its disk back to the secrecy office first.

    Approval steps (``tier.definition``): the secrecy office, then the
    principal leader for confidential or top secret carriers and for any
    destruction.

    Rights: the requester (or the secrecy office) submits, cancels, carries
    out what was approved (``action_execute`` runs the verb of the
    operation: copy, carry_out, repair, destroy) and checks the carriers back
    in; the reviewers decide."""

    _name = "office.secret.carrier.request"
    _description = "Secret Carrier Request"
    _inherit = [
        "office.workflow.mixin",
        "office.approval.mixin",
        "mail.activity.mixin",
    ]
    _order = "id desc"
    _check_company_auto = True
    _state_from = ["to_approve"]
    _state_to = ["approved"]
    _cancel_state = "cancel"
    _workflow_sequence_code = "office.secret.carrier.request"
    _workflow_locked_fields = (
        "operation",
        "carrier_ids",
        "copies",
        "purpose",
        "destination",
        "date_return",
        "origin_consent",
        "company_id",
        "destruction_list_id",
        "done_date",
    )
    _office_refuse_reason_field = "refuse_reason"
    _workflow_owner_field = "requester_id"
    _workflow_owner_groups = (OFFICE,)
    _workflow_transitions = request_transitions(
        cancel={"from": ("draft", "to_approve", "refused")},
        print_list={
            "owner": True,
            "from": ("approved",),
            "to": "approved",
            "label": _lt("print the destruction list of"),
        },
        copy={"owner": True, "from": ("approved",), "to": "done", "label": _lt("copy")},
        carry_out={
            "owner": True,
            "from": ("approved",),
            "to": "in_progress",
            "label": _lt("carry outside"),
        },
        repair={
            "owner": True,
            "from": ("approved",),
            "to": "in_progress",
            "label": _lt("repair"),
        },
        destroy={
            "owner": True,
            "from": ("approved",),
            "to": "done",
            "label": _lt("destroy"),
        },
        **{
            "return": {"from": ("in_progress",), "to": "done", "label": _lt("check in")}
        },
    )

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    refuse_reason = fields.Text(string="Reason of refusal", readonly=True, copy=False)

    operation = fields.Selection(
        OPERATIONS, required=True, default="copy", tracking=True
    )
    requester_id = fields.Many2one(
        "res.users",
        required=True,
        default=lambda self: self.env.user,
        readonly=True,
        index=True,
    )
    department_id = fields.Many2one(
        "hr.department",
        default=lambda self: self.env.user.employee_id.department_id,
        index=True,
    )
    carrier_ids = fields.Many2many(
        "office.secret.carrier",
        "office_secret_carrier_request_carrier_rel",
        "request_id",
        "carrier_id",
        string="Carriers",
        required=True,
    )
    max_rank = fields.Integer(compute="_compute_max_rank", store=True)
    purpose = fields.Char(required=True, tracking=True)
    copies = fields.Integer(string="Copies per carrier", default=1)
    origin_consent = fields.Char(
        string="Consent of the originating organ",
        help="Required to copy a top secret carrier.",
    )
    destination = fields.Char(string="Where to", tracking=True)
    date_return = fields.Date(string="Back by", tracking=True)
    repairer_kind = fields.Selection(REPAIRERS, string="Repaired by")
    repairer = fields.Char()
    supervisor_id = fields.Many2one(
        "res.users", string="Supervisor of the repair", tracking=True
    )
    facility = fields.Char(string="Destruction facility", tracking=True)
    supervisor1_id = fields.Many2one(
        "res.users", string="First supervisor", tracking=True
    )
    supervisor2_id = fields.Many2one(
        "res.users", string="Second supervisor", tracking=True
    )
    destruction_list_id = fields.Many2one(
        "ir.attachment", string="Destruction list", readonly=True, copy=False
    )
    done_date = fields.Datetime(readonly=True, copy=False)
    new_carrier_ids = fields.One2many(
        "office.secret.carrier", "copy_request_id", string="Copies made", readonly=True
    )
    state = fields.Selection(
        REQUEST_STATES,
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )

    @api.depends("carrier_ids.secrecy_rank")
    def _compute_max_rank(self):
        for request in self:
            request.max_rank = max(
                request.carrier_ids.mapped("secrecy_rank"), default=0
            )

    @api.constrains("copies", "operation")
    def _check_copies(self):
        for request in self:
            limit = request.company_id.office_secrecy_max_copies
            if request.operation == "copy" and not 1 <= request.copies <= limit:
                raise ValidationError(
                    self.env._(
                        "Between 1 and %(limit)s copies of each carrier.", limit=limit
                    )
                )

    @api.constrains("supervisor1_id", "supervisor2_id")
    def _check_supervisors(self):
        for request in self:
            if (
                request.supervisor1_id
                and request.supervisor1_id == request.supervisor2_id
            ):
                raise ValidationError(
                    self.env._("Two different people supervise a destruction.")
                )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_submit(self):
        return self._workflow_run("submit")

    def action_cancel(self):
        return self._workflow_run("cancel")

    def action_draft(self):
        return self._workflow_run("draft")

    def action_execute(self):
        """Carry out what was approved: the verb of the operation."""
        for request in self:
            request._workflow_run(request.operation)
        return True

    def action_return(self):
        """The carriers carried outside or repaired are back in custody."""
        return self._workflow_run("return")

    def action_print_destruction_list(self):
        """Render the destruction list and keep the PDF on the request."""
        return self._workflow_run("print_list")

    # ------------------------------------------------------------------
    # Transitions
    # ------------------------------------------------------------------

    def _check_in_custody(self):
        for request in self:
            busy = request.carrier_ids.filtered(lambda c: c.state != "in_custody")
            if busy:
                raise UserError(
                    self.env._(
                        "These carriers are not in custody: %(carriers)s.",
                        carriers=", ".join(busy.mapped("number")),
                    )
                )

    def _check_can_submit(self):
        self._check_in_custody()
        for request in self:
            if (
                request.operation == "copy"
                and "top_secret" in request.carrier_ids.mapped("secrecy_level")
                and not (request.origin_consent or "").strip()
            ):
                raise UserError(
                    self.env._(
                        "A top secret carrier is copied only with the consent of the "
                        "originating organ: record it."
                    )
                )
            if request.operation == "carry_out" and not (
                request.destination and request.date_return
            ):
                raise UserError(
                    self.env._("Say where the carriers go and when they come back.")
                )

    def _do_submit(self):
        # a destruction list is printed from the approved request only
        self._workflow_set_state("submit", {"destruction_list_id": False})
        self.invalidate_recordset(["need_validation"])
        for request in self:
            if not request.need_validation:
                raise UserError(
                    self.env._(
                        "No approval step applies to “%(record)s”: ask the secrecy "
                        "office to configure the approval steps.",
                        record=request.display_name,
                    )
                )
        self.action_office_request_approval()
        return True

    def _approvers(self):
        """Who approved each step, in order (printed on the forms)."""
        self.ensure_one()
        reviews = self.sudo().review_ids.filtered(lambda r: r.status == "approved")
        return reviews.sorted("sequence").done_by

    def _check_can_execute(self):
        """What every operation checks: approved by every step, by the
        requester or the secrecy office (the transitions' owner rule),
        carriers in custody."""
        for request in self:
            if request.validation_status != "validated":
                raise UserError(
                    self.env._(
                        "“%(request)s” is not approved: nothing is copied, carried, "
                        "repaired or destroyed without approval.",
                        request=request.name,
                    )
                )
        self._check_in_custody()

    def _check_operation(self, operation):
        wrong = self.filtered(lambda r: r.operation != operation)
        if wrong:
            raise UserError(
                self.env._(
                    "“%(request)s” is not a request of this kind.",
                    request=wrong[:1].name,
                )
            )

    def _check_can_copy(self):
        self._check_operation("copy")
        self._check_can_execute()

    def _do_copy(self):
        Carrier = self.env["office.secret.carrier"].sudo()
        for request in self:
            values = []
            for carrier in request.carrier_ids:
                for index in range(1, request.copies + 1):
                    values.append(request._copy_values(carrier, index))
            with granted(CARRIER_COPY):
                Carrier.create(values)
        return self._workflow_set_state("copy", {"done_date": self._workflow_now()})

    def _copy_values(self, carrier, index):
        self.ensure_one()
        return {
            "name": carrier.name,
            "kind": carrier.kind,
            "secrecy_level": carrier.secrecy_level,
            "secrecy_period": carrier.secrecy_period,
            "document_ref": carrier.document_ref,
            "origin": carrier.origin,
            "pages": carrier.pages,
            "custodian_id": self.requester_id.id,
            "department_id": self.department_id.id or carrier.department_id.id,
            "location": carrier.location,
            "is_copy": True,
            "source_id": carrier.id,
            "copy_request_id": self.id,
            "copy_stamp": self.env._(
                "COPY %(index)s/%(total)s of %(original)s, approved by %(request)s",
                index=index,
                total=self.copies,
                original=carrier.number,
                request=self.name,
            ),
            "company_id": self.company_id.id,
        }

    def _check_can_carry_out(self):
        self._check_operation("carry_out")
        self._check_can_execute()

    def _do_carry_out(self):
        for request in self:
            request.carrier_ids._workflow_run("carry_out", request=request)
        return self._workflow_set_state("carry_out")

    def _check_can_repair(self):
        self._check_operation("repair")
        self._check_can_execute()
        for request in self:
            if not request.repairer_kind or not request.supervisor_id:
                raise UserError(
                    self.env._(
                        "Repairs are made by the information office or a designated "
                        "repairer, with a supervisor present: name them."
                    )
                )
            if (
                request.repairer_kind == "designated"
                and not (request.repairer or "").strip()
            ):
                raise UserError(self.env._("Name the designated repairer."))

    def _do_repair(self):
        for request in self:
            request.carrier_ids._workflow_run("repair", request=request)
        return self._workflow_set_state("repair")

    def _check_can_destroy(self):
        self._check_operation("destroy")
        self._check_can_execute()
        for request in self:
            if not request.destruction_list_id:
                raise UserError(
                    self.env._("Print the destruction list before destroying anything.")
                )
            if not (request.facility or "").strip():
                raise UserError(self.env._("Name the designated destruction facility."))
            if not (request.supervisor1_id and request.supervisor2_id):
                raise UserError(
                    self.env._(
                        "Two named supervisors attend every destruction (双人监销)."
                    )
                )
            computers = request.carrier_ids.filtered(
                lambda c: c.kind == "computer" and not c.disk_returned
            )
            if computers:
                raise UserError(
                    self.env._(
                        "Return the hard disk of %(carriers)s to the secrecy office "
                        "first.",
                        carriers=", ".join(computers.mapped("number")),
                    )
                )

    def _do_destroy(self):
        for request in self:
            request.carrier_ids._workflow_run("destroy", request=request)
        return self._workflow_set_state("destroy", {"done_date": self._workflow_now()})

    def _do_return(self):
        for request in self:
            request.carrier_ids._workflow_run("return", request=request)
        return self._workflow_set_state("return", {"done_date": self._workflow_now()})

    def _check_can_print_list(self):
        self._check_operation("destroy")

    def _do_print_list(self):
        self.ensure_one()
        report = self.env.ref("office_secrecy.action_report_destruction_list")
        content, _type = (
            self.env["ir.actions.report"]
            .sudo()
            ._render_qweb_pdf(report.report_name, res_ids=self.ids)
        )
        attachment = (
            self.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": self.env._("Destruction list %(name)s.pdf", name=self.name),
                    "datas": base64.b64encode(content),
                    "res_model": self._name,
                    "res_id": self.id,
                    "mimetype": "application/pdf",
                }
            )
        )
        self._workflow_set_state("print_list", {"destruction_list_id": attachment.id})
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "self",
        }

    @api.model
    def _cron_remind_overdue(self, limit=200):
        """Remind requesters of carriers not back in time."""
        return self._office_remind(
            [
                ("state", "=", "in_progress"),
                ("date_return", "<", self._workflow_today()),
            ],
            "office_secrecy.mail_act_office_carrier_return",
            "requester_id",
            limit=limit,
        )
