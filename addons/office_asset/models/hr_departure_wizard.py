from odoo import models


class HrDepartureWizard(models.TransientModel):
    _inherit = "hr.departure.wizard"

    def action_register_departure(self):
        """A departure is registered once everything is handed over."""
        self.employee_id._office_check_handed_over()
        return super().action_register_departure()
