from dateutil.relativedelta import relativedelta

from odoo import api, models


class OfficeSecrecyDemo(models.AbstractModel):
    """Helpers of the demo data (demo/office_secrecy_demo.xml): every step
    goes through the real transitions, as the user who would take it."""

    _name = "office.secrecy.demo"
    _inherit = ["office.demo"]
    _description = "Secrecy Demo Data"

    @api.model
    def _demo_register_existing(self):
        """Register the classified records of the installed modules as
        decided by the statutory officer; the oldest one's period is over so
        that the declassification proposal shows."""
        Decision = self.env["office.classification.decision"]
        decisions = Decision.browse()
        for model_name, _label in Decision._selection_target_models():
            records = self.env[model_name].sudo().search([("secrecy_rank", ">", 0)])
            for record in records:
                if Decision.search_count(
                    [("res_model", "=", model_name), ("res_id", "=", record.id)]
                ):
                    continue
                decisions |= Decision._propose_initial(record)
        to_decide = decisions.filtered(lambda d: d.state == "to_approve")
        self._demo_decide(Decision._name, to_decide.ids)
        approved = decisions.filtered(lambda d: d.state == "approved")
        if approved:
            oldest = approved.sorted("id")[:1]
            oldest._register_write(
                {
                    "expiry_date": self.env["office.calendar"].today()
                    - relativedelta(days=1)
                }
            )
            Decision._cron_propose_declassification()
        return decisions
