from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from odoo.addons.office_base.models.office_request_mixin import request_transitions

_lt = LazyTranslate(__name__)

TRIP_STATES = [
    ("draft", "Draft"),
    ("to_approve", "To approve"),
    ("approved", "Approved"),
    ("travelling", "Abroad"),
    ("returned", "Returned"),
    ("refused", "Refused"),
    ("cancel", "Cancelled"),
]
OFFICE = "office_secrecy.group_secrecy_office"


class OfficeSecrecyTrip(models.Model):
    """A trip abroad of a cleared person (涉密人员出境): approved by the
    principal leader (``tier.definition``), then a pre-trip secrecy briefing
    (行前保密提醒) recorded by the secrecy office before departure, and a
    debriefing on return.

    Rights: the traveller or whoever drafted the trip submits, cancels,
    departs and returns; the reviewers of the approval steps decide; the
    secrecy office records the briefing and may do all but deciding."""

    _name = "office.secrecy.trip"
    _description = "Trip Abroad of a Cleared Person"
    _inherit = [
        "office.workflow.mixin",
        "office.approval.mixin",
        "mail.activity.mixin",
    ]
    _order = "date_from desc, id desc"
    _check_company_auto = True
    _state_from = ["to_approve"]
    _state_to = ["approved"]
    _cancel_state = "cancel"
    _workflow_sequence_code = "office.secrecy.trip"
    _workflow_locked_fields = (
        "person_id",
        "destination",
        "purpose",
        "date_from",
        "date_to",
        "company_id",
        "briefing_date",
        "briefing_by_id",
    )
    _office_refuse_reason_field = "refuse_reason"
    _workflow_transitions = request_transitions(
        # the traveller, whoever registered the trip, or the secrecy office
        # (_check_is_traveller_or_office)
        submit={"owner": False},
        cancel={"from": ("draft", "to_approve", "refused"), "owner": False},
        draft={"owner": False},
        brief={
            "from": ("approved",),
            "to": "approved",
            "groups": (OFFICE,),
            "label": _lt("record the briefing of"),
        },
        depart={"from": ("approved",), "to": "travelling", "label": _lt("depart")},
        **{"return": {"from": ("travelling",), "to": "returned", "label": _lt("end")}},
    )

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    refuse_reason = fields.Text(string="Reason of refusal", readonly=True, copy=False)

    person_id = fields.Many2one(
        "office.secrecy.person",
        string="Cleared person",
        required=True,
        tracking=True,
        index=True,
        domain=[("state", "in", ("on_post", "decontamination"))],
    )
    user_id = fields.Many2one(related="person_id.user_id", store=True, index=True)
    department_id = fields.Many2one(related="person_id.department_id", store=True)
    secrecy_class = fields.Selection(related="person_id.secrecy_class")
    destination = fields.Char(string="Countries or regions", required=True)
    purpose = fields.Char(required=True)
    date_from = fields.Date(string="Departure", required=True)
    date_to = fields.Date(string="Return", required=True)
    briefing_date = fields.Date(string="Pre-trip briefing on", tracking=True)
    briefing_by_id = fields.Many2one("res.users", string="Briefed by", tracking=True)
    briefing_note = fields.Text(string="Briefing")
    debriefing_note = fields.Text(string="Debriefing on return")
    state = fields.Selection(
        TRIP_STATES,
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )

    @api.depends("name", "user_id", "destination")
    def _compute_display_name(self):
        # the approvals inbox shows who goes where, not only the number
        for trip in self:
            parts = (trip.name, trip.user_id.name, trip.destination)
            trip.display_name = " ".join(p for p in parts if p)

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for trip in self:
            if trip.date_to < trip.date_from:
                raise ValidationError(
                    self.env._("The return comes after the departure.")
                )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_submit(self):
        return self._workflow_run("submit")

    def action_cancel(self):
        return self._workflow_run("cancel")

    def action_draft(self):
        return self._workflow_run("draft")

    def action_record_briefing(self):
        """The secrecy office records the pre-trip briefing it gave."""
        return self._workflow_run("brief")

    def action_depart(self):
        return self._workflow_run("depart")

    def action_return(self):
        return self._workflow_run("return")

    # ------------------------------------------------------------------
    # Transitions
    # ------------------------------------------------------------------

    def _check_is_traveller_or_office(self):
        if self.env.user.has_group(OFFICE):
            return
        for trip in self:
            if self.env.user not in trip.user_id | trip.create_uid:
                raise AccessError(
                    self.env._(
                        "Only the traveller or the secrecy office acts on “%(trip)s”.",
                        trip=trip.display_name,
                    )
                )

    def _check_can_submit(self):
        self._check_is_traveller_or_office()

    def _check_can_cancel(self):
        self._check_is_traveller_or_office()

    def _check_can_draft(self):
        self._check_is_traveller_or_office()

    def _check_can_brief(self):
        if any(not (trip.briefing_note or "").strip() for trip in self):
            raise UserError(self.env._("Write down what the briefing covered."))

    def _do_brief(self):
        return self._workflow_set_state(
            "brief",
            {
                "briefing_date": self._workflow_today(),
                "briefing_by_id": self.env.user.id,
            },
        )

    def _check_can_depart(self):
        self._check_is_traveller_or_office()
        for trip in self:
            if not trip.briefing_date or trip.briefing_date > trip.date_from:
                raise UserError(
                    self.env._(
                        "%(user)s has not received the pre-trip secrecy briefing.",
                        user=trip.user_id.name,
                    )
                )

    def _check_can_return(self):
        self._check_is_traveller_or_office()
        if any(not (trip.debriefing_note or "").strip() for trip in self):
            raise UserError(
                self.env._("Record the debriefing: contacts, incidents, materials.")
            )
