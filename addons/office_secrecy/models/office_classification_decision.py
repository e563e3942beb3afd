from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression
from odoo.tools.translate import LazyTranslate

from odoo.addons.office_base.models.office_confidential_mixin import (
    DEFAULT_SECRECY_YEARS,
    SECRECY_LEVELS,
    SECRECY_RANK,
)
from odoo.addons.office_base.models.office_request_mixin import request_transitions
from odoo.addons.office_base.models.office_workflow_mixin import TRANSITION
from odoo.addons.office_base.tools import granted, is_granted

# the purpose under which an approved decision writes the level of the
# classified record (office.confidential.mixin and office_docs read it)
DECISION_GRANT = "office_classification_decision"
# the purpose under which the register columns of a decision are written
REGISTER_GRANT = "office_classification_register"
# the register columns: written by the decisions themselves, never by a caller
REGISTER_FIELDS = (
    "is_initial",
    "previous_level",
    "proposer_id",
    "decided_on",
    "decided_by_id",
    "period_start",
    "expiry_date",
    "is_current",
    "declassification_id",
    "refuse_reason",
)
ACTIVITY = "office_secrecy.mail_act_office_classification"

_lt = LazyTranslate(__name__)

DECISION_KINDS = [
    ("classify", "Classification"),
    ("change", "Change"),
    ("declassify", "Declassification"),
]
RELEASE_KINDS = [
    ("period", "Period in years"),
    ("date", "Release date"),
    ("condition", "Release condition"),
]
DECISION_STATES = [
    ("draft", "Draft"),
    ("to_approve", "To approve"),
    ("approved", "Approved"),
    ("refused", "Refused"),
    ("cancel", "Cancelled"),
]


