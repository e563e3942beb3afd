from odoo import api, fields, models
from odoo.exceptions import UserError

# action: (model, method called with the reason)
REASON_ACTIONS = {
    "seal_suspend": ("office.seal", "suspend"),
    "seal_report_lost": ("office.seal", "report_lost"),
    "seal_deactivate": ("office.seal", "deactivate"),
    "seal_destroy": ("office.seal", "destroy"),
    "request_refuse": ("office.seal.use.request", None),
    "takeout_return": ("office.seal.takeout", None),
}


class OfficeSealReasonWizard(models.TransientModel):
    """Asks for the reason of a seal action (suspension, loss, deactivation,
    destruction), of a keeper's refusal to stamp, or for the impressions
    made outside when a taken-out seal comes back."""

    _name = "office.seal.reason.wizard"
    _description = "Reason of a Seal Action"

    action = fields.Selection(
        [
            ("seal_suspend", "Suspend the seal"),
            ("seal_report_lost", "Report the seal lost"),
            ("seal_deactivate", "Deactivate the seal"),
            ("seal_destroy", "Destroy the seal"),
            ("request_refuse", "Refuse to stamp"),
            ("takeout_return", "Check the seal in"),
        ],
        required=True,
        readonly=True,
    )
    res_ids = fields.Json(required=True)
    reason = fields.Text()
    impressions_used = fields.Integer(string="Impressions made outside")

    @api.model
    def _open(self, records, action):
        return {
            "type": "ir.actions.act_window",
            "name": dict(self._fields["action"]._description_selection(self.env))[
                action
            ],
            "res_model": self._name,
            "view_mode": "form",
            "target": "new",
            "context": {"default_action": action, "default_res_ids": records.ids},
        }

    def action_confirm(self):
        self.ensure_one()
        model, transition = REASON_ACTIONS[self.action]
        records = self.env[model].browse(self.res_ids)
        if self.action == "takeout_return":
            records.check_in(self.impressions_used, self.reason)
        elif not (self.reason or "").strip():
            raise UserError(self.env._("Please give the reason."))
        elif self.action == "request_refuse":
            records.keeper_refuse(self.reason)
        else:
            records.change_state(transition, self.reason)
        return {"type": "ir.actions.act_window_close"}
