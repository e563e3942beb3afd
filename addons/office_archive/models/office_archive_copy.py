from odoo import api, fields, models

from .office_archive_item import ARCHIVIST


class OfficeArchiveCopy(models.Model):
    """A copy of an archive item made for a loan (复制登记): each copy is
    registered with the loan, the item, its secrecy and its holder; copies of
    secret items are recovered or destroyed by the archivist."""

    _name = "office.archive.copy"
    _description = "Archive Copy"
    _inherit = ["office.workflow.mixin"]
    _order = "id desc"
    _workflow_transitions = {
        "recover": {"from": ("issued",), "to": "recovered", "groups": (ARCHIVIST,)},
        "destroy": {"from": ("issued",), "to": "destroyed", "groups": (ARCHIVIST,)},
    }
    _workflow_editable_states = ("issued",)
    _workflow_locked_fields = ("loan_id", "item_id", "copies")
    # a register of the copies made: kept
    _workflow_deletable_states = ()

    loan_id = fields.Many2one(
        "office.archive.loan", required=True, index=True, ondelete="restrict"
    )
    item_id = fields.Many2one("office.archive.item", required=True, index=True)
    copies = fields.Integer(required=True, default=1)
    secrecy_level = fields.Selection(related="item_id.secrecy_level", store=True)
    holder_id = fields.Many2one(related="loan_id.borrower_id", store=True)
    made_by_id = fields.Many2one(
        "res.users", default=lambda self: self.env.user, readonly=True
    )
    made_on = fields.Date(default=fields.Date.context_today, readonly=True)
    state = fields.Selection(
        [("issued", "Issued"), ("recovered", "Recovered"), ("destroyed", "Destroyed")],
        default="issued",
        required=True,
        readonly=True,
    )
    company_id = fields.Many2one(related="item_id.company_id", store=True, index=True)

    @api.depends("item_id", "copies")
    def _compute_display_name(self):
        for record in self:
            record.display_name = f"{record.item_id.name or ''} × {record.copies}"

    def action_recover(self):
        return self._workflow_run("recover")

    def action_destroy(self):
        return self._workflow_run("destroy")
