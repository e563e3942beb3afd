import datetime
from urllib.parse import urlencode

import pytz

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.office_base.models.office_workflow_mixin import TRANSITION
from odoo.addons.office_base.tools import granted, is_granted

# the purpose of the guarded writes of the fields the workflow owns, outside a
# state change (a registration number, a normative review, copy numbers)
WORKFLOW = "office_docs_workflow"


class OfficeDocumentMixin(models.AbstractModel):
    """What incoming and outgoing documents share: the workflow kernel of
    office_base, the guard of the fields the workflow owns, chatter notes,
    activities, need-to-know grants and Beijing-time helpers.

    The state changes only through the transitions of the kernel
    (``_workflow_run`` → ``_check_can_<verb>`` → ``_do_<verb>``); the other
    fields the workflow owns are written in the same step
    (``_workflow_set_state(verb, vals)``) or, outside a state change, by
    ``_office_write`` inside a ``granted`` block (no context key and no
    superuser environment lets a caller write them)."""

    _name = "office.document.mixin"
    _inherit = ["office.workflow.mixin"]
    _description = "Official Document Mixin"

    # fields only the workflow may write
    _office_workflow_fields = ("state",)
    # workflow fields a user may still fill in when creating a record
    _office_create_allowed = ()

    office_user_is_clerk = fields.Boolean(
        compute="_compute_office_user_is_clerk", string="Office clerk"
    )

    @api.depends_context("uid")
    @api.depends("state")  # a dependency, so that new records compute it
    def _compute_office_user_is_clerk(self):
        is_clerk = self.env.user.has_group("office_base.group_office_clerk")
        for record in self:
            record.office_user_is_clerk = is_clerk

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        if not self._office_workflow_granted():
            self._office_check_create_vals(vals_list)
        return super().create(vals_list)

    @api.model
    def _office_check_create_vals(self, vals_list):
        """A new document carries no value of the fields its workflow owns
        (the state itself is guarded by the kernel)."""
        owned = set(self._office_workflow_fields) - set(self._office_create_allowed)
        owned.discard("state")
        for vals in vals_list:
            for name in owned & set(vals):
                if vals[name] in (False, None, "/"):
                    continue
                self._office_raise_workflow_fields({name})

    def write(self, vals):
        if not self._office_workflow_granted():
            owned = set(vals) & set(self._office_workflow_fields) - {"state"}
            if owned:
                self._office_raise_workflow_fields(owned)
        return super().write(vals)

    def _office_workflow_granted(self):
        """Whether a transition or a guarded workflow write runs on these."""
        return is_granted(TRANSITION, self) or is_granted(WORKFLOW, self)

    def _office_raise_workflow_fields(self, names):
        raise UserError(
            self.env._(
                "These fields change only through the workflow buttons: %(fields)s.",
                fields=", ".join(
                    self._fields[name].get_description(self.env)["string"]
                    for name in sorted(names)
                ),
            )
        )

    # states shown on the kanban board only when documents are in them
    _office_final_states = ()

    @api.model
    def _group_expand_states(self, states, domain):
        """For the office, every step of the workflow is a column of the
        board, in order. Other people see only the steps their documents are
        in: on a phone the board opens on a column with cards, not on an
        empty first step."""
        show_all = self._office_is_clerk()
        return [
            key
            for key, _label in self._fields["state"].selection
            if key in states or (show_all and key not in self._office_final_states)
        ]

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------

    def _office_write(self, vals):
        """Write fields the workflow owns outside a state change (after the
        caller has checked the rights); never the state."""
        if self._workflow_state_field in vals:
            raise UserError(
                self.env._("The state changes only through the workflow actions.")
            )
        with granted(WORKFLOW, self):
            return self.sudo().with_context(skip_validation_check=True).write(vals)

    def _office_run_with_text(self, verb, text, message, **kwargs):
        """Run `verb` with its text (a reason, a result, a note): without
        one the web client asks it (office.reason.wizard); a blank one is
        refused."""
        if text is not None and not text.strip():
            raise UserError(message)
        return self._workflow_run(verb, reason=text, **kwargs)

    def _office_is_clerk(self):
        return self.env.user.has_group("office_base.group_office_clerk")

    def _office_is_director(self):
        return self.env.user.has_group("office_base.group_office_director")

    def _office_check_clerk(self):
        if not self._office_is_clerk():
            raise AccessError(
                self.env._("Only the office clerks can do this on official documents.")
            )

    def _office_check_state(self, states):
        # the steps write as superuser: make sure the user may read these
        self.check_access("read")
        for record in self:
            if record.state not in states:
                state = dict(
                    record._fields["state"]._description_selection(self.env)
                ).get(record.state)
                raise UserError(
                    self.env._(
                        "This is not possible while “%(name)s” is in the state "
                        "“%(state)s”.",
                        name=record.display_name,
                        state=state,
                    )
                )

    def _office_log(self, body):
        """A note in the chatter of each record, by the current user."""
        for record in self:
            record.sudo().message_post(body=body, subtype_xmlid="mail.mt_note")

    def _office_grant_need_to_know(self, users=None, departments=None):
        """Add people and departments to the need-to-know list of the
        classified records among these."""
        classified = self.sudo().filtered(lambda r: r.secrecy_rank)
        vals = {}
        if users:
            vals["need_to_know_user_ids"] = [
                fields.Command.link(user.id) for user in users
            ]
        if departments:
            vals["need_to_know_department_ids"] = [
                fields.Command.link(dep.id) for dep in departments
            ]
        if classified and vals:
            classified._office_write(vals)

    def _office_office_departments(self):
        """The general office: configured on the company, else the
        departments of the current user."""
        company = self.env.company
        if "company_id" in self._fields and self[:1].company_id:
            company = self[:1].company_id
        return (
            company.office_docs_office_department_id
            or self.env.user.office_own_department_ids
        )

    def _office_activities(self, activity_types):
        """The open activities of these types on these records (searched, not
        read from the cache of ``activity_ids``)."""
        return (
            self.env["mail.activity"]
            .sudo()
            .search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", self.ids),
                    ("activity_type_id", "in", activity_types.ids),
                ]
            )
        )

    def _office_schedule(self, act_xmlid, users, date_deadline=None, summary=None):
        """One activity of the type per user and record, unless one is open."""
        for record in self:
            record._office_schedule_missing(
                act_xmlid, users, deadline=date_deadline, summary=summary
            )

    def _office_done(self, act_xmlids, users=None, feedback=None):
        """Mark the open activities of these types done (only those of
        `users` when given)."""
        types = self.env["mail.activity.type"]
        for xmlid in act_xmlids:
            types |= self.env.ref(xmlid)
        activities = self._office_activities(types)
        if users is not None:
            activities = activities.filtered(lambda a: a.user_id in users)
        if activities:
            activities.action_feedback(feedback=feedback or self.env._("Done"))
        self.invalidate_recordset(["activity_ids"])

    # ------------------------------------------------------------------
    # Time
    # ------------------------------------------------------------------

    @api.model
    def _office_tz(self):
        calendar = self.env["office.calendar"]._calendar()
        return pytz.timezone(calendar.tz or "Asia/Shanghai")

    @api.model
    def _office_to_local(self, value):
        """Naive UTC datetime → naive Beijing (calendar) datetime."""
        value = fields.Datetime.to_datetime(value)
        return (
            pytz.utc.localize(value).astimezone(self._office_tz()).replace(tzinfo=None)
        )

    @api.model
    def _office_to_utc(self, value):
        """Naive Beijing (calendar) datetime → naive UTC datetime."""
        return (
            self._office_tz()
            .localize(value)
            .astimezone(pytz.utc)
            .replace(tzinfo=None, microsecond=0)
        )

    @api.model
    def _office_today(self):
        return self._office_to_local(fields.Datetime.now()).date()

    @api.model
    def _office_format_datetime(self, value):
        """'2026-10-08 08:30' in Beijing time, for messages."""
        if not value:
            return ""
        return self._office_to_local(value).strftime("%Y-%m-%d %H:%M")

    def _office_qr_value(self):
        """What the QR code of the slip and the label holds: the address
        that opens the document (a phone camera opens it, the scan field
        reads it)."""
        self.ensure_one()
        base = self.env["ir.config_parameter"].sudo().get_param("web.base.url", "")
        return f"{base}/mail/view?model={self._name}&res_id={self.id}"

    def _office_qr_src(self, size=150):
        """The image address of the QR code, for QWeb reports."""
        self.ensure_one()
        return "/report/barcode/?" + urlencode(
            {
                "barcode_type": "QR",
                "value": self._office_qr_value(),
                "width": size,
                "height": size,
            }
        )

    @api.model
    def _office_format_date_cn(self, value):
        """成文日期 style: 2026年3月5日 (no leading zeros)."""
        if not value:
            return ""
        if isinstance(value, datetime.datetime):
            value = self._office_to_local(value).date()
        return f"{value.year}年{value.month}月{value.day}日"
