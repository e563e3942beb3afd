from odoo import fields, models


class OfficeIncomingProgress(models.Model):
    """A progress note of the handling of an incoming document."""

    _name = "office.incoming.progress"
    _description = "Incoming Document Progress Note"
    _order = "date desc, id desc"
    _rec_name = "note"

    document_id = fields.Many2one(
        "office.incoming.document", required=True, ondelete="cascade", index=True
    )
    date = fields.Datetime(required=True, default=fields.Datetime.now)
    user_id = fields.Many2one(
        "res.users", string="By", required=True, default=lambda self: self.env.user
    )
    note = fields.Text(required=True)
    company_id = fields.Many2one(related="document_id.company_id", store=True)
