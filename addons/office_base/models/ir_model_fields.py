from odoo import api, models
from odoo.tools import SQL


class IrModelFields(models.Model):
    _inherit = "ir.model.fields"

    @api.model
    def _office_share_translations(self):
        """Labels of inherited fields (mail's activities and followers, our
        mixins' fields) on models the po files did not know: a field takes
        the translations of the fields with the same name and English
        label; its own translations win (see ir.model.fields.selection)."""
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
            WITH known AS (
                SELECT t.name AS field, t.field_description->>'en_US' AS label,
                       kv.key AS lang, min(kv.value) AS term
                  FROM ir_model_fields t, jsonb_each_text(t.field_description) kv
                 WHERE kv.key != 'en_US'
                 GROUP BY 1, 2, 3
            ), merged AS (
                SELECT field, label, jsonb_object_agg(lang, term) AS terms
                  FROM known
                 GROUP BY 1, 2
            )
            UPDATE ir_model_fields f
               SET field_description = m.terms || f.field_description
              FROM merged m
             WHERE m.field = f.name
               AND m.label = f.field_description->>'en_US'
               AND NOT f.field_description @> m.terms
            """
            )
        )
        if self.env.cr.rowcount:
            self.invalidate_model(["field_description"])
            self.env.registry.clear_cache()
        return self.env.cr.rowcount
