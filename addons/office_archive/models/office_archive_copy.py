from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError


class OfficeArchiveCopy(models.Model):
    """A copy of an archive item made for a loan (复制登记): each copy is
    registered with the loan, the item, its secrecy and its holder; copies of
    secret items are recovered or destroyed by the archivist."""

    _name = "office.archive.copy"
    _description = "Archive Copy"
    _order = "id desc"

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
    company_id = fields.Many2one(related="item_id.company_id", store=True)

    @api.depends("item_id", "copies")
    def _compute_display_name(self):
        for record in self:
            record.display_name = f"{record.item_id.name or ''} × {record.copies}"

    def _set_state(self, state):
        if not (
            self.env.su or self.env.user.has_group("office_archive.group_archivist")
        ):
            raise AccessError(
                self.env._("Only the archivist recovers or destroys copies.")
            )
        if self.filtered(lambda c: c.state != "issued"):
            raise UserError(self.env._("The copy is no longer out."))
        self.sudo().write({"state": state})
        return True

    def action_recover(self):
        return self._set_state("recovered")

    def action_destroy(self):
        return self._set_state("destroyed")
