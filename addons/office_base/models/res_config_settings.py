from odoo import api, fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    office_unconfirmed_years = fields.Char(
        compute="_compute_office_unconfirmed_years",
        string="Unconfirmed holiday years",
    )
    office_calendar_id = fields.Many2one(
        related="company_id.resource_calendar_id",
        readonly=False,
        string="Office working hours",
    )

    @api.depends("company_id")
    def _compute_office_unconfirmed_years(self):
        years = self.env["office.holiday.year"].unconfirmed_upcoming_years()
        for settings in self:
            settings.office_unconfirmed_years = ", ".join(str(y) for y in years)

    def action_office_seed_holidays(self):
        self.env["office.holiday.year"].seed_years()
        return {"type": "ir.actions.client", "tag": "reload"}
