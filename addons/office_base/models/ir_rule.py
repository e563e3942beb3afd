import logging

from odoo import api, models

_logger = logging.getLogger(__name__)


class IrRule(models.Model):
    _inherit = "ir.rule"

    @api.model
    def _office_ensure_rule(self, model_name, name, vals):
        """Create or refresh the rule `name` of `model_name`; the mixins call
        it when a model using them is installed or upgraded. Uninstalling the
        model deletes the rule with it."""
        model = self.env["ir.model"]._get(model_name)
        if not model:
            return self.browse()
        Rule = self.sudo().with_context(active_test=False)
        vals = {**vals, "name": name, "model_id": model.id, "active": True}
        rule = Rule.search([("model_id", "=", model.id), ("name", "=", name)], limit=1)
        if rule:
            rule.write(vals)
        else:
            rule = Rule.create(vals)
            _logger.info("Created the rule %r", name)
        return rule
