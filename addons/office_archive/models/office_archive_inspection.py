from odoo import api, fields, models
from odoo.exceptions import UserError

CHECKS = [
    ("fire", "Fire"),
    ("theft", "Theft"),
    ("light", "Light"),
    ("pests", "Pests"),
    ("rodents", "Rodents"),
    ("damp", "Damp"),
    ("heat", "Heat"),
    ("dust", "Dust"),
]


class OfficeArchiveInspection(models.Model):
    """A periodic 八防 inspection of a storage room: fire, theft, light,
    pests, rodents, damp, heat and dust, each found in order or not."""

    _name = "office.archive.inspection"
    _description = "Storage Room Inspection"
    _inherit = ["office.workflow.mixin"]
    _order = "date desc, id desc"
    _workflow_transitions = {"done": {"from": ("draft",), "to": "done"}}

    room_id = fields.Many2one(
        "office.archive.room", string="Storage room", required=True
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    inspector_id = fields.Many2one(
        "res.users", required=True, default=lambda self: self.env.user
    )
    fire_ok = fields.Boolean(string="Fire prevention in order", default=True)
    theft_ok = fields.Boolean(string="Theft prevention in order", default=True)
    light_ok = fields.Boolean(string="Light protection in order", default=True)
    pests_ok = fields.Boolean(string="No pests", default=True)
    rodents_ok = fields.Boolean(string="No rodents", default=True)
    damp_ok = fields.Boolean(string="No damp", default=True)
    heat_ok = fields.Boolean(string="No heat", default=True)
    dust_ok = fields.Boolean(string="No dust", default=True)
    findings = fields.Text()
    measures = fields.Text(string="Measures taken")
    problem_count = fields.Integer(compute="_compute_problem_count", store=True)
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Done")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    company_id = fields.Many2one(related="room_id.company_id", store=True, index=True)

    @api.depends(*(f"{key}_ok" for key, _label in CHECKS))
    def _compute_problem_count(self):
        for inspection in self:
            inspection.problem_count = sum(
                not inspection[f"{key}_ok"] for key, _label in CHECKS
            )

    @api.depends("room_id", "date")
    def _compute_display_name(self):
        for inspection in self:
            inspection.display_name = (
                f"{inspection.room_id.name or ''} {inspection.date or ''}"
            )

    def action_done(self):
        return self._workflow_run("done")

    def _check_can_done(self):
        self.check_access("write")
        for inspection in self:
            if inspection.problem_count and not (inspection.findings or "").strip():
                raise UserError(
                    self.env._("Describe what was found wrong in the room.")
                )

    def _workflow_check_write(self, vals):
        res = super()._workflow_check_write(vals)
        if set(vals) - {"message_main_attachment_id"} and self.filtered(
            lambda i: i.state == "done"
        ):
            raise UserError(self.env._("A finished inspection cannot be changed."))
        return res
