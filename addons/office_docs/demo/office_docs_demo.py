from odoo import api, models


class OfficeDocsDemo(models.AbstractModel):
    """Demo data helpers of office_docs, called by the demo XML's
    ``<function>`` tags; no production model carries them."""

    _name = "office.docs.demo"
    _description = "Official Documents Demo Data"

    @api.model
    def _demo_reach(self, model, record_ids, state, vals):
        """Put demo records of `model` in `state` as if their history had
        happened days ago (a sign-off, an instruction): through the kernel's
        transition that ends in `state`, with the values its steps record."""
        records = self.env[model].browse(record_ids)
        verb = next(
            verb
            for verb, spec in records._workflow_transitions.items()
            if spec["to"] == state
        )
        records._workflow_set_state(verb, vals)
        return True
