from odoo import api, models


class OfficeSealDemo(models.AbstractModel):
    """Helpers of the demo data only: they drive the demo records through
    their real transitions, as the users who would act. Called by the
    ``<function>`` tags of the demo files; nothing here is public."""

    _name = "office.seal.demo"
    _inherit = ["office.demo"]
    _description = "Seal Demo Data"

    @api.model
    def _demo_submit(self, model, ids):
        """Submit each record as the person who asks for it."""
        for record in self.env[model].browse(ids):
            if model == "office.seal.handover":
                user = record.seal_id.custodian_id
            elif model == "office.seal.deactivation":
                user = record.requested_by_id
            else:
                user = record.applicant_id
            record.with_user(user).action_submit()

    @api.model
    def _demo_use_device(self, device_ids, impressions):
        """Fetch the approved request and report `impressions` impressions
        as the device account."""
        lang = "zh_CN" if self.env["res.lang"]._lang_get("zh_CN") else None
        for device in self.env["office.seal.device"].sudo().browse(device_ids):
            api_env = (
                self.env["office.seal.device"]
                .with_user(device.user_id)
                .with_context(lang=lang)
            )
            api_env.device_fetch(device.serial, device.token)
            for _i in range(impressions):
                api_env.device_report(device.serial, device.token)
