from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

TRIP_STATES = [
    ("draft", "Draft"),
    ("to_approve", "To approve"),
    ("approved", "Approved"),
    ("travelling", "Abroad"),
    ("returned", "Returned"),
    ("refused", "Refused"),
    ("cancel", "Cancelled"),
]


class OfficeSecrecyTrip(models.Model):
    """A trip abroad of a cleared person (涉密人员出境): approved by the
    principal leader, then a pre-trip secrecy briefing (行前保密提醒) recorded
    before departure, and a debriefing on return."""

    _name = "office.secrecy.trip"
    _description = "Trip Abroad of a Cleared Person"
    _inherit = ["office.secrecy.workflow.mixin"]
    _order = "date_from desc, id desc"
    _check_company_auto = True
    _workflow_locked_fields = (
        "person_id",
        "destination",
        "purpose",
        "date_from",
        "date_to",
        "company_id",
    )

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

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for trip in self:
            if trip.date_to < trip.date_from:
                raise ValidationError(
                    self.env._("The return comes after the departure.")
                )

    def action_record_briefing(self):
        """The secrecy office records the pre-trip briefing it gave."""
        if not self._is_secrecy_office():
            raise UserError(self.env._("The secrecy office gives the briefing."))
        for trip in self:
            if trip.state != "approved":
                raise UserError(
                    self.env._("The briefing is given once the trip is approved.")
                )
            if not (trip.briefing_note or "").strip():
                raise UserError(self.env._("Write down what the briefing covered."))
            trip._write_state(
                {
                    "briefing_date": fields.Date.context_today(self),
                    "briefing_by_id": self.env.user.id,
                }
            )
        return True

    def action_depart(self):
        for trip in self:
            if trip.state != "approved":
                raise UserError(self.env._("Only an approved trip departs."))
            if not trip.briefing_date or trip.briefing_date > trip.date_from:
                raise UserError(
                    self.env._(
                        "%(user)s has not received the pre-trip secrecy briefing.",
                        user=trip.user_id.name,
                    )
                )
        self._write_state({"state": "travelling"})
        return True

    def action_return(self):
        for trip in self:
            if trip.state != "travelling":
                raise UserError(self.env._("Only a trip under way can end."))
            if not (trip.debriefing_note or "").strip():
                raise UserError(
                    self.env._("Record the debriefing: contacts, incidents, materials.")
                )
        self._write_state({"state": "returned"})
        return True
