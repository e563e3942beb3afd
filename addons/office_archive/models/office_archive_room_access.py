from odoo import api, fields, models
from odoo.exceptions import ValidationError


class OfficeArchiveRoomAccess(models.Model):
    """Room access log (进出库房登记): who entered a storage room, when,
    why and with whom."""

    _name = "office.archive.room.access"
    _description = "Storage Room Access"
    _order = "entered_at desc, id desc"

    room_id = fields.Many2one(
        "office.archive.room", string="Storage room", required=True
    )
    person = fields.Char(required=True)
    user_id = fields.Many2one("res.users")
    entered_at = fields.Datetime(required=True, default=fields.Datetime.now)
    left_at = fields.Datetime()
    purpose = fields.Char(required=True)
    accompanied_by_id = fields.Many2one("res.users", default=lambda self: self.env.user)
    company_id = fields.Many2one(related="room_id.company_id", store=True, index=True)

    @api.constrains("entered_at", "left_at")
    def _check_times(self):
        for access in self:
            if access.left_at and access.left_at < access.entered_at:
                raise ValidationError(self.env._("One leaves after having entered."))

    @api.depends("room_id", "person")
    def _compute_display_name(self):
        for access in self:
            access.display_name = f"{access.room_id.name or ''} {access.person or ''}"
