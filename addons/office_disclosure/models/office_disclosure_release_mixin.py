from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.office_base.models.office_confidential_mixin import SECRECY_MARK
from odoo.addons.office_base.models.office_workflow_mixin import TRANSITION
from odoo.addons.office_base.tools import granted, is_granted

OFFICER = "office_disclosure.group_disclosure_officer"
# the purpose under which the reviews below are recorded or reset
REVIEW_GRANT = "office_disclosure_review"
REVIEW_FIELDS = (
    "department_review_by_id",
    "department_review_on",
    "office_review_by_id",
    "office_review_on",
)


class OfficeDisclosureReleaseMixin(models.AbstractModel):
    """What is released to the public (a proactive disclosure, a news item, an
    information report, the answer to a disclosure request) passes a secrecy
    review first (保密审查, 003 第四十一条, 表11 and 表19; 004 一(四)):

    - the drafting department reviews it (political direction, policy
      accuracy, secrecy) — its head, or a department head of it;
    - the office reviews it (secrecy, proofreading for 错字错词) — a
      disclosure officer.

    Both are recorded (who, when) and dropped when the text changes. A text
    that quotes the title of a record the suite holds as classified, or is
    based on one, is never released: the check reads every model with
    ``office.confidential.mixin`` (the documents, archive items, decisions …
    of whichever addons are installed).

    A model using it names its department (``_disclosure_department_field``),
    the fields whose text is released (``_disclosure_text_fields``) and the
    states in which the reviews are given (``_disclosure_review_states``)."""

    _name = "office.disclosure.release.mixin"
    _description = "Office Disclosure Secrecy Review"

    _disclosure_department_field = "department_id"
    _disclosure_text_fields = ()
    _disclosure_review_states = ("draft",)
    # register columns the transitions write: no caller writes them
    _disclosure_transition_fields = ()

    source_ref = fields.Reference(
        selection="_selection_source_models",
        string="Based on",
        help="The record this text comes from (a document, an archive item, a "
        "decision): a classified one cannot be released.",
    )
    department_review_by_id = fields.Many2one(
        "res.users", string="Department review by", readonly=True, copy=False
    )
    department_review_on = fields.Datetime(
        string="Department review on", readonly=True, copy=False
    )
    office_review_by_id = fields.Many2one(
        "res.users", string="Office review by", readonly=True, copy=False
    )
    office_review_on = fields.Datetime(
        string="Office review on", readonly=True, copy=False
    )
    secrecy_reviewed = fields.Boolean(
        string="Secrecy reviewed", compute="_compute_secrecy_reviewed"
    )

    @api.model
    def _selection_source_models(self):
        models_ = (
            self.env["ir.model"]
            .sudo()
            .search([("model", "in", self._disclosure_classified_models())])
        )
        return [(model.model, model.name) for model in models_]

    @api.depends("department_review_by_id", "office_review_by_id")
    def _compute_secrecy_reviewed(self):
        for record in self:
            record.secrecy_reviewed = bool(
                record.department_review_by_id and record.office_review_by_id
            )

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------

    def write(self, vals):
        if set(vals) & set(REVIEW_FIELDS) and not is_granted(REVIEW_GRANT, self):
            raise UserError(
                self.env._("The secrecy review is recorded by its actions only.")
            )
        written = set(vals) & set(self._disclosure_transition_fields)
        if written and not is_granted(TRANSITION, self):
            raise UserError(
                self.env._(
                    "%(fields)s of %(kind)s are written by its actions only.",
                    fields=", ".join(
                        self._fields[name]._description_string(self.env)
                        for name in sorted(written)
                    ),
                    kind=self._workflow_kind(),
                )
            )
        changed = set(vals) & set(self._disclosure_text_fields + ("source_ref",))
        reviewed = self.filtered("department_review_by_id") | self.filtered(
            "office_review_by_id"
        )
        result = super().write(vals)
        if changed and reviewed and not is_granted(REVIEW_GRANT, self):
            reviewed._disclosure_reset_reviews()
        return result

    def _disclosure_reset_reviews(self):
        with granted(REVIEW_GRANT, self):
            self.write(dict.fromkeys(REVIEW_FIELDS, False))
        for record in self:
            record.message_post(
                body=self.env._(
                    "The text changed: the secrecy review is to be given again."
                ),
                subtype_xmlid="mail.mt_note",
            )

    # ------------------------------------------------------------------
    # Reviews
    # ------------------------------------------------------------------

    def action_review_department(self):
        """The drafting department's review: political direction, policy
        accuracy and secrecy."""
        self._disclosure_check_review_state()
        for record in self:
            department = record[self._disclosure_department_field]
            if not record._disclosure_is_department_head(department):
                raise AccessError(
                    self.env._(
                        "Only the head of %(department)s gives its secrecy review.",
                        department=department.display_name
                        or self.env._("the department"),
                    )
                )
        self._disclosure_check_not_classified()
        self._disclosure_record_review("department")
        return True

    def action_review_office(self):
        """The office's review: secrecy and proofreading."""
        self._disclosure_check_review_state()
        if not self.env.user.has_group(OFFICER):
            raise AccessError(
                self.env._(
                    "Only a disclosure officer gives the office's secrecy review."
                )
            )
        self._disclosure_check_not_classified()
        self._disclosure_record_review("office")
        return True

    def _disclosure_is_department_head(self, department):
        user = self.env.user
        if not department:
            return False
        if department.manager_id.user_id == user:
            return True
        return user.has_group("office_base.group_office_dept_head") and (
            department in user.sudo().employee_ids.department_id
        )

    def _disclosure_check_review_state(self):
        state_field = self._workflow_state_field
        for record in self:
            if record[state_field] not in self._disclosure_review_states:
                raise UserError(
                    self.env._(
                        "%(record)s is “%(state)s”: its secrecy review is given "
                        "before it is submitted.",
                        record=record.display_name,
                        state=record._workflow_state_label(record[state_field]),
                    )
                )

    def _disclosure_record_review(self, who):
        self.check_access("write")
        with granted(REVIEW_GRANT, self):
            self.sudo().write(
                {
                    f"{who}_review_by_id": self.env.user.id,
                    f"{who}_review_on": fields.Datetime.now(),
                }
            )
        if who == "department":
            message = self.env._(
                "Secrecy review of the department given by %(user)s.",
                user=self.env.user.name,
            )
        else:
            message = self.env._(
                "Secrecy review and proofreading of the office given by %(user)s.",
                user=self.env.user.name,
            )
        for record in self:
            record.message_post(body=message, subtype_xmlid="mail.mt_note")

    # ------------------------------------------------------------------
    # Release checks
    # ------------------------------------------------------------------

    def _disclosure_check_release(self):
        """Refuse the release of a text without its secrecy review, or quoting
        a classified record."""
        for record in self:
            if not record.secrecy_reviewed:
                raise UserError(
                    self.env._(
                        "Secrecy review: “%(record)s” cannot be released before the "
                        "drafting department and the office have given their secrecy "
                        "review.",
                        record=record.display_name,
                    )
                )
        self._disclosure_check_not_classified()

    def _disclosure_check_not_classified(self):
        for record in self:
            hit = record._disclosure_classified_hit()
            if hit:
                kind, level = hit
                raise UserError(
                    self.env._(
                        "Secrecy review: “%(record)s” quotes or is based on a "
                        "%(kind)s held as %(level)s in the registers: it cannot be "
                        "released.",
                        record=record.display_name,
                        kind=kind,
                        level=level,
                    )
                )

    @api.model
    def _disclosure_classified_models(self):
        """The installed models holding classified records."""
        return sorted(
            name
            for name, model in self.env.registry.items()
            if not model._abstract
            and model._auto
            and "secrecy_rank" in model._fields
            and "need_to_know_user_ids" in model._fields
        )

    def _disclosure_classified_hit(self):
        """(kind, level) of a classified record this text quotes or is based
        on, or None. Reads classified records whatever the user's clearance
        (rules hide them on purpose): it only refuses, and names neither the
        record nor its title."""
        self.ensure_one()
        source = self.source_ref
        if source and source.sudo().secrecy_rank:
            return self._disclosure_hit_label(source.sudo())
        text = "\n".join(str(self[name] or "") for name in self._disclosure_text_fields)
        if not text.strip():
            return None
        for model_name in self._disclosure_classified_models():
            Model = self.env[model_name].sudo()
            title_fields = [
                name
                for name in (Model._rec_name, "title", "subject")
                if name in Model._fields
            ]
            for record in Model.search_fetch([("secrecy_rank", ">", 0)], title_fields):
                for name in title_fields:
                    title = (record[name] or "").strip()
                    if len(title) > 1 and title in text:
                        return self._disclosure_hit_label(record)
        return None

    def _disclosure_hit_label(self, record):
        kind = self.env["ir.model"].sudo()._get(record._name).name
        return kind, SECRECY_MARK.get(record.secrecy_level, record.secrecy_level)
