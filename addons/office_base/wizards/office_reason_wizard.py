from odoo import api, fields, models
from odoo.exceptions import UserError


class OfficeReasonWizard(models.TransientModel):
    """The one reason wizard of the suite: a verb of an office workflow that
    needs a reason (refuse, cancel, suspend, …) asks it here, then runs the
    record's transition as the current user, with every check of the kernel."""

    _name = "office.reason.wizard"
    _description = "Reason for an Office Action"

    res_model = fields.Char(string="Model", required=True, readonly=True)
    res_id = fields.Many2oneReference(
        string="Record", model_field="res_model", required=True, readonly=True
    )
    verb = fields.Char(required=True, readonly=True)
    record_name = fields.Char(compute="_compute_record_name")
    reason = fields.Text(required=True)

    @api.depends("res_model", "res_id")
    def _compute_record_name(self):
        for wizard in self:
            wizard.record_name = wizard._record().display_name

    def _record(self):
        self.ensure_one()
        model = self.env.get(self.res_model) if self.res_model else None
        if model is None or "_workflow_transitions" not in dir(model):
            raise UserError(self.env._("This record has no workflow."))
        spec = model._workflow_transitions.get(self.verb)
        if not spec or not spec.get("reason"):
            raise UserError(
                self.env._("“%(verb)s” asks for no reason.", verb=self.verb)
            )
        return model.browse(self.res_id).exists()

    def action_confirm(self):
        record = self._record()
        if not record:
            raise UserError(self.env._("The record no longer exists."))
        record._workflow_run(self.verb, reason=self.reason)
        return {"type": "ir.actions.act_window_close"}
