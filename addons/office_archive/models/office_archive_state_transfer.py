from odoo import fields, models
from odoo.exceptions import UserError

from .office_archive_item import ARCHIVIST


class OfficeArchiveStateTransfer(models.Model):
    """A transfer to the state archives (移交进馆): the permanent and
    long-term items due by age, with their electronic copies."""

    _name = "office.archive.state.transfer"
    _description = "Transfer to the State Archives"
    _inherit = ["office.workflow.mixin", "mail.activity.mixin"]
    _order = "id desc"
    _workflow_transitions = {
        "done": {"from": ("draft",), "to": "done", "groups": (ARCHIVIST,)},
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
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Transferred"), ("cancel", "Cancelled")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

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
        spec = self._workflow_spec("done")
        self._workflow_check_from("done", spec)
        self._workflow_check_groups("done", spec)
        for record in self:
            record.item_ids = [fields.Command.set(record._due_items().ids)]
        return True

    def action_done(self):
        return self._workflow_run("done")

    def _check_can_done(self):
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
