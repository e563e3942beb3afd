from odoo import fields, models
from odoo.exceptions import UserError


class OfficeSecrecyInspection(models.Model):
    """A secrecy inspection (保密检查), routine or special, with its findings
    and the rectification notices they lead to.

    Rights: the secrecy office only (access rules)."""

    _name = "office.secrecy.inspection"
    _description = "Secrecy Inspection"
    _inherit = ["office.workflow.mixin", "mail.activity.mixin"]
    _workflow_deletable_states = ("draft",)
    _workflow_transitions = {
        "start": {
            "from": ("draft",),
            "to": "in_progress",
            "groups": ("office_secrecy.group_secrecy_office",),
        },
        "done": {
            "from": ("in_progress",),
            "to": "done",
            "groups": ("office_secrecy.group_secrecy_office",),
        },
    }
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    kind = fields.Selection(
        [("routine", "Routine"), ("special", "Special")],
        required=True,
        default="routine",
        tracking=True,
    )
    date = fields.Date(
        required=True, default=lambda self: self.env["office.calendar"].today()
    )
    department_ids = fields.Many2many("hr.department", string="Departments inspected")
    inspector_ids = fields.Many2many("res.users", string="Inspectors")
    scope = fields.Text()
    finding_ids = fields.One2many(
        "office.secrecy.inspection.finding", "inspection_id", string="Findings"
    )
    open_finding_count = fields.Integer(compute="_compute_open_finding_count")
    state = fields.Selection(
        [("draft", "Planned"), ("in_progress", "In progress"), ("done", "Closed")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    def _compute_open_finding_count(self):
        for inspection in self:
            inspection.open_finding_count = len(
                inspection.finding_ids.filtered(lambda f: f.state != "rectified")
            )

    def action_start(self):
        return self._workflow_run("start")

    def action_done(self):
        return self._workflow_run("done")

    def _check_can_done(self):
        for inspection in self:
            if inspection.finding_ids.filtered(lambda f: f.state == "draft"):
                raise UserError(
                    self.env._(
                        "Issue the rectification notice of every finding before "
                        "closing the inspection."
                    )
                )
