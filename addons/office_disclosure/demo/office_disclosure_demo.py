from odoo import api, models


class OfficeDisclosureDemo(models.AbstractModel):
    """Demo data helpers, called by ``demo/office_disclosure_demo.xml``."""

    _name = "office.disclosure.demo"
    _inherit = ["office.demo"]
    _description = "Disclosure Demo Data"

    @api.model
    def _demo_run(self, model, ids, user_id, verb, at=None, reason=None):
        """Run the transition `verb` as the given user, on the day `at`."""
        records = self.env[model].browse(ids).with_user(user_id)
        kwargs = {"at": at} if at else {}
        if reason:
            kwargs["reason"] = reason
        return records._workflow_run(verb, **kwargs)
