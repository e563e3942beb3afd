from odoo import api, fields, models

from .office_deadline_rule import URGENCY


class OfficeUrgencyMixin(models.AbstractModel):
    """Urgency (紧急程度) and the handling deadline it implies.

    The deadline comes from the office.deadline.rule of the model and urgency;
    models without a rule get no deadline."""

    _name = "office.urgency.mixin"
    _description = "Urgency Mixin"

    urgency = fields.Selection(
        URGENCY, default="normal", required=True, tracking=True, index=True
    )

    @api.model
    def _office_deadline(self, start, urgency="normal", company=None):
        rule = self.env["office.deadline.rule"]._find(self._name, urgency, company)
        return rule.compute_deadline(start, company) if rule else False

    def _office_deadline_for(self, start):
        """Deadline of this record from `start` by its own urgency."""
        self.ensure_one()
        company = self.company_id if "company_id" in self._fields else None
        return self._office_deadline(start, self.urgency, company or None)
