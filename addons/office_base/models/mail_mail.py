from odoo import models


class MailMail(models.Model):
    """The outgoing mail queue (the system administrator's) carries the
    names of the records its messages are about."""

    _name = "mail.mail"
    _inherit = ["mail.mail", "office.record.readable.mixin"]
    _office_reference = ("model", "res_id")
