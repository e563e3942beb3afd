from odoo import models


class MailFollowers(models.Model):
    """A follower row tells that a record exists and who follows it: rows of
    office records the user may not read are hidden (a global rule)."""

    _name = "mail.followers"
    _inherit = ["mail.followers", "office.record.readable.mixin"]
