from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .office_archive_item import ARCHIVIST


class OfficeArchiveRoomAccess(models.Model):
    """Room access log (进出库房登记): who entered a storage room, when,
    why and with whom. An entry is registered, then confirmed when the
    people go in — never fewer than the company's number of staff members
    together (002 公文处理制度 九: 需两名工作人员同行) — and closed when they
    leave."""

    _name = "office.archive.room.access"
    _description = "Storage Room Access"
    _inherit = ["office.workflow.mixin"]
    _order = "entered_at desc, id desc"
    _workflow_transitions = {
        "enter": {"from": ("draft",), "to": "in", "groups": (ARCHIVIST,)},
        "leave": {"from": ("in",), "to": "out", "groups": (ARCHIVIST,)},
    }
    _workflow_editable_states = ("draft",)
    _workflow_locked_fields = (
        "room_id",
        "user_id",
        "accompanied_by_id",
        "companion_ids",
        "entered_at",
        "left_at",
    )
    # a register of who went in: kept once confirmed
    _workflow_deletable_states = ("draft",)

    room_id = fields.Many2one(
        "office.archive.room", string="Storage room", required=True
    )
    person = fields.Char(required=True)
    user_id = fields.Many2one("res.users")
    entered_at = fields.Datetime(required=True, default=fields.Datetime.now)
    left_at = fields.Datetime()
    purpose = fields.Char(required=True)
    accompanied_by_id = fields.Many2one("res.users", default=lambda self: self.env.user)
    companion_ids = fields.Many2many(
        "res.users",
        "office_archive_room_access_companion_rel",
        "access_id",
        "user_id",
        string="Other staff present",
    )
    present_count = fields.Integer(
        string="Staff present", compute="_compute_present_count"
    )
    state = fields.Selection(
        [("draft", "Registered"), ("in", "In the room"), ("out", "Left")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    company_id = fields.Many2one(related="room_id.company_id", store=True, index=True)

    @api.depends("user_id", "accompanied_by_id", "companion_ids")
    def _compute_present_count(self):
        for access in self:
            access.present_count = len(access._present_users())

    def _present_users(self):
        self.ensure_one()
        users = self.user_id | self.accompanied_by_id | self.companion_ids
        return users.filtered(lambda u: not u.share)

    @api.constrains("entered_at", "left_at")
    def _check_times(self):
        for access in self:
            if access.left_at and access.left_at < access.entered_at:
                raise ValidationError(self.env._("One leaves after having entered."))

    @api.depends("room_id", "person")
    def _compute_display_name(self):
        for access in self:
            access.display_name = f"{access.room_id.name or ''} {access.person or ''}"

    def action_enter(self):
        return self._workflow_run("enter")

    def _check_can_enter(self):
        for access in self:
            needed = access.company_id.archive_room_entry_people
            if access.present_count < needed:
                raise UserError(
                    self.env._(
                        "%(needed)s staff members go into the archive room together "
                        "(002 公文处理制度 九): %(entry)s names %(count)s.",
                        needed=needed,
                        entry=access.display_name,
                        count=access.present_count,
                    )
                )

    def _do_enter(self):
        return self._workflow_set_state(
            "enter", vals={"entered_at": fields.Datetime.now()}
        )

    def action_leave(self):
        return self._workflow_run("leave")

    def _do_leave(self):
        return self._workflow_set_state(
            "leave", vals={"left_at": fields.Datetime.now()}
        )
