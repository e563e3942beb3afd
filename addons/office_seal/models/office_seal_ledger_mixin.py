import hashlib
import json

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import SQL

from odoo.addons.office_base.tools import granted, is_granted

#: the Python-only grant of the business actions that append entries
LEDGER_APPEND = "office_seal_ledger_append"


class OfficeSealLedgerMixin(models.AbstractModel):
    """An append-only register (登记簿) kept per seal, with a hash chain.

    - ``create`` works only inside ``_append`` (a ``granted(LEDGER_APPEND)``
      block, which no RPC payload can open): the business actions (stamping,
      hand-over, corrections) append entries, nobody creates them by hand or
      over RPC, the superuser included.
    - ``write`` and ``unlink`` raise ``AccessError`` for everyone, the
      superuser included; a mistake is corrected by a new entry.
    - Each entry stores the hash of the previous entry of the same seal
      (``prev_hash``) and ``entry_hash = sha256(prev_hash + canonical values)``
      over the fields of ``_ledger_hash_fields``; the seal keeps the hash of
      its last entry (``_ledger_head_field``). ``_check_chain`` recomputes the
      chain from the database and names the first entry that does not match
      (altered values, a missing entry or a forged link) or reports that the
      latest entries are missing.

    Entries are numbered per seal (``sequence``) under a lock of the seal
    row, so two concurrent appends to the same seal cannot share a number."""

    _name = "office.seal.ledger.mixin"
    _description = "Append-only Seal Register"
    _order = "seal_id, sequence desc, id desc"
    _ledger_hash_fields = ()
    # hashed only when set: fields added after entries were chained, so that
    # the hashes of the older entries still match
    _ledger_optional_hash_fields = ()
    _ledger_head_field = None  # office.seal column holding the last hash

    seal_id = fields.Many2one(
        "office.seal", required=True, index=True, ondelete="restrict", readonly=True
    )
    sequence = fields.Integer(string="No.", required=True, readonly=True)
    company_id = fields.Many2one(
        "res.company", related="seal_id.company_id", store=True, index=True
    )
    prev_hash = fields.Char(string="Previous hash", readonly=True)
    entry_hash = fields.Char(string="Hash", readonly=True)

    _sql_constraints = [
        (
            "seal_sequence_uniq",
            "unique(seal_id, sequence)",
            "Two entries of a seal cannot have the same number.",
        ),
    ]

    # ------------------------------------------------------------------
    # ORM: append only
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        if not is_granted(LEDGER_APPEND):
            raise AccessError(
                self.env._(
                    "Entries of the %(ledger)s are appended by the business "
                    "actions only.",
                    ledger=self._ledger_label(),
                )
            )
        seal_ids = {vals["seal_id"] for vals in vals_list}
        heads = self._lock_chains(seal_ids)
        last_hashes = {seal_id: head[1] for seal_id, head in heads.items()}
        for vals in vals_list:
            sequence = heads[vals["seal_id"]][0] + 1
            vals["sequence"] = sequence
            heads[vals["seal_id"]] = (sequence, None)
        records = super().create(vals_list)
        records.flush_recordset()
        records.invalidate_recordset()
        for record in records.sorted(lambda r: (r.seal_id.id, r.sequence)):
            last_hashes[record.seal_id.id] = self._set_hashes(
                record, last_hashes[record.seal_id.id]
            )
        self._set_heads(last_hashes)
        return records

    # append-only: nothing reaches the ORM's write or unlink
    def write(self, vals):  # pylint: disable=method-required-super
        raise AccessError(
            self.env._(
                "Entries of the %(ledger)s cannot be changed: record a correction "
                "instead.",
                ledger=self._ledger_label(),
            )
        )

    def unlink(self):  # pylint: disable=method-required-super
        raise AccessError(
            self.env._(
                "Entries of the %(ledger)s cannot be deleted.",
                ledger=self._ledger_label(),
            )
        )

    @api.depends("seal_id", "sequence")
    def _compute_display_name(self):
        for entry in self:
            entry.display_name = self.env._(
                "%(seal)s No. %(sequence)s",
                seal=entry.seal_id.name,
                sequence=entry.sequence,
            )

    @api.model
    def _append(self, vals_list):
        """Append entries; the business actions call it once their checks
        have passed."""
        with granted(LEDGER_APPEND):
            return self.sudo().create(vals_list)

    @api.model
    def _ledger_label(self):
        return self.env["ir.model"]._get(self._name).name or self._description

    # ------------------------------------------------------------------
    # Hash chain
    # ------------------------------------------------------------------

    def _lock_chains(self, seal_ids):
        """Lock the seals and return ``{seal_id: (last sequence, last hash)}``.

        The last hash is the head kept on the seal row, read by the statement
        that locks it; the last sequence is one probe of the
        ``(seal_id, sequence)`` index. Neither reads the seal's entries, so
        appending costs the same with ten entries or a hundred thousand.

        Every append also updates the seal row (the chain's head, see
        ``_set_heads``): a transaction that started before another one
        appended to the same seal fails to lock it with a serialization
        failure, which Odoo retries, instead of reading a stale head."""
        self.flush_model()
        self.env.cr.execute(
            SQL(
                """SELECT s.id, s.%s,
                          (SELECT max(e.sequence) FROM %s e WHERE e.seal_id = s.id)
                     FROM office_seal s
                    WHERE s.id IN %s
                 ORDER BY s.id
                      FOR UPDATE OF s""",
                SQL.identifier(self._ledger_head_field),
                SQL.identifier(self._table),
                tuple(seal_ids),
            )
        )
        heads = dict.fromkeys(seal_ids, (0, ""))
        for seal_id, head_hash, sequence in self.env.cr.fetchall():
            if sequence and not head_hash:
                head_hash = self._last_entry_hash(seal_id, sequence)
            heads[seal_id] = (sequence or 0, head_hash or "")
        return heads

    def _last_entry_hash(self, seal_id, sequence):
        """The hash of the entry ``sequence`` of the seal: the head of a chain
        whose seal row does not hold it yet."""
        self.env.cr.execute(
            SQL(
                "SELECT entry_hash FROM %s WHERE seal_id = %s AND sequence = %s",
                SQL.identifier(self._table),
                seal_id,
                sequence,
            )
        )
        row = self.env.cr.fetchone()
        return row and row[0]

    def _set_heads(self, last_hashes):
        """Store the hash of each seal's last entry on the seal: the anchor
        that shows when the latest entries disappear."""
        for seal_id, entry_hash in last_hashes.items():
            self.env.cr.execute(
                SQL(
                    "UPDATE office_seal SET %s = %s WHERE id = %s",
                    SQL.identifier(self._ledger_head_field),
                    entry_hash,
                    seal_id,
                )
            )
        self.env["office.seal"].browse(list(last_hashes)).invalidate_recordset(
            [self._ledger_head_field]
        )

    def _set_hashes(self, record, prev_hash):
        entry_hash = record._compute_entry_hash(prev_hash)
        # the only update an entry ever receives, right after its insertion
        self.env.cr.execute(
            SQL(
                "UPDATE %s SET prev_hash = %s, entry_hash = %s WHERE id = %s",
                SQL.identifier(self._table),
                prev_hash,
                entry_hash,
                record.id,
            )
        )
        record.invalidate_recordset(["prev_hash", "entry_hash"])
        return entry_hash

    def _canonical_values(self):
        """The hashed content of the entry as a stable JSON text."""
        self.ensure_one()
        values = {}
        for name in ("seal_id", "sequence", *self._ledger_hash_fields):
            field = self._fields[name]
            value = self[name]
            if field.type == "many2one":
                value = value.id or None
            elif field.type in ("many2many", "one2many"):
                value = sorted(value.ids)
            elif field.type == "datetime":
                value = fields.Datetime.to_string(value) if value else None
            elif field.type == "date":
                value = fields.Date.to_string(value) if value else None
            elif value is False and field.type not in ("boolean", "integer"):
                value = None
            if name in self._ledger_optional_hash_fields and value in (
                None,
                False,
                [],
            ):
                continue
            values[name] = value
        return json.dumps(
            values, ensure_ascii=False, sort_keys=True, separators=(",", ":")
        )

    def _compute_entry_hash(self, prev_hash):
        self.ensure_one()
        payload = (prev_hash or "") + self._canonical_values()
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()

    @api.model
    def _check_chain(self, seal):
        """Recompute the chain of `seal` from the database.

        Returns ``(problem, entry)``: ``(False, empty)`` when it holds;
        ``("altered", entry)`` naming the first entry whose number, link or
        hash does not match (changed values, a forged entry or a missing
        entry before it); ``("truncated", last entry)`` when the latest
        entries are missing (the seal's head hash names another entry)."""
        self.invalidate_model()
        entries = self.with_context(active_test=False).search(
            [("seal_id", "=", seal.id)], order="sequence, id"
        )
        prev_hash = ""
        expected_sequence = 1
        for entry in entries:
            if (
                entry.sequence != expected_sequence
                or (entry.prev_hash or "") != prev_hash
                or entry.entry_hash != entry._compute_entry_hash(prev_hash)
            ):
                return "altered", entry
            prev_hash = entry.entry_hash
            expected_sequence += 1
        self.env.cr.execute(
            SQL(
                "SELECT %s FROM office_seal WHERE id = %s",
                SQL.identifier(self._ledger_head_field),
                seal.id,
            )
        )
        head = self.env.cr.fetchone()[0] or ""
        if head != prev_hash:
            return "truncated", entries[-1:]
        return False, self.browse()
