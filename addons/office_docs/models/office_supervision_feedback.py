from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.office_base.tools import is_granted

# the purpose of the guarded writes of feedback entries (none: kept as given)
FEEDBACK = "office_docs_feedback"


class OfficeSupervisionFeedback(models.Model):
    """A feedback entry (反馈) on a supervision item: how the matter stands.
    Entries are kept as given: never edited nor deleted."""

    _name = "office.supervision.feedback"
    _description = "Supervision Feedback"
    _order = "date desc, id desc"
    _rec_name = "note"

    supervision_id = fields.Many2one(
        "office.supervision", required=True, ondelete="cascade", index=True
    )
    date = fields.Datetime(required=True, default=fields.Datetime.now)
    user_id = fields.Many2one(
        "res.users", string="By", required=True, default=lambda self: self.env.user
    )
    note = fields.Text(required=True)
    company_id = fields.Many2one(related="supervision_id.company_id", store=True)

    def write(self, vals):
        if not is_granted(FEEDBACK, self):
            raise UserError(self.env._("Feedback is kept as given."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_given(self):
        if not is_granted(FEEDBACK, self):
            raise UserError(self.env._("Feedback is kept as given."))
