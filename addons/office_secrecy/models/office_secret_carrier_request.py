import base64

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

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
    destruction."""

    _name = "office.secret.carrier.request"
    _description = "Secret Carrier Request"
    _inherit = ["office.secrecy.workflow.mixin"]
    _order = "id desc"
    _check_company_auto = True
    _workflow_locked_fields = (
        "operation",
        "carrier_ids",
        "copies",
        "purpose",
        "destination",
        "date_return",
        "origin_consent",
        "company_id",
    )

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
            if request.operation == "copy" and not 1 <= request.copies <= 50:
                raise ValidationError(
                    self.env._("Between 1 and 50 copies of each carrier.")
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

    def _check_can_submit(self):
        res = super()._check_can_submit()
        for request in self:
            if request.requester_id != self.env.user and not self._is_secrecy_office():
                raise AccessError(self.env._("Only the requester submits the request."))
            busy = request.carrier_ids.filtered(lambda c: c.state != "in_custody")
            if busy:
                raise UserError(
                    self.env._(
                        "These carriers are not in custody: %(carriers)s.",
                        carriers=", ".join(busy.mapped("number")),
                    )
                )
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
        return res

    def action_execute(self):
        """Carry out what was approved."""
        for request in self:
            request._check_can_execute()
            getattr(request, f"_do_{request.operation}")()
        return True

    def _check_can_execute(self):
        self.ensure_one()
        if not self._is_secrecy_office() and self.env.user != self.requester_id:
            raise AccessError(
                self.env._("Only the requester or the secrecy office carries it out.")
            )
        if self.state != "approved" or self.validation_status != "validated":
            raise UserError(
                self.env._(
                    "“%(request)s” is not approved: nothing is copied, carried, "
                    "repaired or destroyed without approval.",
                    request=self.name,
                )
            )
        busy = self.carrier_ids.filtered(lambda c: c.state != "in_custody")
        if busy:
            raise UserError(
                self.env._(
                    "These carriers are not in custody: %(carriers)s.",
                    carriers=", ".join(busy.mapped("number")),
                )
            )

    def _do_copy(self):
        Carrier = self.env["office.secret.carrier"].sudo()
        values = []
        for carrier in self.carrier_ids:
            for index in range(1, self.copies + 1):
                values.append(
                    {
                        "name": carrier.name,
                        "kind": carrier.kind,
                        "secrecy_level": carrier.secrecy_level,
                        "secrecy_period": carrier.secrecy_period,
                        "document_ref": carrier.document_ref,
                        "origin": carrier.origin,
                        "pages": carrier.pages,
                        "custodian_id": self.requester_id.id,
                        "department_id": self.department_id.id
                        or carrier.department_id.id,
                        "location": carrier.location,
                        "is_copy": True,
                        "source_id": carrier.id,
                        "copy_request_id": self.id,
                        "copy_stamp": self.env._(
                            "COPY %(index)s/%(total)s of %(original)s, approved by "
                            "%(request)s",
                            index=index,
                            total=self.copies,
                            original=carrier.number,
                            request=self.name,
                        ),
                        "company_id": self.company_id.id,
                    }
                )
        Carrier.create(values)
        self._write_state({"state": "done", "done_date": fields.Datetime.now()})

    def _do_carry_out(self):
        self.carrier_ids.sudo().write({"state": "out"})
        self._write_state({"state": "in_progress"})

    def _do_repair(self):
        if not self.repairer_kind or not self.supervisor_id:
            raise UserError(
                self.env._(
                    "Repairs are made by the information office or a designated "
                    "repairer, with a supervisor present: name them."
                )
            )
        if self.repairer_kind == "designated" and not (self.repairer or "").strip():
            raise UserError(self.env._("Name the designated repairer."))
        self.carrier_ids.sudo().write({"state": "repair"})
        self._write_state({"state": "in_progress"})

    def _do_destroy(self):
        if not self.destruction_list_id:
            raise UserError(
                self.env._("Print the destruction list before destroying anything.")
            )
        if not (self.facility or "").strip():
            raise UserError(self.env._("Name the designated destruction facility."))
        if not (self.supervisor1_id and self.supervisor2_id):
            raise UserError(
                self.env._("Two named supervisors attend every destruction (双人监销).")
            )
        computers = self.carrier_ids.filtered(
            lambda c: c.kind == "computer" and not c.disk_returned
        )
        if computers:
            raise UserError(
                self.env._(
                    "Return the hard disk of %(carriers)s to the secrecy office first.",
                    carriers=", ".join(computers.mapped("number")),
                )
            )
        self.carrier_ids.sudo().write({"state": "destroyed"})
        self._write_state({"state": "done", "done_date": fields.Datetime.now()})

    def action_return(self):
        """The carriers carried outside or repaired are back in custody."""
        for request in self:
            if request.state != "in_progress":
                raise UserError(self.env._("Nothing of this request is outside."))
            if not self._is_secrecy_office() and self.env.user != request.requester_id:
                raise AccessError(
                    self.env._("The requester or the secrecy office checks them in.")
                )
            request.carrier_ids.sudo().write({"state": "in_custody"})
            request._write_state({"state": "done", "done_date": fields.Datetime.now()})
        return True

    def action_print_destruction_list(self):
        """Render the destruction list and keep the PDF on the request."""
        self.ensure_one()
        if self.operation != "destroy":
            raise UserError(self.env._("Only a destruction has a destruction list."))
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
        self._write_state({"destruction_list_id": attachment.id})
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "self",
        }

    @api.model
    def _cron_remind_overdue(self, limit=200):
        """Remind requesters of carriers not back in time."""
        today = fields.Date.context_today(self)
        late = self.sudo().search(
            [
                ("state", "=", "in_progress"),
                ("date_return", "<", today),
                ("activity_ids", "=", False),
            ],
            limit=limit,
        )
        for request in late:
            request.activity_schedule(
                "office_secrecy.mail_act_office_carrier_return",
                user_id=request.requester_id.id,
                date_deadline=today,
            )
        self.env["ir.cron"]._notify_progress(done=len(late), remaining=0)
        return late
