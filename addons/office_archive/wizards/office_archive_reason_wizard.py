from odoo import api, fields, models
from odoo.exceptions import UserError


class OfficeArchiveReasonWizard(models.TransientModel):
    """Asks for what a loan's action needs besides a reason: the condition
    of the items taken back, the days of a renewal asked. (Plain reasons,
    e.g. returning a transfer list, are asked by ``office.reason.wizard``.)"""

    _name = "office.archive.reason.wizard"
    _description = "Archive Comment Wizard"

    res_model = fields.Char(required=True)
    res_id = fields.Integer(required=True)
    action = fields.Selection(
        [
            ("loan_return", "Take back the items"),
            ("loan_renewal", "Ask for a renewal"),
        ],
        required=True,
    )
    comment = fields.Text()
    condition = fields.Selection(
        [
            ("intact", "Intact"),
            ("damaged", "Damaged"),
            ("missing_pages", "Missing pages"),
        ],
        default="intact",
    )
    days = fields.Integer(default=lambda self: self.env.company.archive_loan_max_days)

    @api.model
    def _open(self, records, action):
        records.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": dict(self._fields["action"]._description_selection(self.env))[
                action
            ],
            "res_model": self._name,
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_res_model": records._name,
                "default_res_id": records.id,
                "default_action": action,
            },
        }

    def action_confirm(self):
        self.ensure_one()
        record = self.env[self.res_model].browse(self.res_id).exists()
        if not record:
            raise UserError(self.env._("The record no longer exists."))
        if self.action == "loan_return":
            record.take_back(self.condition, self.comment)
        else:
            record.request_renewal(self.days, self.comment)
        return {"type": "ir.actions.act_window_close"}
