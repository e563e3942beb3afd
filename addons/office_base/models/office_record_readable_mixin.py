from odoo import fields, models
from odoo.exceptions import UserError

from ..tools import office_record_models, readable_reference_domain


class OfficeRecordReadableMixin(models.AbstractModel):
    """A row pointing at a record by model and id (``_office_reference``):
    ``office_record_readable`` tells whether the user may read that record,
    for global rules hiding rows of office records the user may not read."""

    _name = "office.record.readable.mixin"
    _description = "Rows of Readable Office Records"
    _office_reference = ("res_model", "res_id")

    office_record_readable = fields.Boolean(
        compute="_compute_office_record_readable",
        search="_search_office_record_readable",
    )

    def _compute_office_record_readable(self):
        model_field, id_field = self._office_reference
        # as the user even through sudo(): Odoo checks access rules that way
        user_env = self.env(su=False)
        for row in self:
            model, res_id = row.mapped(model_field), row.mapped(id_field)
            record = (
                user_env[model[0]].browse(res_id[0]).exists()
                if model and model[0] in self.env and res_id
                else None
            )
            row.office_record_readable = bool(
                record is None or record._filtered_access("read")
            )

    def _search_office_record_readable(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on readable records."))
        domain = readable_reference_domain(
            self.env, office_record_models(self.env), *self._office_reference
        ) or [(1, "=", 1)]
        return domain if (operator == "=") == value else ["!", *domain]
