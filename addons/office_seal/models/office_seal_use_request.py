import psycopg2.errors

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL, mute_logger
from odoo.tools.translate import LazyTranslate

from odoo.addons.office_base.models.office_request_mixin import request_transitions

_lt = LazyTranslate(__name__)

USE_CATEGORIES = [
    ("cat1", "① Agency documents, contracts, accounts"),
    ("cat2", "② Letters, reports, notices, certificates, forms"),
    ("cat3", "③ Personal matters: loans, guarantees, residence"),
    ("cat4", "④ Documents in the Party group's name"),
]

REQUEST_STATES = [
    ("draft", "Draft"),
    ("to_approve", "To approve"),
    ("approved", "Approved"),
    ("done", "Stamped"),
    ("refused", "Refused"),
    ("cancel", "Cancelled"),
]


class OfficeSealUseRequest(models.Model):
    """A seal use request (用印申请), approved by category as the agency's
    seal rules say (公章管理制度 art. 2, 3, 7):

    - ① documents in the agency's name, requests, decisions, contracts,
      agreements, powers of attorney, introduction letters, accounts, major
      figures, finance and HR reports; ③ personal matters (loans,
      guarantees, residence); ④ documents in the Party group's name: the
      principal leader;
    - ② letters, reports, notices, certificates, ordinary forms, licences,
      enforcement papers: the deputy leader in charge named on the request;
    - blank paper, forms or contracts: also the principal leader, for the
      use named on the request only.

    The steps are ``tier.definition`` records (data, changeable by admins).
    When a leader could not sign in time, a prior approval (事前请示) given by
    the leader who is to sign can be recorded: the keeper may then stamp and
    the leader signs afterwards.

    Rights:

    =====================  ===========================  ====================
    who                    read                         act
    =====================  ===========================  ====================
    staff                  own requests                 create, submit, cancel
    reviewing leaders      what they review             approve, refuse
    seal keepers           requests for their seals     stamp, refuse
    office director        all                          all but stamping
    internal control       all                          none
    =====================  ===========================  ===================="""

    _name = "office.seal.use.request"
    _description = "Seal Use Request"
    _inherit = ["office.request.mixin"]
    _order = "id desc"
    _check_company_auto = True
    _workflow_sequence_code = "office.seal.use.request"
    _workflow_transitions = request_transitions(
        refuse={"from": ("to_approve", "approved")},
        # the state moves to done once every seal has been used
        stamp={
            "from": ("approved", "to_approve"),
            "to": "done",
            "groups": ("office_seal.group_seal_keeper",),
            "label": _lt("stamp"),
        },
        device_stamp={
            "from": ("approved", "to_approve"),
            "to": "done",
            "groups": ("office_seal.group_seal_device",),
            "label": _lt("stamp with a smart seal"),
        },
        # 002 公章管理制度 三 "文件用印凭发文签盖章": the signed 发文稿纸 is the
        # approval; submitted, the request is approved at once
        submit_signed={
            "from": ("draft",),
            "to": "approved",
            "owner": True,
            "label": _lt("submit on the signed document"),
        },
        keeper_refuse={
            "from": ("approved",),
            "to": "refused",
            "groups": ("office_seal.group_seal_keeper",),
            "reason": True,
            "label": _lt("refuse to stamp"),
        },
    )
    _workflow_locked_fields = (
        "applicant_id",
        "department_id",
        "seal_ids",
        "use_category",
        "leader_id",
        "summary",
        "document_ref",
        "attachment_ids",
        "paper_only_reason",
        "stamp_count",
        "counterpart",
        "blank_paper",
        "blank_template",
        "prior_approval",
        "prior_approver_id",
        "prior_approval_note",
        "company_id",
    )

    seal_ids = fields.Many2many(
        "office.seal",
        "office_seal_use_request_seal_rel",
        "request_id",
        "seal_id",
        string="Seals",
        required=True,
        check_company=True,
        domain=[("state", "=", "active")],
        tracking=True,
    )
    use_category = fields.Selection(
        USE_CATEGORIES,
        required=True,
        tracking=True,
        help="① documents in the agency's name, requests, decisions, contracts, "
        "agreements, powers of attorney, introduction letters, accounts and major "
        "figures, finance and HR reports; ② letters, reports, notices, "
        "certificates, ordinary forms, licences and permits, enforcement papers "
        "and other business forms; ③ personal matters: loans, guarantees, "
        "household registration; ④ documents and decisions in the Party group's "
        "name.",
    )
    leader_id = fields.Many2one(
        "res.users",
        string="Leader in charge",
        tracking=True,
        domain=lambda self: [
            ("groups_id", "in", self.env.ref("office_base.group_office_leader").id)
        ],
        help="The deputy leader in charge of the matter, who approves category ② uses.",
    )
    summary = fields.Char(string="Content summary", required=True, tracking=True)
    document_ref = fields.Char(
        string="Document reference",
        help="Document number or title of what is stamped.",
    )
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "office_seal_use_request_attachment_rel",
        "request_id",
        "attachment_id",
        string="Documents",
    )
    paper_only_reason = fields.Char(
        string="Paper only, because",
        help="What is stamped has no electronic file (a form filled in by hand, "
        "a paper from another body): say why. Otherwise attach the file, which "
        "the keeper compares with the paper before stamping (002: 用印登记).",
    )
    stamp_count = fields.Integer(
        string="Impressions requested",
        required=True,
        default=1,
        tracking=True,
        help="The most impressions the keeper may make with each seal.",
    )
    counterpart = fields.Char(help="To whom the stamped document goes.")
    blank_paper = fields.Boolean(
        string="Blank paper or forms",
        tracking=True,
        help="Blank paper, blank forms or blank contracts: only with the principal "
        "leader's approval of this specific use.",
    )
    blank_template = fields.Char(
        string="Template and designated use",
        help="The specific format of the blank papers and the only use they may serve.",
    )
    prior_approval = fields.Boolean(
        string="Approved beforehand",
        tracking=True,
        help="Urgent case: the leader who is to sign agreed before the signature; "
        "the keeper may stamp and the leader signs afterwards.",
    )
    prior_approver_id = fields.Many2one(
        "res.users", string="Agreed beforehand by", tracking=True
    )
    prior_approval_note = fields.Text(
        string="Prior approval", help="When and how the leader agreed."
    )
    state = fields.Selection(
        REQUEST_STATES,
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    on_signed_document = fields.Boolean(
        string="On a signed document",
        compute="_compute_on_signed_document",
        store=True,
        help="The request stamps a document whose sign-off sheet (发文稿纸) is "
        "signed: the sign-off is the approval, no approval step applies "
        "(002 公章管理制度 三: 文件用印凭发文签盖章).",
    )
    director_step = fields.Boolean(
        string="Office director approves",
        readonly=True,
        copy=False,
        help="Set at submission: a seal of the request is used with the office "
        "director's approval and the company follows 004 一(六) 2.",
    )
    stamped_at = fields.Datetime(readonly=True, copy=False)
    refuse_reason = fields.Text(string="Reason of refusal", readonly=True, copy=False)
    refused_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    approver_ids = fields.Many2many(
        "res.users", string="Approved by", compute="_compute_approver_ids"
    )
    ledger_ids = fields.One2many(
        "office.seal.ledger", "request_id", string="Ledger entries", readonly=True
    )
    ledger_count = fields.Integer(compute="_compute_ledger_count")
    stamped_seal_ids = fields.Many2many(
        "office.seal", string="Stamped seals", compute="_compute_stamped_seal_ids"
    )
    can_stamp = fields.Boolean(compute="_compute_can_stamp")

    # ------------------------------------------------------------------
    # Computes and constraints
    # ------------------------------------------------------------------

    @api.depends("name", "summary")
    def _compute_display_name(self):
        for request in self:
            request.display_name = " ".join(
                part for part in (request.name, request.summary) if part
            )

    def _compute_on_signed_document(self):
        # the link to the signed document comes with office_docs_seal
        for request in self:
            request.on_signed_document = False

    @api.depends("review_ids.status", "review_ids.done_by")
    def _compute_approver_ids(self):
        for request in self:
            request.approver_ids = request._office_approvers()

    def _compute_ledger_count(self):
        groups = (
            self.env["office.seal.ledger"]
            .sudo()
            ._read_group([("request_id", "in", self.ids)], ["request_id"], ["__count"])
        )
        counts = {request.id: count for request, count in groups}
        for request in self:
            request.ledger_count = counts.get(request.id, 0)

    def _compute_stamped_seal_ids(self):
        for request in self:
            entries = request.sudo().ledger_ids.filtered(
                lambda e: not e.correction_of_id and not e.violation
            )
            request.stamped_seal_ids = entries.seal_id

    @api.depends_context("uid")
    @api.depends("state", "seal_ids", "prior_approval")
    def _compute_can_stamp(self):
        for request in self:
            request.can_stamp = bool(
                request._stampable()
                and request._seals_to_stamp(request.seal_ids, self.env.user)
            )

    @api.constrains("stamp_count")
    def _check_stamp_count(self):
        if any(request.stamp_count < 1 for request in self):
            raise ValidationError(
                self.env._("At least one impression must be requested.")
            )

    def _requested_seals(self):
        """Every seal of the request, those out of use included: reading
        ``seal_ids`` applies its domain (seals in use) and would hide them."""
        self.flush_recordset(["seal_ids"])
        self.env.cr.execute(
            SQL(
                "SELECT seal_id FROM office_seal_use_request_seal_rel "
                "WHERE request_id IN %s",
                tuple(self.ids) or (0,),
            )
        )
        return (
            self.env["office.seal"]
            .sudo()
            .browse([row[0] for row in self.env.cr.fetchall()])
        )

    @api.constrains("seal_ids")
    def _check_seals_in_use(self):
        for request in self:
            request._check_seals_usable()

    def _check_seals_usable(self):
        self.ensure_one()
        not_active = self._requested_seals().filtered(lambda s: s.state != "active")
        if not_active:
            raise ValidationError(
                self.env._(
                    "These seals cannot be used now: %(seals)s.",
                    seals=", ".join(not_active.mapped("name")),
                )
            )

    @api.constrains("leader_id")
    def _check_leader(self):
        leaders = self.env.ref("office_base.group_office_leader")
        for request in self:
            if request.leader_id and leaders not in request.leader_id.groups_id:
                raise ValidationError(
                    self.env._(
                        "%(user)s is not a leader of the agency.",
                        user=request.leader_id.name,
                    )
                )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def _seal_file_missing(self):
        """Nothing for the keeper to compare the paper with: no file, no
        reason for paper only, and not blank paper (its template is named)."""
        self.ensure_one()
        return not (
            self.attachment_ids
            or (self.paper_only_reason or "").strip()
            or self.blank_paper
        )

    def _check_can_submit(self):
        for request in self:
            request._check_seals_usable()
            if not request.seal_ids:
                raise UserError(self.env._("Choose the seals to use."))
            if request._seal_file_missing():
                raise UserError(
                    self.env._(
                        "Attach the file to be stamped, so that the seal keeper "
                        "can check the paper against it, or say why there is "
                        "only paper."
                    )
                )
            if request.blank_paper and not (request.blank_template or "").strip():
                raise UserError(
                    self.env._(
                        "Blank paper, forms or contracts are stamped only for a "
                        "named template and use: describe them."
                    )
                )
            if request.prior_approval:
                if request.blank_paper:
                    raise UserError(
                        self.env._(
                            "Blank paper is never stamped on a prior approval: the "
                            "principal leader must approve it."
                        )
                    )
                if not (
                    request.prior_approver_id
                    and (request.prior_approval_note or "").strip()
                ):
                    raise UserError(
                        self.env._(
                            "Record who agreed beforehand, when and how (prior "
                            "approval)."
                        )
                    )

    def _do_submit(self, **kwargs):
        signed = self.filtered("on_signed_document")
        if signed:
            signed._workflow_run("submit_signed")
        for request in self - signed:
            super(OfficeSealUseRequest, request)._do_submit(
                **dict(kwargs, vals={"director_step": request._needs_director()})
            )
        return True

    def _needs_director(self):
        """004 一(六) 2: the office director approves the use of the agency's
        and the office's seals, where the company follows that rule."""
        self.ensure_one()
        return bool(
            self.company_id.office_seal_director_rule == "004"
            and self.sudo().seal_ids.filtered("director_approval")
        )

    def _check_can_submit_signed(self):
        if self.filtered(lambda r: not r.on_signed_document or r.blank_paper):
            raise UserError(
                self.env._(
                    "Only a seal use on a signed document, without blank paper, "
                    "is approved by its sign-off."
                )
            )

    def _do_refuse(self):
        return self._workflow_set_state("refuse", {"refused_by_id": self.env.user.id})

    def action_stamp(self):
        """Open the stamping form of the keeper."""
        self.ensure_one()
        seals = self._seals_to_stamp(self.seal_ids, self.env.user)
        self._check_can_stamp({seal.id: 1 for seal in seals} or {0: 1})
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Stamp"),
            "res_model": "office.seal.stamp.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_request_id": self.id},
        }

    def stamp(self, impressions, seal_ids=None):
        """Stamp with each seal of the request the current user keeps (or the
        given ones), `impressions` times each; usable over XML-RPC. Returns the
        ids of the new ledger entries."""
        self.ensure_one()
        seals = self.env["office.seal"].browse(seal_ids) if seal_ids else None
        if seals is None:
            seals = self._seals_to_stamp(self.seal_ids, self.env.user)
        return self._stamp({seal.id: impressions for seal in seals} or {0: 0}).ids

    def _stamp(self, impressions_by_seal):
        """Lock the request, check, append one ledger entry per seal."""
        self.ensure_one()
        self.check_access("read")
        self._lock_for_stamping()
        return self._workflow_run("stamp", impressions_by_seal=impressions_by_seal)

    def _lock_for_stamping(self):
        """Two keepers stamping at once: the second one is told to wait
        instead of stamping the same request again."""
        self.flush_recordset()
        try:
            with self.env.cr.savepoint(flush=False), mute_logger("odoo.sql_db"):
                self.env.cr.execute(
                    SQL(
                        "SELECT id FROM office_seal_use_request WHERE id = %s "
                        "FOR UPDATE NOWAIT",
                        self.id,
                    )
                )
        except psycopg2.errors.LockNotAvailable:
            raise UserError(
                self.env._(
                    "“%(request)s” is being stamped by another keeper right now.",
                    request=self.name,
                )
            ) from None
        # read what the other keeper may have committed before the lock
        self.invalidate_recordset()
        self.env["office.seal.ledger"].invalidate_model()

    def _stampable(self):
        """Approved, or under approval with a prior approval recorded."""
        self.ensure_one()
        return self.state == "approved" or (
            self.state == "to_approve"
            and self.prior_approval
            and not self.blank_paper
            and self.prior_approver_id in self.sudo().reviewer_ids
        )

    def _seals_to_stamp(self, seals, user):
        """The seals among `seals` kept by `user` and not stamped yet."""
        self.ensure_one()
        return (seals - self.stamped_seal_ids).filtered(
            lambda s: user in (s.custodian_id | s.deputy_custodian_id)
        )

    def _check_can_stamp(self, impressions_by_seal):
        self.ensure_one()
        user = self.env.user
        if not user.has_group("office_seal.group_seal_keeper"):
            raise AccessError(self.env._("Only a seal keeper stamps."))
        self._check_stampable()
        seals = self.env["office.seal"].browse(
            [seal_id for seal_id in impressions_by_seal if seal_id]
        )
        if not seals:
            raise AccessError(
                self.env._(
                    "You keep none of the seals of “%(request)s” still to be stamped.",
                    request=self.name,
                )
            )
        for seal in seals:
            self._check_requested(seal)
            if user not in (seal.custodian_id | seal.deputy_custodian_id):
                raise AccessError(
                    self.env._(
                        "Only the custodian or the deputy custodian of “%(seal)s” "
                        "stamps with it.",
                        seal=seal.name,
                    )
                )
            seal._check_electronic_use(user)
        self._check_seal_impressions(impressions_by_seal)

    def _check_stampable(self):
        if not self._stampable():
            if self.state == "to_approve":
                raise UserError(
                    self.env._(
                        "“%(request)s” is not approved yet: it cannot be stamped.",
                        request=self.name,
                    )
                )
            raise UserError(
                self.env._(
                    "“%(request)s” is %(state)s: only an approved request is stamped.",
                    request=self.name,
                    state=dict(self._fields["state"]._description_selection(self.env))[
                        self.state
                    ],
                )
            )

    def _check_requested(self, seal):
        if seal not in self.seal_ids:
            raise UserError(
                self.env._(
                    "The seal “%(seal)s” is not requested by “%(request)s”.",
                    seal=seal.name,
                    request=self.name,
                )
            )

    def _check_seal_impressions(self, impressions_by_seal, device=False):
        """The seals belong to the request, are in use and not stamped yet
        (a smart seal reports its impressions one by one); the impressions
        stay within the approved count."""
        seals = self.env["office.seal"].browse(
            [seal_id for seal_id in impressions_by_seal if seal_id]
        )
        for seal in seals:
            self._check_requested(seal)
            if not device and seal in self.stamped_seal_ids:
                raise UserError(
                    self.env._(
                        "“%(request)s” has already been stamped with “%(seal)s”.",
                        request=self.name,
                        seal=seal.name,
                    )
                )
            if seal.state != "active":
                raise UserError(
                    self.env._(
                        "The seal “%(seal)s” is not in use (%(state)s).",
                        seal=seal.name,
                        state=dict(
                            seal._fields["state"]._description_selection(self.env)
                        )[seal.state],
                    )
                )
            impressions = impressions_by_seal[seal.id]
            if impressions < 1 or impressions > self.stamp_count:
                raise UserError(
                    self.env._(
                        "%(count)s impressions of “%(seal)s”: between 1 and the "
                        "%(approved)s approved.",
                        count=impressions,
                        seal=seal.name,
                        approved=self.stamp_count,
                    )
                )
        if self.blank_paper:
            principals = self.env.ref("office_base.group_office_principal")
            if not (self.blank_template or "").strip() or not any(
                principals in approver.groups_id
                for approver in self._office_approvers()
            ):
                raise UserError(
                    self.env._(
                        "Blank paper is stamped only with the principal leader's "
                        "approval of this use and a named template."
                    )
                )

    def _do_stamp(self, impressions_by_seal, extra_vals=None, finish=True):
        """Append one ledger entry per seal. The smart seals come this way
        too, one impression at a time (`extra_vals` names the device, the
        time and the photo; `finish` False while the device stays open)."""
        extra_vals = extra_vals or {}
        now = fields.Datetime.now()
        approvers = self._office_approvers()
        note = False
        if self.state == "to_approve":
            approvers = self.prior_approver_id
            note = self.env._(
                "Agreed beforehand: %(note)s", note=self.prior_approval_note
            )
        entries = self.env["office.seal.ledger"]._append(
            [
                {
                    "seal_id": seal_id,
                    "stamped_at": now,
                    "use_category": self.use_category,
                    "summary": self.summary,
                    "document_ref": self.document_ref,
                    "approver_ids": [fields.Command.set(approvers.ids)],
                    "approval_note": note,
                    "impressions": impressions,
                    "applicant_id": self.applicant_id.id,
                    "keeper_id": self.env.user.id,
                    "request_id": self.id,
                    **extra_vals,
                }
                for seal_id, impressions in impressions_by_seal.items()
            ]
        )
        self.invalidate_recordset(["ledger_ids", "stamped_seal_ids"])
        self.env["office.seal"].browse(list(impressions_by_seal))._log_key_use(self)
        if finish:
            self._finish_stamping()
        self.sudo().message_post(
            body=self.env._(
                "Stamped by %(keeper)s: %(seals)s.",
                keeper=self.env.user.name,
                seals=", ".join(
                    f"{entry.seal_id.name} × {entry.impressions}" for entry in entries
                ),
            ),
            subtype_xmlid="mail.mt_note",
        )
        self.activity_update()
        return entries

    def _finish_stamping(self):
        """The request is stamped once every seal has been used and no smart
        seal is still open for it."""
        self.invalidate_recordset(["ledger_ids", "stamped_seal_ids"])
        open_devices = (
            self.env["office.seal.device"]
            .sudo()
            .search([("request_id", "in", self.ids), ("state", "=", "unlocked")])
        )
        for request in self:
            if request.state not in ("approved", "to_approve"):
                continue
            if request.seal_ids - request.stamped_seal_ids:
                continue
            if open_devices.filtered(lambda d, r=request: d.request_id == r):
                continue
            # the last seal of the request is used: the stamping is over
            request._workflow_set_state("stamp", {"stamped_at": fields.Datetime.now()})
        self.activity_update()

    def _device_stamp(self, device, stamped_at, photo, checksum):
        """One impression reported by the smart seal `device`, within the
        approved count: the same stamping path as the keeper's, recorded
        under the seal's custodian who answers for the device. Run as the
        device account."""
        self.ensure_one()
        self._lock_for_stamping()
        return self._workflow_run(
            "device_stamp",
            device=device,
            stamped_at=stamped_at,
            photo=photo,
            checksum=checksum,
        )

    def _check_can_device_stamp(self, device, **_kwargs):
        self.ensure_one()
        if (
            device.user_id != self.env.user
            or device.state != "unlocked"
            or device.request_id != self
        ):
            raise AccessError(
                self.env._(
                    "Only the smart seal unlocked for “%(request)s” reports its "
                    "impressions.",
                    request=self.name,
                )
            )
        self._check_stampable()
        self._check_seal_impressions({device.seal_id.id: 1}, device=True)

    def _do_device_stamp(self, device, stamped_at, photo, checksum):
        return self._do_stamp(
            {device.seal_id.id: 1},
            extra_vals={
                "stamped_at": stamped_at,
                "keeper_id": device.seal_id.custodian_id.id,
                "device_id": device.id,
                "photo": photo or False,
                "photo_checksum": checksum or False,
            },
            finish=False,
        )

    def action_keeper_refuse(self):
        return self._workflow_run("keeper_refuse")

    def keeper_refuse(self, reason):
        """The keeper refuses to stamp an irregular document (illegible,
        altered, not matching the facts, unclear issuer); usable over
        XML-RPC."""
        if not (reason or "").strip():
            raise UserError(self.env._("Please give the reason of the refusal."))
        return self._workflow_run("keeper_refuse", reason=reason)

    def _check_can_keeper_refuse(self, **_kwargs):
        for request in self:
            if request.state != "approved" or request.ledger_ids:
                raise UserError(
                    self.env._(
                        "Only an approved request not yet stamped can be refused "
                        "by the keeper."
                    )
                )
            keepers = (
                request.seal_ids.custodian_id | request.seal_ids.deputy_custodian_id
            )
            if self.env.user not in keepers:
                raise AccessError(
                    self.env._("Only a keeper of the requested seals refuses to stamp.")
                )

    def _do_keeper_refuse(self, reason):
        self._workflow_set_state(
            "keeper_refuse",
            {"refuse_reason": reason, "refused_by_id": self.env.user.id},
        )
        for request in self:
            request.sudo().message_post(
                body=self.env._(
                    "The keeper %(keeper)s refused to stamp: %(reason)s",
                    keeper=self.env.user.name,
                    reason=reason,
                ),
                subtype_xmlid="mail.mt_comment",
                partner_ids=request.applicant_id.partner_id.ids,
            )

    def _check_can_cancel(self):
        for request in self:
            if request.sudo().ledger_ids:
                raise UserError(
                    self.env._(
                        "“%(request)s” has been stamped already.", request=request.name
                    )
                )

    def _do_draft(self, **kwargs):
        return super()._do_draft(vals={"refuse_reason": False, "refused_by_id": False})

    def action_view_ledger(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "office_seal.office_seal_ledger_action"
        )
        action["domain"] = [("request_id", "=", self.id)]
        action["context"] = {}
        return action

    # ------------------------------------------------------------------
    # Activities
    # ------------------------------------------------------------------

    def activity_update(self):
        """The keepers of the seals still to be stamped have a "Stamp"
        activity while the request is approved; it goes when it is done."""
        activity_type = self.env.ref("office_seal.mail_act_office_seal_stamp")
        to_clean = self.browse()
        for request in self.sudo():
            if request.state != "approved":
                to_clean |= request
                continue
            keepers = (request.seal_ids - request.stamped_seal_ids).custodian_id
            existing = request.activity_ids.filtered(
                lambda a: a.activity_type_id == activity_type
            )
            for keeper in keepers - existing.user_id:
                request.activity_schedule(
                    "office_seal.mail_act_office_seal_stamp",
                    user_id=keeper.id,
                    summary=self.env._("Stamp: %(summary)s", summary=request.summary),
                )
            existing.filtered(lambda a, k=keepers: a.user_id not in k).unlink()
        if to_clean:
            to_clean.sudo().activity_unlink(["office_seal.mail_act_office_seal_stamp"])
