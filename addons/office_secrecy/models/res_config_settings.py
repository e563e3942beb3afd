from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    office_secrecy_enforce = fields.Boolean(
        related="company_id.office_secrecy_enforce", readonly=False
    )
    office_secrecy_received_models = fields.Char(
        related="company_id.office_secrecy_received_models", readonly=False
    )
    office_decontamination_core = fields.Integer(
        related="company_id.office_decontamination_core", readonly=False
    )
    office_decontamination_important = fields.Integer(
        related="company_id.office_decontamination_important", readonly=False
    )
    office_decontamination_general = fields.Integer(
        related="company_id.office_decontamination_general", readonly=False
    )

    office_secrecy_rectification_days = fields.Integer(
        related="company_id.office_secrecy_rectification_days", readonly=False
    )
    office_secrecy_max_copies = fields.Integer(
        related="company_id.office_secrecy_max_copies", readonly=False
    )

    @api.constrains(
        "office_decontamination_core",
        "office_decontamination_important",
        "office_decontamination_general",
    )
    def _check_office_decontamination(self):
        for settings in self:
            years = (
                settings.office_decontamination_core,
                settings.office_decontamination_important,
                settings.office_decontamination_general,
            )
            if any(value < 0 or value > 10 for value in years):
                raise ValidationError(
                    self.env._("A decontamination period lies between 0 and 10 years.")
                )

    @api.constrains("office_secrecy_rectification_days", "office_secrecy_max_copies")
    def _check_office_secrecy_numbers(self):
        for settings in self:
            if (
                settings.office_secrecy_rectification_days < 1
                or settings.office_secrecy_max_copies < 1
            ):
                raise ValidationError(
                    self.env._(
                        "The rectification period and the number of copies are at "
                        "least 1."
                    )
                )
