from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from odoo.addons.office_base.models.office_request_mixin import request_transitions

_lt = LazyTranslate(__name__)

DISPATCHER = "office_fleet.group_fleet_dispatcher"


class OfficeFleetStandin(models.Model):
    """A stand-in driver (代驾审批), after 002 公车管理制度 四: the official
    cars are driven by the full-time drivers; while one is on leave, a
    qualified member of staff drives in his place once the leader in charge
    has been asked and the principal leader (局长) has approved. The two
    steps are ``tier.definition`` records; a stand-in is dispatched only
    within an approved period.

    Rights: a dispatcher (or the office director) asks, cancels and resets
    to draft; the reviewers approve or refuse (tier.review)."""

    _name = "office.fleet.standin"
    _description = "Stand-in Driver"
    _inherit = ["office.workflow.mixin", "office.approval.mixin"]
    _order = "date_from desc, id desc"
    _check_company_auto = True
    _state_from = ["to_approve"]
    _state_to = ["approved"]
    _cancel_state = "cancel"
    _workflow_sequence_code = "office.fleet.standin"
    _workflow_owner_field = "applicant_id"
    _workflow_owner_groups = (DISPATCHER, "office_base.group_office_director")
    _workflow_transitions = request_transitions(
        submit={"label": _lt("submitted")},
        approve={"label": _lt("approved")},
        refuse={"label": _lt("refused")},
        cancel={"label": _lt("cancelled")},
    )
    _workflow_locked_fields = (
        "driver_id",
        "standin_id",
        "date_from",
        "date_to",
        "reason",
        "leader_id",
        "company_id",
    )

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    applicant_id = fields.Many2one(
        "res.users",
        string="Asked by",
        required=True,
        default=lambda self: self.env.user,
    )
    driver_id = fields.Many2one(
        "hr.employee",
        string="Full-time driver",
        required=True,
        tracking=True,
        help="The full-time driver who is away (公休假等).",
    )
    standin_id = fields.Many2one(
        "hr.employee",
        string="Stand-in driver",
        required=True,
        tracking=True,
        help="A qualified member of staff (有资质的干部职工) with a valid licence.",
    )
    date_from = fields.Date(string="From", required=True, tracking=True)
    date_to = fields.Date(string="Until", required=True, tracking=True)
    reason = fields.Char(string="Why the driver is away", required=True)
    leader_id = fields.Many2one(
        "res.users",
        string="Leader in charge",
        required=True,
        tracking=True,
        domain=lambda self: [
            ("groups_id", "in", self.env.ref("office_base.group_office_leader").id)
        ],
        help="002 公车管理制度 四: 需报分管领导并由局长批准.",
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("to_approve", "To approve"),
            ("approved", "Approved"),
            ("refused", "Refused"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )

    @api.depends("name", "standin_id")
    def _compute_display_name(self):
        for standin in self:
            standin.display_name = " ".join(
                p for p in (standin.name, standin.sudo().standin_id.name) if p
            )

    @api.constrains("date_from", "date_to", "driver_id", "standin_id")
    def _check_period(self):
        for standin in self:
            if standin.date_to < standin.date_from:
                raise ValidationError(
                    self.env._("The stand-in ends after it starts: check the dates.")
                )
            if standin.driver_id == standin.standin_id:
                raise ValidationError(
                    self.env._("A driver does not stand in for himself.")
                )

    @api.constrains("leader_id")
    def _check_leader(self):
        leaders = self.env.ref("office_base.group_office_leader")
        for standin in self:
            if leaders not in standin.leader_id.groups_id:
                raise ValidationError(
                    self.env._(
                        "%(user)s is not a leader of the agency.",
                        user=standin.leader_id.name,
                    )
                )

    def action_submit(self):
        return self._workflow_run("submit")

    def action_cancel(self):
        return self._workflow_run("cancel")

    def action_draft(self):
        return self._workflow_run("draft")

    def _check_can_submit(self):
        for standin in self:
            if not standin.standin_id._office_licence_valid_on(standin.date_to):
                raise UserError(
                    self.env._(
                        "%(driver)s has no valid driving licence for the stand-in.",
                        driver=standin.sudo().standin_id.name,
                    )
                )

    @api.model
    def _approved_for(self, employee, date_from, date_to, company):
        """The approved stand-in of `employee` covering the whole period."""
        return self.sudo().search(
            [
                ("standin_id", "=", employee.id),
                ("state", "=", "approved"),
                ("company_id", "=", company.id),
                ("date_from", "<=", date_from),
                ("date_to", ">=", date_to),
            ],
            limit=1,
        )
