from odoo import api, fields, models
from odoo.exceptions import UserError

from .office_archive_item import ARCHIVIST


class OfficeArchiveStateTransfer(models.Model):
    """A transfer to the state archives (移交进馆): the permanent and
    long-term items due by age, with their electronic copies.

    003 第三十二条: the archivist lists the items; the leader in charge of the
    office keeping the archives approves (its ``tier.definition`` record)
    before the items are handed over."""

    _name = "office.archive.state.transfer"
    _description = "Transfer to the State Archives"
    _inherit = [
        "office.workflow.mixin",
        "mail.activity.mixin",
        "office.approval.mixin",
    ]
    _order = "id desc"
    _state_from = ["to_approve"]
    _state_to = ["approved"]
    _cancel_state = "cancel"
    _workflow_transitions = {
        "submit": {"from": ("draft",), "to": "to_approve", "groups": (ARCHIVIST,)},
        # decided by the leader's review (tier.validation): no groups
        "approve": {"from": ("to_approve",), "to": "approved"},
        "refuse": {"from": ("to_approve",), "to": "refused"},
        "draft": {"from": ("refused",), "to": "draft", "groups": (ARCHIVIST,)},
        "done": {"from": ("approved",), "to": "done", "groups": (ARCHIVIST,)},
    }
    _workflow_locked_fields = ("item_ids", "fonds_id", "archives_name")
    _workflow_sequence_code = "office.archive.state.transfer"

    name = fields.Char(required=True, readonly=True, copy=False, default="/")
    archives_name = fields.Char(string="Receiving archives", required=True)
    fonds_id = fields.Many2one("office.archive.fonds", required=True)
    transfer_date = fields.Date(default=fields.Date.context_today, required=True)
    item_ids = fields.Many2many(
        "office.archive.item",
        "office_archive_state_transfer_item_rel",
        "transfer_id",
        "item_id",
        string="Items",
    )
    item_count = fields.Integer(compute="_compute_counts")
    efile_count = fields.Integer(string="Electronic files", compute="_compute_counts")
    include_electronic = fields.Boolean(
        string="Electronic copies included", default=True
    )
    received_by = fields.Char(string="Received by (archives)")
    handed_by_id = fields.Many2one(
        "res.users", string="Handed over by", default=lambda self: self.env.user
    )
    leader_id = fields.Many2one(
        "res.users",
        string="Leader in charge",
        readonly=True,
        copy=False,
        help="The leader in charge of the office keeping the archives, who "
        "approves the transfer (003 第三十二条: 经分管办公室的局领导审核批准).",
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("to_approve", "To approve"),
            ("approved", "Approved"),
            ("done", "Transferred"),
            ("refused", "Refused"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    @api.model
    def _get_under_validation_exceptions(self):
        # the hand-over is recorded while and after the leader decides
        return super()._get_under_validation_exceptions() + [
            "received_by",
            "handed_by_id",
            "transfer_date",
        ]

    @api.model
    def _get_after_validation_exceptions(self):
        return super()._get_after_validation_exceptions() + [
            "received_by",
            "handed_by_id",
            "transfer_date",
        ]

    def action_draft(self):
        return self._workflow_run("draft")

    def _compute_counts(self):
        for record in self:
            record.item_count = len(record.item_ids)
            record.efile_count = len(record.item_ids.efile_ids)

    def _due_items(self):
        self.ensure_one()
        year = self.transfer_date.year - (self.fonds_id.state_transfer_years or 10)
        return self.env["office.archive.item"].search(
            [
                ("fonds_id", "=", self.fonds_id.id),
                ("state", "=", "in_stock"),
                ("year", "<=", year),
                "|",
                ("retention_id.is_permanent", "=", True),
                ("retention_id.is_long", "=", True),
            ]
        )

    def action_fill_due(self):
        """List the items due; the archivist, on a draft transfer (the rights
        of the transfer itself)."""
        spec = self._workflow_spec("submit")
        self._workflow_check_from("done", spec)
        self._workflow_check_groups("done", spec)
        for record in self:
            record.item_ids = [fields.Command.set(record._due_items().ids)]
        return True

    def action_submit(self):
        """Send the list to the leader in charge of the office for approval."""
        return self._workflow_run("submit")

    def _check_can_submit(self):
        self._check_transferable()
        for record in self:
            if not record._office_leader():
                raise UserError(
                    self.env._(
                        "The office keeping the archives of %(fonds)s has no leader "
                        "in charge to approve the transfer.",
                        fonds=record.fonds_id.display_name,
                    )
                )

    def _office_leader(self):
        self.ensure_one()
        department = self.sudo().fonds_id.archive_department_id
        return department._office_leader_in_charge() if department else department

    def _do_submit(self, **kwargs):
        for record in self:
            record._office_submit(vals={"leader_id": record._office_leader().id})
        return True

    def action_done(self):
        return self._workflow_run("done")

    def _check_can_done(self):
        for record in self:
            if record.validation_status != "validated":
                raise UserError(
                    self.env._(
                        "%(name)s is not approved by the leader in charge.",
                        name=record.name,
                    )
                )
        self._check_transferable()

    def _check_transferable(self):
        for record in self:
            if not record.item_ids:
                raise UserError(self.env._("List the items to transfer."))
            wrong = record.item_ids.filtered(lambda i: i.state != "in_stock")
            if wrong:
                raise UserError(
                    self.env._("%(item)s is not in stock.", item=wrong[:1].display_name)
                )
            if record.include_electronic:
                record.item_ids._check_integrity()
                if record.item_ids.filtered(lambda i: i.integrity_state == "mismatch"):
                    raise UserError(
                        self.env._(
                            "An electronic file no longer matches its digest: "
                            "check it first."
                        )
                    )

    def _do_done(self):
        for record in self:
            record.sudo().item_ids._workflow_run("transfer")
            record._workflow_set_state("done")
        return True
