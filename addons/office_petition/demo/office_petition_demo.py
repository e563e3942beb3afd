from odoo import api, models


class OfficePetitionDemo(models.AbstractModel):
    """Demo data helpers, called by ``demo/office_petition_demo.xml``."""

    _name = "office.petition.demo"
    _inherit = ["office.demo"]
    _description = "Petition Demo Data"

    @api.model
    def _demo_run(self, ids, user_id, verb, at=None, reason=None):
        """Run the transition `verb` of petitions as the given user, on the
        day `at` of the story."""
        petitions = self.env["office.petition"].browse(ids).with_user(user_id)
        kwargs = {"at": at} if at else {}
        if reason:
            kwargs["reason"] = reason
        return petitions._workflow_run(verb, **kwargs)
