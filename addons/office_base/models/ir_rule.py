import logging

from odoo import api, models

_logger = logging.getLogger(__name__)


class IrRule(models.Model):
    _inherit = "ir.rule"

    @api.model
    def _office_ensure_rule(self, model_name, name, vals):
        """Create or refresh the rule `name` of `model_name`; the mixins call
        it when a model using them is installed or upgraded. The rule belongs
        to the module being loaded (the one that gave the model the mixin), so
        uninstalling that module deletes the rule even when the model stays,
        as hr.leave stays when office_attendance goes."""
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
        self._office_own_rule(rule, model_name)
        return rule

    def _office_own_rule(self, rule, model_name):
        module = self.env.context.get("module")
        if not module:
            return
        suffix = "office_rule_%s_%s" % (model_name.replace(".", "_"), rule.id)
        self.env["ir.model.data"].sudo()._update_xmlids(
            [{"xml_id": f"{module}.{suffix}", "record": rule, "noupdate": True}]
        )
