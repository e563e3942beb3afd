from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.office_base.tools import is_granted

from .office_classification_decision import DECISION_GRANT

# fields that only a classification decision may change once a record exists
DECIDED_FIELDS = ("secrecy_level", "secrecy_years", "secrecy_release")


class OfficeConfidentialMixin(models.AbstractModel):
    """Classification (定密) enforced on every confidential record.

    When the company enforces classification decisions:

    - a level given when the record is created protects the record at once
      (先行保护) and becomes a classification proposal submitted to the
      classification officer, unless the model registers received markings
      (incoming documents carry the sender's level);
    - afterwards the level, the period and the release condition change only
      when an approved ``office.classification.decision`` applies them, inside
      ``granted("office_classification_decision", record)``: nobody else
      changes them, the administrator and superuser code included."""

    _inherit = "office.confidential.mixin"

    classification_decision_count = fields.Integer(
        compute="_compute_classification_decision_count",
        string="Classification decisions",
    )

    def _compute_classification_decision_count(self):
        groups = (
            self.env["office.classification.decision"]
            .sudo()
            ._read_group(
                [("res_model", "=", self._name), ("res_id", "in", self.ids)],
                ["res_id"],
                ["__count"],
            )
        )
        counts = dict(groups)
        for record in self:
            record.classification_decision_count = counts.get(record.id, 0)

    def _office_classification_enforced(self):
        return bool(self.env.company.office_secrecy_enforce)

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        if records._office_classification_enforced() and (
            records._name not in self.env.company._office_received_model_names()
        ):
            classified = records.sudo().filtered("secrecy_rank")
            if classified:
                self.env["office.classification.decision"]._propose_initial(
                    classified.with_env(self.env)
                )
        return records

    def write(self, vals):
        if (
            set(vals) & set(DECIDED_FIELDS)
            and self._office_classification_enforced()
            and not is_granted(DECISION_GRANT, self)
        ):
            self._office_check_decided_fields(vals)
        return super().write(vals)

    def _office_check_decided_fields(self, vals):
        for record in self.sudo():
            for name in DECIDED_FIELDS:
                if name not in vals:
                    continue
                field = record._fields[name]
                new = field.convert_to_record(
                    field.convert_to_cache(vals[name], record), record
                )
                if (new or False) != (record[name] or False):
                    raise UserError(
                        self.env._(
                            "The confidentiality of “%(record)s” is set, changed or "
                            "lifted only by an approved classification decision: "
                            "propose one to the classification officer.",
                            record=record.display_name,
                        )
                    )

    def action_office_propose_classification(self):
        """Open a new classification decision for this record."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "office.classification.decision",
            "view_mode": "form",
            "target": "current",
            "context": {
                "default_res_model": self._name,
                "default_res_id": self.id,
                "default_kind": "change" if self.secrecy_rank else "classify",
            },
        }

    def action_office_open_classification_decisions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "office_secrecy.office_classification_decision_action"
        )
        action["domain"] = [("res_model", "=", self._name), ("res_id", "=", self.id)]
        action["context"] = {
            "default_res_model": self._name,
            "default_res_id": self.id,
        }
        return action
