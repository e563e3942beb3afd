import base64
import binascii
import hashlib
import hmac
import secrets

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL
from odoo.tools.image import ImageProcess
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)

DEVICE_STATES = [("locked", "Locked"), ("unlocked", "Unlocked")]


class OfficeSealDevice(models.Model):
    """A smart seal (智能印章) or its gateway: the seal sits in a device that
    stamps only when it is unlocked for an approved use request.

    The device talks to Odoo over XML-RPC as its own user (group *Smart seal
    device*) with two public methods, both authenticated by the device's
    serial number and token:

    - ``device_fetch(serial, token)``: the approved request to stamp with
      the device's seal; the device is unlocked for it;
    - ``device_report(serial, token, stamped_at=None, photo=None)``: one
      impression (UTC time ``YYYY-MM-DD HH:MM:SS``, photo as base64). Within
      the approved count it becomes a ledger entry through the request's
      stamping path; the device is locked again when the count is reached.
      An impression beyond the count or without an approved request becomes
      a ledger entry flagged ``violation`` and is posted on the seal.

    Rights: the device user reads its own device; keepers read their seals'
    devices and lock them; the office director manages them and their
    tokens."""

    _name = "office.seal.device"
    _description = "Smart Seal Device"
    _inherit = ["office.workflow.mixin"]
    _order = "serial"
    _rec_name = "serial"
    _check_company_auto = True
    _workflow_transitions = {
        # the device account fetches its approved request
        "unlock": {
            "from": ("locked",),
            "to": "unlocked",
            "groups": ("office_seal.group_seal_device",),
            "label": _lt("unlock"),
        },
        "lock": {"from": ("unlocked",), "to": "locked", "label": _lt("lock")},
    }
    # the request it is unlocked for changes only through lock and unlock
    _workflow_locked_fields = ("request_id", "last_request_id")
    _workflow_editable_states = ()
    _workflow_deletable_states = ("locked",)

    serial = fields.Char(string="Serial number", required=True, tracking=True)
    seal_id = fields.Many2one(
        "office.seal",
        required=True,
        check_company=True,
        tracking=True,
        index=True,
        ondelete="restrict",
    )
    company_id = fields.Many2one(
        related="seal_id.company_id", store=True, index=True, readonly=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Device account",
        required=True,
        tracking=True,
        ondelete="restrict",
        domain=lambda self: [
            ("groups_id", "in", self.env.ref("office_seal.group_seal_device").id)
        ],
        help="The user the device (or its gateway) logs in with over XML-RPC.",
    )
    token = fields.Char(
        copy=False,
        groups="office_base.group_office_director",
        default=lambda self: secrets.token_urlsafe(24),
        help="Shared secret the device sends with each call.",
    )
    state = fields.Selection(
        DEVICE_STATES, default="locked", required=True, tracking=True, readonly=True
    )
    request_id = fields.Many2one(
        "office.seal.use.request",
        string="Unlocked for",
        readonly=True,
        index=True,
        tracking=True,
    )
    impressions_done = fields.Integer(
        compute="_compute_impressions", string="Impressions made"
    )
    impressions_approved = fields.Integer(related="request_id.stamp_count")
    last_request_id = fields.Many2one(
        "office.seal.use.request",
        string="Last unlocked for",
        readonly=True,
        help="Impressions reported after the device was locked again count as "
        "beyond the approved number of this request.",
    )
    last_report_at = fields.Datetime(readonly=True)
    active = fields.Boolean(default=True)
    ledger_ids = fields.One2many("office.seal.ledger", "device_id", readonly=True)
    violation_count = fields.Integer(compute="_compute_impressions")

    _sql_constraints = [
        ("serial_uniq", "unique(serial)", "A device with this serial already exists.")
    ]

    # ------------------------------------------------------------------
    # Computes and constraints
    # ------------------------------------------------------------------

    @api.depends("request_id", "ledger_ids")
    def _compute_impressions(self):
        for device in self:
            entries = device.sudo().ledger_ids
            device.impressions_done = device._count_impressions()
            device.violation_count = len(entries.filtered("violation"))

    def _count_impressions(self, request=None):
        """Impressions made for the request (default: the current one), not
        counting violations."""
        self.ensure_one()
        request = request if request is not None else self.request_id
        if not request:
            return 0
        return (
            self.env["office.seal.ledger"]
            .sudo()
            .search_count(
                [
                    ("device_id", "=", self.id),
                    ("request_id", "=", request.id),
                    ("violation", "=", False),
                    ("correction_of_id", "=", False),
                ]
            )
        )

    @api.constrains("user_id")
    def _check_user(self):
        group = self.env.ref("office_seal.group_seal_device")
        for device in self:
            if group not in device.user_id.groups_id:
                raise UserError(
                    self.env._(
                        "%(user)s is not a smart seal device account.",
                        user=device.user_id.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        if any(vals.get("request_id") for vals in vals_list):
            raise UserError(
                self.env._("A smart seal is unlocked only for an approved request.")
            )
        return super().create(vals_list)

    # ------------------------------------------------------------------
    # Device API (XML-RPC)
    # ------------------------------------------------------------------

    @api.model
    def device_fetch(self, serial, token):
        """Return the status of the device, unlocked for the oldest approved
        request of its seal still to be stamped (if any)."""
        device = self._device_login(serial, token)
        device._lock_row()
        if not device._current_request():
            request = device._find_request()
            if request:
                device._workflow_run("unlock", request=request)
            elif device.state == "unlocked":
                device._lock_device()
        return device._status()

    def _check_can_unlock(self, request):
        self.ensure_one()
        if self.user_id != self.env.user:
            raise AccessError(self.env._("Unknown device or wrong token."))
        if request != self._find_request():
            raise UserError(
                self.env._("A smart seal is unlocked only for an approved request.")
            )

    def _do_unlock(self, request):
        self._workflow_set_state("unlock", {"request_id": request.id})
        self.sudo().message_post(
            body=self.env._("Unlocked for %(request)s.", request=request.name),
            subtype_xmlid="mail.mt_note",
        )
        return True

    @api.model
    def device_report(self, serial, token, stamped_at=None, photo=None):
        """Record one impression; returns the device status with the new
        entry's id and whether it is a violation."""
        device = self._device_login(serial, token)
        when = device._parse_time(stamped_at)
        checksum = device._check_photo(photo)
        device._lock_row()
        request = device._current_request()
        if request:
            entry = request.sudo()._device_stamp(device, when, photo, checksum)
            if device._count_impressions() >= request.stamp_count:
                device._lock_device()
        else:
            entry = device._append_violation(when, photo, checksum)
        device._write_device({"last_report_at": fields.Datetime.now()})
        status = device._status()
        status.update(entry_id=entry.id, violation=entry.violation)
        return status

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------

    @api.model
    def _device_login(self, serial, token):
        """The device of `serial` if the caller is its account and the token
        matches; what it writes is in the account's language."""
        user = self.env.user
        if not user.has_group("office_seal.group_seal_device"):
            raise AccessError(
                self.env._("Only a smart seal device account calls the device API.")
            )
        device = self.sudo().search([("serial", "=", serial or "")], limit=1)
        if (
            not device
            or device.user_id != user
            or not hmac.compare_digest(
                (device.token or "").encode(), (token or "").encode()
            )
        ):
            raise AccessError(self.env._("Unknown device or wrong token."))
        return device.with_context(lang=self.env.context.get("lang") or user.lang)

    @api.model
    def _parse_time(self, stamped_at):
        if not stamped_at:
            return fields.Datetime.now()
        try:
            when = fields.Datetime.to_datetime(stamped_at)
        except (TypeError, ValueError):
            when = None
        if not when:
            raise UserError(
                self.env._(
                    "Invalid impression time %(time)s: use YYYY-MM-DD HH:MM:SS (UTC).",
                    time=stamped_at,
                )
            )
        return when

    @api.model
    def _check_photo(self, photo):
        if not photo:
            return False
        try:
            raw = base64.b64decode(photo, validate=True)
        except (binascii.Error, ValueError, TypeError):
            raise UserError(
                self.env._("The photo must be an image encoded in base64.")
            ) from None
        # refuses what is not an image, with a translated error
        ImageProcess(raw)
        return hashlib.sha256(raw).hexdigest()

    def _lock_row(self):
        """Serialize the reports of one device."""
        self.ensure_one()
        self.env.cr.execute(
            SQL("SELECT id FROM office_seal_device WHERE id = %s FOR UPDATE", self.id)
        )
        self.invalidate_recordset()

    def _write_device(self, vals):
        return self.sudo().write(vals)

    def _current_request(self):
        """The request the device is unlocked for, if it may still stamp."""
        self.ensure_one()
        request = self.request_id.sudo()
        if (
            self.state != "unlocked"
            or not request
            or self.seal_id.state != "active"
            or self.seal_id not in request.seal_ids
            or not request._stampable()
            or self._count_impressions() >= request.stamp_count
        ):
            return request.browse()
        return request

    def _find_request(self):
        self.ensure_one()
        if self.seal_id.state != "active":
            return self.env["office.seal.use.request"]
        requests = (
            self.env["office.seal.use.request"]
            .sudo()
            .search(
                [
                    ("seal_ids", "in", self.seal_id.ids),
                    ("state", "in", ("approved", "to_approve")),
                ],
                order="id",
            )
        )
        return requests.filtered(
            lambda r: r._stampable() and self.seal_id not in r.stamped_seal_ids
        )[:1]

    def _lock_device(self):
        """Lock the devices (as the user who locks them: their account, a
        keeper, the office director, or whoever put the seal out of use);
        the request they were open for is finished when every seal has been
        used."""
        requests = self.sudo().request_id
        unlocked = self.sudo().filtered(lambda d: d.state == "unlocked")
        if unlocked:
            unlocked._workflow_run("lock")
        if requests:
            requests._finish_stamping()

    def _check_can_lock(self):
        user = self.env.user
        for device in self:
            seal = device.seal_id
            if not (
                user == device.user_id
                or user in (seal.custodian_id | seal.deputy_custodian_id)
                or user.has_group("office_base.group_office_director")
                # a seal out of use: whoever put it so locks its devices
                or seal.state != "active"
            ):
                raise AccessError(
                    self.env._(
                        "Only a keeper of “%(seal)s” locks its smart seal.",
                        seal=seal.name,
                    )
                )

    def _do_lock(self):
        for device in self:
            device._workflow_set_state(
                "lock",
                {
                    "request_id": False,
                    "last_request_id": device.request_id.id
                    or device.last_request_id.id,
                },
            )
            device.sudo().message_post(
                body=self.env._("Locked."), subtype_xmlid="mail.mt_note"
            )
        return True

    def _append_violation(self, when, photo, checksum):
        self.ensure_one()
        seal = self.seal_id.sudo()
        request = (self.request_id or self.last_request_id).sudo()
        if request and self._count_impressions(request) >= request.stamp_count:
            reason = self.env._(
                "Impression beyond the %(count)s approved by %(request)s",
                count=request.stamp_count,
                request=request.name,
            )
        else:
            request = request.browse()
            reason = self.env._("Impression without an approved request")
        entry = self.env["office.seal.ledger"]._append(
            [
                {
                    "seal_id": seal.id,
                    "stamped_at": when,
                    "use_category": request.use_category or False,
                    "summary": reason,
                    "document_ref": request.document_ref or False,
                    "impressions": 1,
                    "applicant_id": request.applicant_id.id,
                    "keeper_id": seal.custodian_id.id,
                    "request_id": request.id,
                    "device_id": self.id,
                    "photo": photo or False,
                    "photo_checksum": checksum,
                    "violation": True,
                    "violation_reason": reason,
                }
            ]
        )
        body = self.env._(
            "Violation reported by the smart seal %(device)s: %(reason)s (%(time)s).",
            device=self.serial,
            reason=reason,
            time=self.env["office.calendar"].to_local(when).strftime("%Y-%m-%d %H:%M"),
        )
        seal.message_post(body=body, subtype_xmlid="mail.mt_comment")
        if request:
            request.message_post(body=body, subtype_xmlid="mail.mt_note")
        return entry

    def _status(self):
        self.ensure_one()
        request = self.request_id.sudo()
        done = self._count_impressions()
        return {
            "serial": self.serial,
            "seal_id": self.seal_id.id,
            "seal": self.seal_id.name,
            "state": self.state,
            "request_id": request.id or False,
            "request": request.name or False,
            "summary": request.summary or False,
            "approved": request.stamp_count or 0,
            "done": done,
            "remaining": max((request.stamp_count or 0) - done, 0),
        }

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_lock(self):
        """A keeper of the seal or the office director locks the device."""
        self.check_access("read")
        requests = self.sudo().request_id
        unlocked = self.filtered(lambda d: d.state == "unlocked")
        # a locked device: nothing to do, but only for those who may lock it
        (self - unlocked)._check_can_lock()
        if unlocked:
            unlocked._workflow_run("lock")
        if requests:
            requests._finish_stamping()
        return True

    def action_regenerate_token(self):
        if not self.env.user.has_group("office_base.group_office_director"):
            raise AccessError(self.env._("Only the office director manages tokens."))
        for device in self:
            device.token = secrets.token_urlsafe(24)
        return True
