from odoo import fields, models


class OfficeSupervision(models.Model):
    _inherit = "office.supervision"

    meeting_decision_id = fields.Many2one(
        "office.meeting.decision",
        string="Meeting decision",
        readonly=True,
        copy=False,
        index=True,
    )

    def _do_complete(self, reason=None):
        """Completing the item closes the meeting decision it follows up,
        which then shows closed in the next meeting of the kind."""
        res = super()._do_complete(reason=reason)
        decisions = self.meeting_decision_id.filtered(lambda d: d.state == "open")
        if decisions:
            decisions._workflow_run("close", reason=reason)
        return res
