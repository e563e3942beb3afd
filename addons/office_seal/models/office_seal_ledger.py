from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL
from odoo.tools.sql import create_index

from .office_seal_use_request import USE_CATEGORIES


class OfficeSealLedger(models.Model):
    """The seal ledger (用印登记簿): one entry per stamping and per seal with
    the elements the rules require (印章名称、使用时间、使用分类、内容要点、
    同意领导、盖章数量、经办人、印章管理人). Append-only with a hash chain per
    seal (see ``office.seal.ledger.mixin``).

    Rights: keepers read the entries of the seals they keep, the office
    director and the internal-control office read all; nobody writes,
    creates or deletes them by hand."""

    _name = "office.seal.ledger"
    _description = "Seal Ledger Entry"
    _inherit = ["office.seal.ledger.mixin"]
    # seals by id, not by their own order: the register's list then reads
    # the first page from the index below instead of sorting every entry
    _order = "seal_id.id, sequence desc, id desc"
    _rec_name = "summary"
    _ledger_head_field = "ledger_head_hash"
    _ledger_hash_fields = (
        "stamped_at",
        "use_category",
        "summary",
        "document_ref",
        "approver_ids",
        "approval_note",
        "impressions",
        "applicant_id",
        "keeper_id",
        "request_id",
        "takeout_id",
        "correction_of_id",
        "correction_reason",
        "device_id",
        "photo_checksum",
        "violation",
        "violation_reason",
    )
    _ledger_optional_hash_fields = (
        "device_id",
        "photo_checksum",
        "violation",
        "violation_reason",
    )

    stamped_at = fields.Datetime(required=True, readonly=True)
    # empty on a violation reported by a smart seal without any request
    use_category = fields.Selection(USE_CATEGORIES, readonly=True)
    summary = fields.Char(string="Content summary", required=True, readonly=True)
    document_ref = fields.Char(string="Document reference", readonly=True)
    approver_ids = fields.Many2many(
        "res.users",
        "office_seal_ledger_approver_rel",
        "ledger_id",
        "user_id",
        string="Approving leaders",
        readonly=True,
    )
    approval_note = fields.Char(
        readonly=True,
        help="How the approval was given when it was not signed beforehand.",
    )
    impressions = fields.Integer(required=True, readonly=True, aggregator="sum")
    applicant_id = fields.Many2one(
        "res.users",
        readonly=True,
        index=True,
        help="Empty on an impression made without any request.",
    )
    keeper_id = fields.Many2one(
        "res.users", string="Seal keeper", required=True, readonly=True, index=True
    )
    request_id = fields.Many2one(
        "office.seal.use.request",
        string="Use request",
        readonly=True,
        index=True,
        ondelete="restrict",
    )
    takeout_id = fields.Many2one(
        "office.seal.takeout",
        string="Take-out",
        readonly=True,
        index=True,
        ondelete="restrict",
    )
    correction_of_id = fields.Many2one(
        "office.seal.ledger",
        string="Corrects",
        readonly=True,
        index=True,
        ondelete="restrict",
    )
    correction_reason = fields.Text(readonly=True)
    device_id = fields.Many2one(
        "office.seal.device",
        string="Smart seal device",
        readonly=True,
        index=True,
        ondelete="restrict",
        help="The smart seal that reported the impression.",
    )
    photo = fields.Image(
        readonly=True,
        attachment=True,
        max_width=1024,
        max_height=1024,
        help="Photo of the stamped document taken by the smart seal.",
    )
    photo_checksum = fields.Char(
        readonly=True, help="SHA-256 of the photo as reported, part of the chain."
    )
    violation = fields.Boolean(
        readonly=True,
        index=True,
        help="An impression beyond the approved count or without an approved "
        "request, reported by a smart seal.",
    )
    violation_reason = fields.Char(readonly=True)
    correction_ids = fields.One2many(
        "office.seal.ledger", "correction_of_id", string="Corrections"
    )
    is_corrected = fields.Boolean(compute="_compute_is_corrected")

    def init(self):
        # one stamping of a seal per request by its keeper; corrections and
        # the impressions a smart seal reports one by one are separate entries
        self.env.cr.execute(
            SQL(
                """DROP INDEX IF EXISTS office_seal_ledger_request_seal_uniq;
                   CREATE UNIQUE INDEX IF NOT EXISTS
                          office_seal_ledger_request_seal_keeper_uniq
                   ON office_seal_ledger (request_id, seal_id)
                   WHERE request_id IS NOT NULL AND correction_of_id IS NULL
                     AND device_id IS NULL"""
            )
        )
        create_index(
            self.env.cr,
            "office_seal_ledger_order_index",
            self._table,
            ["seal_id", "sequence DESC", "id DESC"],
        )

    @api.depends("correction_ids")
    def _compute_is_corrected(self):
        for entry in self:
            entry.is_corrected = bool(entry.correction_ids)

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------

    def action_correct(self):
        self.ensure_one()
        self._check_can_correct()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Correct a ledger entry"),
            "res_model": "office.seal.ledger.correction.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_entry_id": self.id},
        }

    def correct(self, reason, impressions=None, summary=None, use_category=None):
        """Append a correction of this entry; usable over XML-RPC."""
        self.ensure_one()
        self._check_can_correct()
        if not (reason or "").strip():
            raise UserError(self.env._("Please give the reason of the correction."))
        if impressions is not None and impressions < 0:
            raise UserError(self.env._("The number of impressions cannot be negative."))
        return self._do_correct(reason, impressions, summary, use_category).id

    def _check_can_correct(self):
        user = self.env.user
        for entry in self:
            if not (
                user in (entry.seal_id.custodian_id | entry.seal_id.deputy_custodian_id)
                or user.has_group("office_base.group_office_director")
            ):
                raise AccessError(
                    self.env._(
                        "Only a keeper of “%(seal)s” or the office director can "
                        "correct its ledger.",
                        seal=entry.seal_id.name,
                    )
                )

    def _do_correct(self, reason, impressions, summary, use_category):
        self.ensure_one()
        entry = self.sudo()
        correction = self._append(
            [
                {
                    "seal_id": entry.seal_id.id,
                    "stamped_at": fields.Datetime.now(),
                    "use_category": use_category or entry.use_category,
                    "summary": summary or entry.summary,
                    "document_ref": entry.document_ref,
                    "approver_ids": [fields.Command.set(entry.approver_ids.ids)],
                    "approval_note": entry.approval_note,
                    "impressions": entry.impressions
                    if impressions is None
                    else impressions,
                    "applicant_id": entry.applicant_id.id,
                    "keeper_id": self.env.user.id,
                    "request_id": entry.request_id.id,
                    "takeout_id": entry.takeout_id.id,
                    "device_id": entry.device_id.id,
                    "correction_of_id": entry.id,
                    "correction_reason": reason,
                }
            ]
        )
        if entry.request_id:
            entry.request_id.message_post(
                body=self.env._(
                    "Ledger entry %(entry)s corrected: %(reason)s",
                    entry=entry.display_name,
                    reason=reason,
                ),
                subtype_xmlid="mail.mt_note",
            )
        return correction
