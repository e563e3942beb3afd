from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .office_secret_carrier import CARRIER_STATES

RESULTS = [
    ("present", "Present"),
    ("elsewhere", "Found elsewhere"),
    ("missing", "Missing"),
    ("unregistered", "Not in the register"),
]


class OfficeSecretCarrierCheckLine(models.Model):
    _name = "office.secret.carrier.check.line"
    _description = "Secret Carrier Stock-taking Line"
    _order = "check_id, id"

    check_id = fields.Many2one(
        "office.secret.carrier.check", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        related="check_id.company_id", store=True, index=True, precompute=True
    )
    carrier_id = fields.Many2one("office.secret.carrier", index=True)
    unregistered_label = fields.Char(string="Found, not registered")
    expected_location = fields.Char(readonly=True)
    expected_state = fields.Selection(CARRIER_STATES, readonly=True)
    expected_custodian_id = fields.Many2one("res.users", readonly=True)
    result = fields.Selection(RESULTS)
    note = fields.Char()

    @api.constrains("carrier_id", "unregistered_label", "result")
    def _check_line(self):
        for line in self:
            if not line.carrier_id and not (line.unregistered_label or "").strip():
                raise ValidationError(
                    self.env._("A line names a registered carrier or what was found.")
                )
            if not line.carrier_id and line.result not in (False, "unregistered"):
                raise ValidationError(
                    self.env._(
                        "A carrier found outside the register is “not in the register”."
                    )
                )

    def write(self, vals):
        if any(line.check_id.state == "done" for line in self):
            raise ValidationError(self.env._("A closed stock-taking is never changed."))
        return super().write(vals)
