from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools.safe_eval import safe_eval


class OfficeHandoverSource(models.Model):
    """What a person may hold and must hand over before moving or leaving:
    the hook by which every installed office addon feeds the hand-over
    checklist of ``office.staff.move``. A source names a model by string, the
    field giving the holder (a res.users path) and the domain of what is
    still held; a source whose model is not installed is skipped, so this
    addon depends on none of them (assets here; seals, archive loans and
    secret carriers when their addons are installed). Only the number of
    items held is shown, never their titles."""

    _name = "office.handover.source"
    _description = "Hand-over Checklist Item"
    _order = "sequence, id"

    name = fields.Char(string="What is handed over", required=True, translate=True)
    sequence = fields.Integer(default=10)
    model_name = fields.Char(string="Model", required=True)
    user_field = fields.Char(
        string="Held by (field)",
        required=True,
        help="Path to the holder's user, e.g. custodian_id or holder_id.user_id.",
    )
    domain = fields.Char(string="Still held when", required=True, default="[]")
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        index=True,
        help="Empty: shared by every agency.",
    )
    model_available = fields.Boolean(compute="_compute_model_available")

    def _compute_model_available(self):
        for source in self:
            source.model_available = source.model_name in self.env

    @api.constrains("domain")
    def _check_domain(self):
        for source in self:
            try:
                value = safe_eval(source.domain or "[]")
            except Exception as error:
                raise ValidationError(
                    self.env._(
                        "The condition is not a valid domain: %(error)s", error=error
                    )
                ) from error
            if not isinstance(value, list):
                raise ValidationError(
                    self.env._("The condition is not a valid domain.")
                )

    def _count_held(self, user):
        """Number of items of each available source `user` still holds. The
        count reads records the HR officer may not read on purpose (a seal,
        a secret carrier): only the number leaves this method."""
        counts = {}
        for source in self.filtered("model_available"):
            domain = safe_eval(source.domain or "[]") + [
                (source.user_field, "=", user.id)
            ]
            counts[source] = self.env[source.model_name].sudo().search_count(domain)
        return counts
