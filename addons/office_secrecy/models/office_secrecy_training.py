from odoo import api, fields, models
from odoo.exceptions import UserError


class OfficeSecrecyTraining(models.Model):
    """A secrecy training of the yearly plan (保密教育培训计划) and its
    attendance.

    Rights: the secrecy office plans, holds and cancels trainings; the
    people read theirs."""

    _name = "office.secrecy.training"
    _description = "Secrecy Training"
    _inherit = ["office.workflow.mixin", "mail.activity.mixin"]
    _workflow_deletable_states = ("planned", "cancel")
    _workflow_transitions = {
        "done": {
            "from": ("planned",),
            "to": "done",
            "groups": ("office_secrecy.group_secrecy_office",),
        },
        "cancel": {
            "from": ("planned",),
            "to": "cancel",
            "groups": ("office_secrecy.group_secrecy_office",),
        },
    }
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Subject", required=True, tracking=True)
    year = fields.Integer(
        required=True,
        default=lambda self: self.env["office.calendar"].today().year,
    )
    date = fields.Date(required=True, tracking=True)
    trainer = fields.Char()
    hours = fields.Float(default=2.0)
    kind = fields.Selection(
        [
            ("yearly", "Yearly training"),
            ("on_post", "Before taking a post"),
            ("special", "Special training"),
        ],
        required=True,
        default="yearly",
    )
    attendance_ids = fields.One2many(
        "office.secrecy.training.attendance", "training_id"
    )
    attended_count = fields.Integer(compute="_compute_attended_count")
    state = fields.Selection(
        [("planned", "Planned"), ("done", "Held"), ("cancel", "Cancelled")],
        default="planned",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    @api.depends("attendance_ids.attended")
    def _compute_attended_count(self):
        for training in self:
            training.attended_count = len(training.attendance_ids.filtered("attended"))

    def action_invite_register(self):
        """Invite every cleared person on post."""
        for training in self:
            people = (
                self.env["office.secrecy.person"].search(
                    [
                        ("state", "=", "on_post"),
                        ("company_id", "=", training.company_id.id),
                    ]
                )
                - training.attendance_ids.person_id
            )
            training.write(
                {
                    "attendance_ids": [
                        fields.Command.create({"person_id": person.id})
                        for person in people
                    ]
                }
            )
        return True

    def action_done(self):
        return self._workflow_run("done")

    def action_cancel(self):
        return self._workflow_run("cancel")

    def _check_can_done(self):
        for training in self:
            if not training.attendance_ids.filtered("attended"):
                raise UserError(self.env._("Tick who attended the training."))
