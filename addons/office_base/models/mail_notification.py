from odoo import models


class MailNotification(models.Model):
    _name = "mail.notification"
    _inherit = ["mail.notification", "office.record.readable.mixin"]
    _office_reference = ("mail_message_id.model", "mail_message_id.res_id")
