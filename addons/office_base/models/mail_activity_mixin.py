from odoo import models
from odoo.exceptions import UserError

ACTIVITY_STATE_OPERATORS = ("=", "!=", "in", "not in")


class MailActivityMixin(models.AbstractModel):
    """Odoo's search on the activity state knows four operators and fails
    with an UnboundLocalError on any other (found by the RPC fuzz run): an
    operator it cannot answer gets a message instead."""

    _inherit = "mail.activity.mixin"

    def _search_activity_state(self, operator, value):
        if operator not in ACTIVITY_STATE_OPERATORS:
            raise UserError(
                self.env._(
                    "The activity state is searched with =, !=, in or not in, "
                    "not with “%(operator)s”.",
                    operator=operator,
                )
            )
        return super()._search_activity_state(operator, value)
