from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from ..tools import granted, is_granted

TRANSITION = "office_workflow_transition"


class OfficeWorkflowMixin(models.AbstractModel):
    """The workflow kernel of the suite: a request or register entry with
    states, configured by class attributes as OCA ``tier.validation`` is.

    ``_workflow_transitions`` maps each verb to its rule::

        _workflow_transitions = {
            "submit": {"from": ("draft",), "to": "to_approve"},
            "cancel": {
                "from": ("draft", "to_approve"),
                "to": "cancel",
                "groups": ("office_base.group_office_director",),
                "reason": True,
            },
        }

    - ``from``: the states the verb starts from; ``to``: the state it ends in;
    - ``groups`` (optional): the acting user must be in one of them;
    - ``owner`` (optional): the acting user must be the record's owner
      (``_workflow_owner_field``, e.g. the applicant) or in one of
      ``_workflow_owner_groups`` (the office director by default);
    - ``reason`` (optional): the verb needs a reason, asked by
      ``office.reason.wizard`` and posted in the chatter;
    - ``label`` (optional, ``LazyTranslate``): the verb in messages.

    Each button is ``action_<verb>`` (one line: ``return
    self._workflow_run("<verb>")``) → ``_workflow_run`` checks read access,
    the from-state, the groups and ``_check_can_<verb>(**kwargs)`` (the
    record-level rule, raising ``UserError``) for the acting user, then runs
    ``_do_<verb>(**kwargs)`` — or only moves the state — and ends with one
    ``activity_update()``. Being superuser skips none of it.

    The state changes only inside a transition (``_workflow_set_state``): a
    direct ``write``/``create`` of the state field is refused to everyone,
    admin and superuser included, and so are writes to
    ``_workflow_locked_fields`` outside ``_workflow_editable_states``.
    Code that must act without a user (a cron, a bridge) calls
    ``_workflow_run(verb, ...)`` itself, as the user it acts for; no context
    key changes any of this.

    Also here: the deletion guard (``_workflow_deletable_states``), the
    reference number from ``ir.sequence`` (``_workflow_sequence_code``), the
    activity each state gives to whom (``_workflow_activities``: state →
    (activity type xmlid, method returning the users)), and the reminder
    helper of the crons (``office.reminder.mixin``)."""

    _name = "office.workflow.mixin"
    _inherit = ["mail.thread", "office.reminder.mixin"]
    _description = "Office Workflow"

    _workflow_state_field = "state"
    _workflow_transitions = {}
    _workflow_editable_states = ("draft",)
    _workflow_locked_fields = ()
    _workflow_deletable_states = ("draft", "cancel")
    _workflow_sequence_code = None
    _workflow_activities = {}
    _workflow_owner_field = "applicant_id"
    _workflow_owner_groups = ("office_base.group_office_director",)

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        state_field = self._workflow_state_field
        initial = (
            self._fields[state_field].default(self)
            if state_field in self._fields
            else None
        )
        if not is_granted(TRANSITION):
            for vals in vals_list:
                if vals.get(state_field, initial) != initial:
                    raise UserError(
                        self.env._(
                            "A new %(kind)s starts as “%(state)s”: its state then "
                            "changes only through its actions.",
                            kind=self._workflow_kind(),
                            state=self._workflow_state_label(initial),
                        )
                    )
        if self._workflow_sequence_code:
            for vals in vals_list:
                if vals.get("name", "/") in ("/", False, None):
                    vals["name"] = (
                        self.env["ir.sequence"].next_by_code(
                            self._workflow_sequence_code
                        )
                        or "/"
                    )
        records = super().create(vals_list)
        records.activity_update()
        return records

    def write(self, vals):
        if not is_granted(TRANSITION, self):
            self._workflow_check_write(vals)
        return super().write(vals)

    def _workflow_check_write(self, vals):
        state_field = self._workflow_state_field
        if state_field in vals:
            raise UserError(
                self.env._(
                    "The state of %(kind)s changes only through its actions.",
                    kind=self._workflow_kind(),
                )
            )
        locked = set(vals) & set(self._workflow_locked_fields)
        if not locked:
            return
        frozen = self.filtered(
            lambda r: r[state_field] not in self._workflow_editable_states
        )
        if frozen:
            raise UserError(
                self.env._(
                    "%(record)s can no longer be changed in the state “%(state)s”.",
                    record=frozen[:1].display_name,
                    state=self._workflow_state_label(frozen[:1][state_field]),
                )
            )

    def _office_frozen_attachment_records(self):
        """The records among ``self`` whose files may no longer be replaced
        or deleted (``ir.attachment``); none by default."""
        return self.browse()

    @api.ondelete(at_uninstall=False)
    def _unlink_except_in_progress(self):
        state_field = self._workflow_state_field
        started = self.filtered(
            lambda r: r[state_field] not in self._workflow_deletable_states
        )
        if started:
            raise UserError(
                self.env._(
                    "%(record)s is “%(state)s”: only %(states)s records can be "
                    "deleted.",
                    record=started[:1].display_name,
                    state=self._workflow_state_label(started[:1][state_field]),
                    states="/".join(
                        self._workflow_state_label(s)
                        for s in self._workflow_deletable_states
                    ),
                )
            )

    # ------------------------------------------------------------------
    # Transitions
    # ------------------------------------------------------------------

    def _workflow_run(self, verb, **kwargs):
        """Run the transition `verb` on these records for the current user."""
        spec = self._workflow_spec(verb)
        self.check_access("read")
        self._workflow_check_from(verb, spec)
        self._workflow_check_groups(verb, spec)
        if spec.get("owner"):
            self._workflow_check_owner(verb)
        reason = kwargs.get("reason")
        if reason is not None and not isinstance(reason, str):
            raise UserError(self.env._("A reason is a text."))
        if spec.get("reason") and not (reason or "").strip():
            # the web client asks for it; an RPC caller passes reason=...
            return self._workflow_reason_action(verb)
        check = getattr(self, f"_check_can_{verb}", None)
        if check:
            check(**kwargs)
        # what the step writes for people is in their language, not the caller's
        records = self._workflow_in_user_lang()
        do = getattr(records, f"_do_{verb}", None)
        result = do(**kwargs) if do else records._workflow_set_state(verb, **kwargs)
        # the transition may take the record out of the acting user's reach
        # (a document returned to the office): its activities follow anyway
        self.sudo().activity_update()
        return True if result is None else result

    def _workflow_lang_missing(self):
        return not self.env.context.get("lang") and bool(self.env.user.lang)

    def _workflow_in_user_lang(self):
        """An XML-RPC caller sends no language: what the workflow writes for
        people to read later (chatter, tracked states, the step's records) is
        then in the acting user's language, as the web client writes it; its
        refusals stay in the caller's. Unchanged when the caller sent one."""
        if not self._workflow_lang_missing():
            return self
        return self.with_context(lang=self.env.user.lang)

    def _creation_message(self):
        records = self._workflow_in_user_lang()
        return super(OfficeWorkflowMixin, records)._creation_message()

    def _track_finalize(self):
        records = self._workflow_in_user_lang()
        return super(OfficeWorkflowMixin, records)._track_finalize()

    def _workflow_spec(self, verb):
        spec = self._workflow_transitions.get(verb)
        if spec is None:
            raise UserError(
                self.env._(
                    "%(kind)s has no action “%(verb)s”.",
                    kind=self._workflow_kind(),
                    verb=verb,
                )
            )
        return spec

    def _workflow_check_from(self, verb, spec):
        state_field = self._workflow_state_field
        wrong = self.filtered(lambda r: r[state_field] not in spec["from"])
        if wrong:
            raise UserError(
                self.env._(
                    "%(record)s is “%(state)s”: it cannot be %(verb)s now.",
                    record=wrong[:1].display_name,
                    state=self._workflow_state_label(wrong[:1][state_field]),
                    verb=self._workflow_verb_label(verb),
                )
            )

    def _workflow_check_groups(self, verb, spec):
        groups = spec.get("groups")
        if groups and not any(self.env.user.has_group(g) for g in groups):
            raise AccessError(
                self.env._(
                    "You may not %(verb)s %(kind)s.",
                    verb=self._workflow_verb_label(verb),
                    kind=self._workflow_kind(),
                )
            )

    def _workflow_check_owner(self, verb):
        user = self.env.user
        if any(user.has_group(g) for g in self._workflow_owner_groups):
            return
        owner_field = self._workflow_owner_field
        if any(record[owner_field] != user for record in self):
            raise AccessError(
                self.env._(
                    "Only the %(owner)s may %(verb)s %(kind)s.",
                    owner=self._fields[owner_field]._description_string(self.env),
                    verb=self._workflow_verb_label(verb),
                    kind=self._workflow_kind(),
                )
            )

    def _workflow_set_state(self, verb, vals=None, reason=None, **_kwargs):
        """Move the records to the target state of `verb`, with `vals`
        written in the same step, and post the reason if one was given."""
        spec = self._workflow_spec(verb)
        values = dict(vals or {}, **{self._workflow_state_field: spec["to"]})
        with granted(TRANSITION, self):
            # the acting user passed the checks above; the write itself may
            # need rights the user lacks on purpose (a reviewer approving), and
            # tier.validation's lock of a record under review does not apply
            # to the transition that ends the review
            self.sudo().with_context(skip_validation_check=True).write(values)
        if reason:
            for record in self:
                record.sudo().message_post(
                    body=self.env._(
                        "%(verb)s by %(user)s: %(reason)s",
                        verb=self._workflow_verb_label(verb),
                        user=self.env.user.name,
                        reason=reason,
                    ),
                    subtype_xmlid="mail.mt_note",
                )
        return True

    # ------------------------------------------------------------------
    # Reason wizard
    # ------------------------------------------------------------------

    def _workflow_reason_action(self, verb):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self._workflow_verb_label(verb),
            "res_model": "office.reason.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_res_model": self._name,
                "default_res_id": self.id,
                "default_verb": verb,
            },
        }

    # ------------------------------------------------------------------
    # Activities
    # ------------------------------------------------------------------

    def activity_update(self):
        """Give the activity of each record's state to its users, and mark
        done those of the states it left."""
        if not self._workflow_activities:
            return
        state_field = self._workflow_state_field
        for record in self:
            wanted = self._workflow_activities.get(record[state_field])
            for state, (xmlid, _users) in self._workflow_activities.items():
                if wanted and xmlid == wanted[0]:
                    continue
                if state != record[state_field]:
                    record.sudo().activity_feedback([xmlid])
            if wanted:
                xmlid, users_method = wanted
                users = getattr(record, users_method)()
                record._office_schedule_missing(xmlid, users)

    # ------------------------------------------------------------------
    # Labels
    # ------------------------------------------------------------------

    @api.model
    def _workflow_kind(self):
        # the name of the kind of record, never a record's: nothing classified
        model = self.env["ir.model"].sudo()._get(self._name)
        return model.name or self._description

    @api.model
    def _workflow_state_label(self, state):
        selection = self._fields[self._workflow_state_field]._description_selection(
            self.env
        )
        return dict(selection).get(state, state or "")

    @api.model
    def _workflow_verb_label(self, verb):
        label = self._workflow_transitions.get(verb, {}).get("label")
        return str(label) if label else verb

    def _workflow_today(self):
        return self.env["office.calendar"].today(
            self.company_id if "company_id" in self._fields and len(self) == 1 else None
        )

    @api.model
    def _workflow_now(self):
        return fields.Datetime.now()
