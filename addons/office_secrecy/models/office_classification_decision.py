from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.office_base.models.office_confidential_mixin import (
    DEFAULT_SECRECY_YEARS,
    SECRECY_LEVELS,
    SECRECY_RANK,
)

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
    staff                  own proposals                propose, submit
    classification officer decisions he decides         approve, refuse
    secrecy office         all                          all but deciding
    =====================  ===========================  ===================="""

    _name = "office.classification.decision"
    _description = "Classification Decision"
    _inherit = ["office.secrecy.workflow.mixin"]
    _order = "id desc"
    _check_company_auto = True
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
        string="Classified record", compute="_compute_res_name", store=True
    )
    model_name = fields.Char(
        string="Kind of record", compute="_compute_res_name", store=True
    )
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

    @api.depends("res_model", "res_id")
    def _compute_res_name(self):
        for decision in self:
            target = decision._target()
            decision.res_name = target.sudo().display_name if target else False
            decision.model_name = (
                self.env["ir.model"]._get(decision.res_model).name
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
        decisions = super().create(vals_list)
        for decision in decisions:
            target = decision._target()
            if not self.env.su and target:
                # one proposes only for records one can read
                target.check_access("read")
            if target and not decision.previous_level:
                decision.sudo().previous_level = target.sudo().secrecy_level
        return decisions

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def _check_can_submit(self):
        res = super()._check_can_submit()
        for decision in self:
            if decision.proposer_id != self.env.user and not self._is_secrecy_office():
                raise AccessError(
                    self.env._("Only the proposer or the secrecy office submits it.")
                )
            target = decision.sudo()._target()
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
            # the officer reads what he decides on
            if decision.kind != "classify" or target.secrecy_rank:
                target.write(
                    {
                        "need_to_know_user_ids": [
                            fields.Command.link(decision.officer_id.id)
                        ]
                    }
                )
        return res

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

    def _on_office_validated(self):
        for decision in self.filtered(lambda d: d.state == "to_approve"):
            approvers = decision._approvers()
            # classification authority is personal: a substitute cannot decide
            for approver in approvers:
                decision._check_officer(approver)
            decision._write_state(
                {
                    "decided_by_id": approvers[-1:].id,
                    "decided_on": fields.Date.context_today(self),
                }
            )
            decision._apply()
        res = super()._on_office_validated()
        self.activity_unlink(["office_secrecy.mail_act_office_classification"])
        return res

    def _on_office_rejected(self):
        res = super()._on_office_rejected()
        self.activity_unlink(["office_secrecy.mail_act_office_classification"])
        for decision in self.filtered(lambda d: d.state == "refused"):
            decision.activity_schedule(
                "office_secrecy.mail_act_office_classification",
                user_id=decision.proposer_id.id,
                summary=self.env._("Proposal refused: revise or cancel it"),
            )
        return res

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
        today = fields.Date.context_today(self)
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
            target.sudo().with_context(office_classification_decision=True).write(
                changed
            )
        previous._write_state({"is_current": False})
        self._write_state(state)
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
        """Turn the level given at creation into a proposal to the officer."""
        decisions = self.browse()
        for record in records:
            data = record.sudo()
            proposer = data.create_uid if self.env.su else self.env.user
            officer = self.env["office.classification.officer"]._officers_for(
                data.secrecy_level
            )[:1]
            decision = self.sudo().create(
                {
                    "kind": "classify",
                    "res_model": record._name,
                    "res_id": record.id,
                    "is_initial": True,
                    "previous_level": "none",
                    "secrecy_level": data.secrecy_level,
                    "release_kind": "condition" if data.secrecy_release else "period",
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
                decision.activity_schedule(
                    "office_secrecy.mail_act_office_classification",
                    user_id=self.env.uid,
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
        today = fields.Date.context_today(self)
        ended = self.sudo().search(
            [
                ("state", "=", "approved"),
                ("is_current", "=", True),
                ("expiry_date", "<=", today),
                ("declassification_id", "=", False),
            ],
            limit=limit,
            order="expiry_date, id",
        )
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
            decision._write_state({"declassification_id": proposal.id})
            if officer:
                proposal.activity_schedule(
                    "office_secrecy.mail_act_office_classification",
                    user_id=officer.id,
                    date_deadline=today,
                    summary=self.env._(
                        "Secrecy period ended: decide the declassification"
                    ),
                )
        self.env["ir.cron"]._notify_progress(done=len(ended), remaining=0)
        return ended.declassification_id

    def _officer_is_valid(self, user):
        try:
            self._check_officer(user)
        except UserError:
            return False
        return True

    # ------------------------------------------------------------------
    # Demo data
    # ------------------------------------------------------------------

    @api.model
    def _demo_register_existing(self):
        """Register the classified records of the installed modules as
        decided by the statutory officer; the oldest one's period is over so
        that the declassification proposal shows (demo data)."""
        decisions = self.browse()
        for model_name, _label in self._selection_target_models():
            records = self.env[model_name].sudo().search([("secrecy_rank", ">", 0)])
            for record in records:
                if self.search_count(
                    [("res_model", "=", model_name), ("res_id", "=", record.id)]
                ):
                    continue
                decisions |= self._propose_initial(record)
        decisions.filtered(lambda d: d.state == "to_approve")._demo_decide()
        approved = decisions.filtered(lambda d: d.state == "approved")
        if approved:
            oldest = approved.sorted("id")[:1]
            oldest._write_state(
                {"expiry_date": fields.Date.context_today(self) - relativedelta(days=1)}
            )
            self._cron_propose_declassification()
        return decisions
