from odoo import api, fields, models
from odoo.exceptions import ValidationError


class OfficeSecrecyAgreement(models.Model):
    """A secrecy agreement (保密协议) signed by a person who temporarily
    comes into contact with secrets: outside experts, contractors, IT
    repairers, auditors."""

    _name = "office.secrecy.agreement"
    _description = "Secrecy Agreement of a Temporary Contact"
    _inherit = ["mail.thread"]
    _order = "date_signed desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Person", required=True, tracking=True)
    organisation = fields.Char(tracking=True)
    matter = fields.Char(string="Secret matter", required=True, tracking=True)
    host_id = fields.Many2one(
        "res.users",
        string="Accompanied by",
        default=lambda self: self.env.user,
        tracking=True,
    )
    department_id = fields.Many2one("hr.department", tracking=True)
    date_signed = fields.Date(
        string="Signed on", required=True, default=fields.Date.context_today
    )
    date_end = fields.Date(string="Contact ends", required=True, tracking=True)
    scan = fields.Binary(string="Signed agreement", attachment=True, required=True)
    scan_name = fields.Char()
    is_valid = fields.Boolean(compute="_compute_is_valid", string="In force")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    def _compute_is_valid(self):
        today = fields.Date.context_today(self)
        for agreement in self:
            agreement.is_valid = agreement.date_signed <= today <= agreement.date_end

    @api.constrains("date_signed", "date_end")
    def _check_dates(self):
        for agreement in self:
            if agreement.date_end < agreement.date_signed:
                raise ValidationError(
                    self.env._("The contact ends on or after the day of signature.")
                )
