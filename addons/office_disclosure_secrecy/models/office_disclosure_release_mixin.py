from odoo import models

from odoo.addons.office_base.models.office_confidential_mixin import SECRECY_MARK

# carriers still held by the agency: a dispatched, destroyed or lost carrier
# is no longer in its custody, but its content stays classified
CARRIER_DOMAIN = [("secrecy_rank", ">", 0)]
# classifications proposed (the record is protected while the officer
# decides) or in force
DECISION_DOMAIN = [
    ("kind", "in", ("classify", "change")),
    ("secrecy_level", "!=", "none"),
    "|",
    ("state", "=", "to_approve"),
    "&",
    ("state", "=", "approved"),
    ("is_current", "=", True),
]


class OfficeDisclosureReleaseMixin(models.AbstractModel):
    """With the secrecy registers of ``office_secrecy``, the release check
    also refuses a text that quotes the title of a secret carrier (a paper
    document, a medium) or of a record whose classification is proposed or
    in force in the register of classification decisions (003 第四十一条:
    涉密信息不得公开; 保密审查)."""

    _inherit = "office.disclosure.release.mixin"

    def _disclosure_classified_hit(self):
        hit = super()._disclosure_classified_hit()
        if hit:
            return hit
        text = "\n".join(str(self[name] or "") for name in self._disclosure_text_fields)
        if not text.strip():
            return None
        for model_name, title_field, domain in (
            ("office.secret.carrier", "name", CARRIER_DOMAIN),
            ("office.classification.decision", "res_name", DECISION_DOMAIN),
        ):
            # the registers are read whatever the user's clearance: the check
            # only refuses, and names neither the record nor its title
            Register = self.env[model_name].sudo()
            for entry in Register.search_fetch(domain, [title_field, "secrecy_level"]):
                title = (entry[title_field] or "").strip()
                if len(title) > 1 and title in text:
                    kind = self.env["ir.model"].sudo()._get(model_name).name
                    level = SECRECY_MARK.get(entry.secrecy_level, entry.secrecy_level)
                    return kind, level
        return None
