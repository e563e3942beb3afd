from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

MOVEMENT_KINDS = [
    ("receipt", "Receipt"),
    ("dispatch", "Dispatch"),
    ("transfer", "Transfer of custody"),
]
CHANNELS = [
    ("confidential_post", "Confidential post (机要通信)"),
    ("confidential_courier", "Confidential courier (机要交通)"),
    ("in_person", "Hand delivery by cleared staff"),
]


class OfficeSecretCarrierMovement(models.Model):
    """Receipt, dispatch and transfer of secret carriers (涉密载体收发、传递
    登记): count, counterpart, confidential channel and the signature of the
    person who received. A confirmed entry is never changed.

    Rights: the secrecy office registers and confirms movements."""

    _name = "office.secret.carrier.movement"
    _description = "Secret Carrier Movement"
    _inherit = ["office.workflow.mixin"]
    _workflow_sequence_code = "office.secret.carrier.movement"
    _workflow_deletable_states = ("draft",)
    _workflow_transitions = {
        "confirm": {
            "from": ("draft",),
            "to": "done",
            "groups": ("office_secrecy.group_secrecy_office",),
        },
    }
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    kind = fields.Selection(
        MOVEMENT_KINDS, required=True, default="receipt", tracking=True
    )
    date = fields.Datetime(required=True, default=fields.Datetime.now)
    carrier_ids = fields.Many2many(
        "office.secret.carrier",
        "office_secret_carrier_movement_rel",
        "movement_id",
        "carrier_id",
        string="Carriers",
        required=True,
    )
    count = fields.Integer(required=True, help="Number of pieces handed over.")
    counterpart = fields.Char(
        string="From or to", required=True, help="Sending or receiving organ or person."
    )
    channel = fields.Selection(CHANNELS, required=True, default="confidential_post")
    to_user_id = fields.Many2one("res.users", string="New custodian")
    to_location = fields.Char(string="New location")
    signed_by = fields.Char(string="Signed for by", required=True)
    clerk_id = fields.Many2one(
        "res.users",
        string="Registered by",
        default=lambda self: self.env.user,
        readonly=True,
    )
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Confirmed")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    @api.constrains("count", "carrier_ids")
    def _check_count(self):
        for movement in self:
            if movement.count != len(movement.carrier_ids):
                raise ValidationError(
                    self.env._(
                        "The count (%(count)s) must match the carriers listed "
                        "(%(listed)s).",
                        count=movement.count,
                        listed=len(movement.carrier_ids),
                    )
                )

    def write(self, vals):
        if any(movement.state == "done" for movement in self) and set(vals) - {
            "message_main_attachment_id"
        }:
            raise UserError(self.env._("A confirmed movement is never changed."))
        return super().write(vals)

    def action_confirm(self):
        return self._workflow_run("confirm")

    def _check_can_confirm(self):
        for movement in self:
            wrong = movement.carrier_ids.sudo().filtered(
                lambda c: c.state != "in_custody"
            )
            if wrong:
                raise UserError(
                    self.env._(
                        "These carriers are not in custody: %(carriers)s.",
                        carriers=", ".join(wrong.mapped("number")),
                    )
                )
            if movement.kind == "transfer" and not movement.to_user_id:
                raise UserError(self.env._("Name the new custodian."))

    def _do_confirm(self):
        for movement in self:
            carriers = movement.carrier_ids
            if movement.kind == "dispatch":
                carriers._workflow_run("dispatch", movement=movement)
            elif movement.kind == "transfer":
                vals = {"custodian_id": movement.to_user_id.id}
                if movement.to_location:
                    vals["location"] = movement.to_location
                carriers.write(vals)
        return self._workflow_set_state("confirm")
