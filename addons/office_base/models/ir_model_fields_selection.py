from odoo import api, models
from odoo.tools import SQL


class IrModelFieldsSelection(models.Model):
    _inherit = "ir.model.fields.selection"

    @api.model
    def _office_share_translations(self):
        """Give every model's copy of an inherited selection the labels its
        siblings have: Odoo keeps one row per model and value, named after
        the module that defined the field, and the po files translate only
        the rows that existed when they were written (our confidentiality,
        OCA's validation status, mail's activity state...). A row takes the
        translations of the rows with the same field name, value and English
        label; its own translations win."""
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
            WITH known AS (
                SELECT f.name AS field, t.value, t.name->>'en_US' AS label,
                       kv.key AS lang, min(kv.value) AS term
                  FROM ir_model_fields_selection t
                  JOIN ir_model_fields f ON f.id = t.field_id,
                       jsonb_each_text(t.name) kv
                 WHERE kv.key != 'en_US'
                 GROUP BY 1, 2, 3, 4
            ), merged AS (
                SELECT field, value, label, jsonb_object_agg(lang, term) AS terms
                  FROM known
                 GROUP BY 1, 2, 3
            )
            UPDATE ir_model_fields_selection s
               SET name = m.terms || s.name
              FROM ir_model_fields f, merged m
             WHERE s.field_id = f.id
               AND m.field = f.name
               AND m.value = s.value
               AND m.label = s.name->>'en_US'
               AND NOT s.name @> m.terms
            """
            )
        )
        if self.env.cr.rowcount:
            self.invalidate_model(["name"])
            self.env.registry.clear_cache()
        return self.env.cr.rowcount
