from odoo import api, fields, models
from odoo.exceptions import UserError


class OfficeFleetKeyLog(models.Model):
    """The key register (钥匙登记): who handed a car's keys to whom and when,
    at sealing and unsealing. Entries are never changed or deleted."""

    _name = "office.fleet.key.log"
    _description = "Car Key Register"
    _check_company_auto = True
    _order = "at desc, id desc"

    vehicle_id = fields.Many2one(
        "fleet.vehicle", string="Car", required=True, index=True, check_company=True
    )
    sealing_line_id = fields.Many2one(
        "office.fleet.sealing.line", index=True, check_company=True
    )
    action = fields.Selection(
        [("handed_in", "Keys handed in"), ("handed_out", "Keys handed out")],
        required=True,
    )
    at = fields.Datetime(required=True, default=fields.Datetime.now)
    from_user_id = fields.Many2one("res.users", string="From", required=True)
    to_user_id = fields.Many2one("res.users", string="To", required=True)
    odometer = fields.Float()
    note = fields.Char()
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )

    def write(self, vals):
        if vals:
            raise UserError(self.env._("The key register is append-only."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("The key register is append-only."))