class OfficeClassificationDecision(models.Model):
    """A classification decision (定密、变更、解密审批): the drafter proposes
    the level, the period (or a release date or condition) and the
    need-to-know of a confidential record; the classification officer
    approves, and only then the decision is applied to the record. The
    approved decisions form the register of classification decisions
    (定密工作台账).

    A decision targets any record of a model inheriting
    ``office.confidential.mixin`` (``res_model`` + ``res_id``). When the
    period of the current decision ends, a scheduled action proposes the
    declassification to the officer: nothing is released by itself.

    Rights:

    =====================  ===========================  ====================
    who                    read                         act
    =====================  ===========================  ====================
    staff                  own proposals                propose, submit,
                                                        cancel, redraft own
    classification officer decisions he decides         approve, refuse
                                                        (tier review)
    secrecy office         all                          all but deciding
    =====================  ===========================  ====================

    The level reaches the record inside ``granted("office_classification_decision",
    record)``: the confidentiality mixin (and office_docs' lock of signed
    documents) let the write through for that record only."""

    _name = "office.classification.decision"
    _description = "Classification Decision"
    _inherit = [
        "office.workflow.mixin",
        "office.approval.mixin",
        "mail.activity.mixin",
    ]
    _order = "id desc"
    _check_company_auto = True
    _state_from = ["to_approve"]
    _state_to = ["approved"]
    _cancel_state = "cancel"
    _workflow_sequence_code = "office.classification.decision"
    _office_refuse_reason_field = "refuse_reason"
    _workflow_owner_field = "proposer_id"
    _workflow_owner_groups = ("office_secrecy.group_secrecy_office",)
    _workflow_transitions = request_transitions(
        cancel={"from": ("draft", "to_approve", "refused")},
    )
    _workflow_locked_fields = (
        "kind",
        "res_model",
        "res_id",
        "secrecy_level",
        "release_kind",
        "secrecy_years",
        "release_date",
        "release_condition",
        "need_to_know_user_ids",
        "need_to_know_department_ids",
        "basis",
        "officer_id",
        "company_id",
    )

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    refuse_reason = fields.Text(string="Reason of refusal", readonly=True, copy=False)
    kind = fields.Selection(
        DECISION_KINDS, required=True, default="classify", tracking=True
    )
    res_model = fields.Char(string="Model", index=True)
    res_id = fields.Many2oneReference(
        string="Record", model_field="res_model", index=True
    )
    target_ref = fields.Reference(
        selection="_selection_target_models",
        string="Record to classify",
        compute="_compute_target_ref",
        inverse="_inverse_target_ref",
    )
    res_name = fields.Char(
        string="Classified record",
        compute="_compute_res_name",
        search="_search_res_name",
        help="The record's name for those who may read it; its kind and "
        "reference otherwise.",
    )
    model_name = fields.Char(
        string="Kind of record", compute="_compute_model_name", store=True
    )
    model_label = fields.Char(string="Record kind", compute="_compute_model_label")
    previous_level = fields.Selection(
        SECRECY_LEVELS, string="Level before", readonly=True, copy=False
    )
    secrecy_level = fields.Selection(
        SECRECY_LEVELS, string="Level", required=True, default="secret", tracking=True
    )
    release_kind = fields.Selection(
        RELEASE_KINDS, string="Released by", required=True, default="period"
    )
    secrecy_years = fields.Integer(
        string="Period (years)",
        compute="_compute_secrecy_years",
        store=True,
        readonly=False,
        tracking=True,
    )
    release_date = fields.Date(tracking=True)
    release_condition = fields.Char(tracking=True)
    secrecy_mark = fields.Char(compute="_compute_secrecy_mark", string="Mark")
    need_to_know_user_ids = fields.Many2many(
        "res.users",
        "office_classification_decision_user_rel",
        "decision_id",
        "user_id",
        string="Need-to-know readers",
    )
    need_to_know_department_ids = fields.Many2many(
        "hr.department",
        "office_classification_decision_department_rel",
        "decision_id",
        "department_id",
        string="Need-to-know departments",
    )
    basis = fields.Text(
        help="The item of the classification catalogue or the reason of the change.",
    )
    proposer_id = fields.Many2one(
        "res.users",
        string="Proposed by",
        required=True,
        default=lambda self: self.env.user,
        readonly=True,
        index=True,
    )
    officer_id = fields.Many2one(
        "res.users",
        string="Classification officer",
        tracking=True,
        index=True,
        default=lambda self: self._default_officer(),
    )
    state = fields.Selection(
        DECISION_STATES,
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    is_initial = fields.Boolean(
        string="Level given at creation",
        readonly=True,
        copy=False,
        help="The record was created with this level and is protected while the "
        "officer decides.",
    )
    decided_on = fields.Date(readonly=True, copy=False)
    decided_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    period_start = fields.Date(readonly=True, copy=False)
    expiry_date = fields.Date(
        string="Period ends", readonly=True, copy=False, index=True
    )
    is_current = fields.Boolean(
        string="In force", readonly=True, copy=False, index=True
    )
    declassification_id = fields.Many2one(
        "office.classification.decision",
        string="Declassification proposal",
        readonly=True,
        copy=False,
    )

    # ------------------------------------------------------------------
    # Defaults, computes, constraints
    # ------------------------------------------------------------------

    @api.model
    def _default_officer(self):
        return (
            self.env["office.classification.officer"]
            ._officers_for("secret")[:1]
            .user_id
        )

    @api.model
    def _selection_target_models(self):
        models_ = self.env["ir.model"].sudo().search([("transient", "=", False)])
        return [
            (model.model, model.name)
            for model in models_
            if self._is_confidential_model(model.model)
        ]

    @api.model
    def _is_confidential_model(self, model_name):
        """Whether `model_name` is a concrete model inheriting the
        confidentiality mixin."""
        registry = self.env.registry
        if not model_name or model_name not in registry:
            return False
        model = registry[model_name]
        mixin = registry["office.confidential.mixin"]
        # by fields: class identity does not survive registry reloads
        return not model._abstract and set(mixin._fields) <= set(model._fields)

    @api.depends("res_model", "res_id")
    def _compute_target_ref(self):
        for decision in self:
            target = decision._target()
            decision.target_ref = f"{target._name},{target.id}" if target else False

    def _inverse_target_ref(self):
        for decision in self:
            if decision.target_ref:
                decision.res_model = decision.target_ref._name
                decision.res_id = decision.target_ref.id

    @api.depends_context("lang")
    @api.depends("res_model")
    def _compute_model_label(self):
        # in the reader's language (model_name keeps the creator's, for grouping)
        for decision in self:
            decision.model_label = (
                self.env["ir.model"]._get(decision.res_model).name
                if decision.res_model in self.env
                else False
            )

    @api.depends("res_model", "res_id")
    @api.depends_context("uid")
    def _compute_res_name(self):
        for decision in self:
            target = decision._target()
            if not target:
                decision.res_name = False
            elif target._filtered_access("read"):
                decision.res_name = target.display_name
            else:
                decision.res_name = self.env._(
                    "%(kind)s no. %(id)s",
                    kind=decision.model_name or decision.res_model,
                    id=decision.res_id,
                )

    def _search_res_name(self, operator, value):
        """Decisions whose record's name matches, among the records the user
        may read."""
        models_ = [model for [model] in self.sudo()._read_group([], ["res_model"])]
        domains = [
            [
                ("res_model", "=", model),
                (
                    "res_id",
                    "in",
                    self.env[model]._search([("display_name", operator, value)]),
                ),
            ]
            for model in set(models_)
            if model in self.env
        ]
        return expression.OR(domains) if domains else expression.FALSE_DOMAIN

    @api.depends("res_model")
    def _compute_model_name(self):
        # stored for grouping: written in the agency's language, whatever the
        # language of the caller who created the decision
        for decision in self:
            lang = decision.company_id.partner_id.lang or self.env.lang
            decision.model_name = (
                self.env["ir.model"]
                .with_context(lang=lang)
                ._get(decision.res_model)
                .name
                if decision.res_model in self.env
                else False
            )

    @api.depends("secrecy_level")
    def _compute_secrecy_years(self):
        for decision in self:
            decision.secrecy_years = DEFAULT_SECRECY_YEARS[
                decision.secrecy_level or "none"
            ]

    @api.depends("secrecy_level", "release_kind", "secrecy_years", "release_date")
    def _compute_secrecy_mark(self):
        marks = {"secret": "秘密", "confidential": "机密", "top_secret": "绝密"}
        for decision in self:
            if decision.secrecy_level in (False, "none"):
                decision.secrecy_mark = False
                continue
            release = decision._release_text()
            mark = marks[decision.secrecy_level]
            decision.secrecy_mark = f"{mark}★{release}" if release else mark

    def _release_text(self):
        self.ensure_one()
        if self.release_kind == "date" and self.release_date:
            day = self.release_date
            return f"{day.year}年{day.month}月{day.day}日解密"
        if self.release_kind == "condition":
            return self.release_condition or False
        if self.secrecy_years:
            return f"{self.secrecy_years}年"
        return False

    def _target(self):
        self.ensure_one()
        if not self.res_model or self.res_model not in self.env or not self.res_id:
            return None
        return self.env[self.res_model].browse(self.res_id).exists() or None

    @api.constrains("res_model", "res_id")
    def _check_target(self):
        for decision in self:
            if not decision.res_model or not decision.res_id:
                raise ValidationError(self.env._("Choose the record to classify."))
            if not self._is_confidential_model(decision.res_model):
                raise ValidationError(
                    self.env._(
                        "“%(model)s” has no confidentiality: a classification decision "
                        "targets a confidential record.",
                        model=decision.res_model,
                    )
                )
            if not decision.sudo()._target():
                raise ValidationError(
                    self.env._("The record to classify does not exist.")
                )

    @api.constrains("kind", "secrecy_level", "release_kind", "secrecy_years")
    def _check_level_and_period(self):
        for decision in self:
            if decision.kind == "declassify":
                if decision.secrecy_level != "none":
                    raise ValidationError(
                        self.env._("A declassification sets the level to “none”.")
                    )
                continue
            if decision.secrecy_level == "none":
                raise ValidationError(
                    self.env._("Choose the level: secret, confidential or top secret.")
                )
            limit = DEFAULT_SECRECY_YEARS[decision.secrecy_level]
            if decision.release_kind == "period" and not (
                0 < decision.secrecy_years <= limit
            ):
                raise ValidationError(
                    self.env._(
                        "The period of this level lies between 1 and %(limit)s years.",
                        limit=limit,
                    )
                )

    @api.constrains("release_kind", "release_date", "release_condition")
    def _check_release(self):
        for decision in self.filtered(lambda d: d.kind != "declassify"):
            if decision.release_kind == "date" and not decision.release_date:
                raise ValidationError(self.env._("Give the release date."))
            if (
                decision.release_kind == "condition"
                and not (decision.release_condition or "").strip()
            ):
                raise ValidationError(self.env._("Describe the release condition."))

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        if not is_granted(REGISTER_GRANT):
            for vals in vals_list:
                self._check_register_fields(vals)
        decisions = super().create(vals_list)
        for decision in decisions:
            target = decision._target()
            if target:
                # one proposes only for records one can read
                target.check_access("read")
            if target and not decision.previous_level:
                decision._register_write(
                    {"previous_level": target.sudo().secrecy_level}
                )
        return decisions

    def write(self, vals):
        if not (is_granted(REGISTER_GRANT, self) or is_granted(TRANSITION, self)):
            self._check_register_fields(vals)
        return super().write(vals)

    @api.model
    def _check_register_fields(self, vals):
        written = set(vals) & set(REGISTER_FIELDS)
        if written - {"proposer_id"} or (
            "proposer_id" in vals and vals["proposer_id"] != self.env.uid
        ):
            raise UserError(
                self.env._(
                    "The register of classification decisions is kept by the "
                    "decisions themselves: %(fields)s cannot be written.",
                    fields=", ".join(
                        self._fields[name]._description_string(self.env)
                        for name in sorted(written)
                    ),
                )
            )

    def _register_write(self, vals):
        """Write register columns (not the state) as the decision itself."""
        with granted(REGISTER_GRANT, self):
            self.sudo().with_context(skip_validation_check=True).write(vals)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_submit(self):
        return self._workflow_run("submit")

    def action_cancel(self):
        return self._workflow_run("cancel")

    def action_draft(self):
        return self._workflow_run("draft")

    # ------------------------------------------------------------------
    # Transitions
    # ------------------------------------------------------------------

    def _check_can_submit(self):
        for decision in self:
            target = decision.sudo()._target()
            if not target:
                raise UserError(self.env._("The classified record no longer exists."))
            if (
                decision.kind == "classify"
                and target.secrecy_rank
                and not (decision.is_initial)
            ):
                raise UserError(
                    self.env._(
                        "“%(record)s” is already classified: propose a change or a "
                        "declassification.",
                        record=decision.res_name,
                    )
                )
            if decision.kind in ("change", "declassify") and not target.secrecy_rank:
                raise UserError(
                    self.env._(
                        "“%(record)s” is not classified: propose a classification.",
                        record=decision.res_name,
                    )
                )
            decision._check_officer(decision.officer_id)

    def _do_submit(self, **kwargs):
        for decision in self:
            target = decision.sudo()._target()
            # the officer reads what he decides on
            if decision.kind != "classify" or target.secrecy_rank:
                target.write(
                    {
                        "need_to_know_user_ids": [
                            fields.Command.link(decision.officer_id.id)
                        ]
                    }
                )
        return super()._do_submit(**kwargs)

    def _check_can_approve(self):
        for decision in self:
            if decision.validation_status != "validated":
                raise UserError(
                    self.env._(
                        "“%(record)s” is decided by its approval steps only.",
                        record=decision.display_name,
                    )
                )
            # classification authority is personal: a substitute cannot decide
            for approver in decision._approvers():
                decision._check_officer(approver)

    def _do_approve(self):
        today = self._workflow_today()
        for decision in self:
            decision._workflow_set_state(
                "approve",
                {
                    "decided_by_id": decision._approvers()[-1:].id,
                    "decided_on": today,
                },
            )
            decision._apply()
        return True

    def activity_update(self):
        """The proposer revises a refused proposal; once submitted or
        decided, the activities of the decision are done."""
        for decision in self:
            if decision.state == "refused":
                decision._office_schedule_missing(
                    ACTIVITY,
                    decision.proposer_id,
                    summary=self.env._("Proposal refused: revise or cancel it"),
                )
            elif decision.state != "draft":
                decision.sudo().activity_feedback([ACTIVITY])

    @api.model
    def _is_secrecy_office(self):
        return self.env.user.has_group("office_secrecy.group_secrecy_office")

    def _approvers(self):
        self.ensure_one()
        reviews = self.sudo().review_ids.filtered(lambda r: r.status == "approved")
        return reviews.sorted("sequence").done_by

    def _check_officer(self, user):
        self.ensure_one()
        level = self.previous_level if self.kind == "declassify" else self.secrecy_level
        rank = max(
            SECRECY_RANK[level or "none"], SECRECY_RANK[self.previous_level or "none"]
        )
        level = next(key for key, value in SECRECY_RANK.items() if value == rank)
        officers = self.env["office.classification.officer"]._officers_for(
            level, company=self.company_id
        )
        if not user or user not in officers.user_id:
            raise UserError(
                self.env._(
                    "%(user)s is not a classification officer whose authority covers "
                    "“%(record)s”: choose an officer of the register.",
                    user=user.name or self.env._("Nobody"),
                    record=self.res_name,
                )
            )

    def _apply(self):
        """Write the decided level on the record, as the decision."""
        self.ensure_one()
        target = self.sudo()._target()
        if not target:
            raise UserError(self.env._("The classified record no longer exists."))
        previous = self.sudo().search(
            [
                ("res_model", "=", self.res_model),
                ("res_id", "=", self.res_id),
                ("is_current", "=", True),
                ("id", "!=", self.id),
            ]
        )
        today = self._workflow_today()
        if self.kind == "declassify":
            vals = {
                "secrecy_level": "none",
                "secrecy_years": 0,
                "secrecy_release": False,
            }
            state = {"is_current": False, "period_start": False, "expiry_date": False}
        else:
            vals = {
                "secrecy_level": self.secrecy_level,
                "secrecy_years": self.secrecy_years
                if self.release_kind == "period"
                else 0,
                "secrecy_release": False
                if self.release_kind == "period"
                else self._release_text(),
            }
            if self.need_to_know_user_ids:
                vals["need_to_know_user_ids"] = [
                    fields.Command.link(user.id) for user in self.need_to_know_user_ids
                ]
            if self.need_to_know_department_ids:
                vals["need_to_know_department_ids"] = [
                    fields.Command.link(dep.id)
                    for dep in self.need_to_know_department_ids
                ]
            start = (
                previous[:1].period_start
                if self.kind == "change" and previous[:1].period_start
                else today
            )
            if self.release_kind == "period":
                expiry = start + relativedelta(years=self.secrecy_years)
            elif self.release_kind == "date":
                expiry = self.release_date
            else:
                expiry = False
            state = {"is_current": True, "period_start": start, "expiry_date": expiry}
        changed = {
            name: value
            for name, value in vals.items()
            if name.startswith("need_to_know") or (target[name] or False) != value
        }
        if changed:
            with granted(DECISION_GRANT, target):
                target.write(changed)
        previous._register_write({"is_current": False})
        self._register_write(state)
        if hasattr(target, "message_post"):
            target.message_post(
                body=self.env._(
                    "Classification decision %(decision)s applied: %(mark)s.",
                    decision=self.name,
                    mark=target.secrecy_mark or self.env._("not classified"),
                ),
                subtype_xmlid="mail.mt_note",
            )

    def action_open_target(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self.res_model,
            "res_id": self.res_id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------

    @api.model
    def _propose_initial(self, records):
        """Turn the level given at creation into a proposal to the officer,
        made by the user who created the record (its basis in his language,
        whatever the creating call's)."""
        if self._workflow_lang_missing():
            return self._workflow_in_user_lang()._propose_initial(records)
        decisions = self.browse()
        proposer = self.env.user
        for record in records:
            data = record.sudo()
            officer = self.env["office.classification.officer"]._officers_for(
                data.secrecy_level
            )[:1]
            with granted(REGISTER_GRANT):
                decision = self.sudo().create(
                    {
                        "kind": "classify",
                        "res_model": record._name,
                        "res_id": record.id,
                        "is_initial": True,
                        "previous_level": "none",
                        "secrecy_level": data.secrecy_level,
                        "release_kind": "condition"
                        if data.secrecy_release
                        else "period",
                        "secrecy_years": data.secrecy_years
                        or DEFAULT_SECRECY_YEARS[data.secrecy_level],
                        "release_condition": data.secrecy_release or False,
                        "need_to_know_user_ids": [
                            fields.Command.set(data.need_to_know_user_ids.ids)
                        ],
                        "need_to_know_department_ids": [
                            fields.Command.set(data.need_to_know_department_ids.ids)
                        ],
                        "basis": self.env._(
                            "Level given by %(user)s when the record was created "
                            "(protected while the officer decides).",
                            user=proposer.name,
                        ),
                        "proposer_id": proposer.id,
                        "officer_id": officer.user_id.id,
                    }
                )
            if officer:
                decision.action_submit()
            else:
                decision._office_schedule_missing(
                    ACTIVITY,
                    proposer,
                    summary=self.env._("Name the classification officer and submit"),
                )
            decisions |= decision
        return decisions

    @api.model
    def _cron_propose_declassification(self, limit=200):
        """Propose the declassification of records whose period has ended.

        Nothing is released: the officer receives a draft declassification
        decision and an activity, and decides (or extends the period by a
        change decision). Idempotent: a decision is proposed once."""
        today = self._workflow_today()
        domain = [
            ("state", "=", "approved"),
            ("is_current", "=", True),
            ("expiry_date", "<=", today),
            ("declassification_id", "=", False),
        ]
        ended = self.sudo().search(domain, limit=limit, order="expiry_date, id")
        for decision in ended:
            officer = decision.officer_id
            if not decision._officer_is_valid(officer):
                officer = (
                    self.env["office.classification.officer"]
                    ._officers_for(decision.secrecy_level, company=decision.company_id)[
                        :1
                    ]
                    .user_id
                )
            with granted(REGISTER_GRANT):
                proposal = self.sudo().create(
                    {
                        "kind": "declassify",
                        "res_model": decision.res_model,
                        "res_id": decision.res_id,
                        "previous_level": decision.secrecy_level,
                        "secrecy_level": "none",
                        "release_kind": "period",
                        "secrecy_years": 0,
                        "basis": self.env._(
                            "The secrecy period of %(decision)s ended on %(date)s: "
                            "declassify, or extend the period by a change decision.",
                            decision=decision.name,
                            date=decision.expiry_date,
                        ),
                        "proposer_id": officer.id or self.env.ref("base.user_root").id,
                        "officer_id": officer.id,
                        "company_id": decision.company_id.id,
                    }
                )
            decision._register_write({"declassification_id": proposal.id})
            if officer:
                proposal._office_schedule_missing(
                    ACTIVITY,
                    officer,
                    deadline=today,
                    summary=self.env._(
                        "Secrecy period ended: decide the declassification"
                    ),
                )
        remaining = self.sudo().search_count(domain)
        self.env["ir.cron"]._notify_progress(done=len(ended), remaining=remaining)
        return ended.declassification_id

    def _officer_is_valid(self, user):
        try:
            self._check_officer(user)
        except UserError:
            return False
        return True
