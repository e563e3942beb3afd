from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.translate import LazyTranslate

from .office_asset import MANAGER

_lt = LazyTranslate(__name__)


class OfficeStaffMove(models.Model):
    """A member of staff leaving or moving to another post (离岗、调动): the
    assets, seals, keys, archive loans and secret carriers he holds are
    handed over before the move is completed. The checklist is gathered from
    ``office.handover.source`` (fed by each installed addon) and from
    ``hr.employee._office_handover_counts``; ``done`` is refused while
    anything is still held.

    Rights: asset managers and the office director record and complete
    moves; the person concerned reads his own."""

    _name = "office.staff.move"
    _description = "Staff Move Hand-over"
    _inherit = ["office.workflow.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True
    _workflow_sequence_code = "office.staff.move"
    _workflow_transitions = {
        "start": {
            "from": ("draft",),
            "to": "handover",
            "groups": (MANAGER,),
            "label": _lt("started"),
        },
        "done": {
            "from": ("handover",),
            "to": "done",
            "groups": (MANAGER,),
            "label": _lt("completed"),
        },
        "cancel": {
            "from": ("draft", "handover"),
            "to": "cancel",
            "groups": (MANAGER,),
            "reason": True,
            "label": _lt("cancelled"),
        },
    }
    _workflow_locked_fields = ("employee_id", "kind", "company_id")

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    employee_id = fields.Many2one("hr.employee", required=True, index=True)
    user_id = fields.Many2one(related="employee_id.user_id", store=True, string="User")
    department_id = fields.Many2one(related="employee_id.department_id", string="From")
    kind = fields.Selection(
        [
            ("leave", "Leaving the agency"),
            ("transfer", "Moving to another post"),
            ("retire", "Retirement"),
        ],
        required=True,
        default="transfer",
    )
    new_department_id = fields.Many2one("hr.department", string="To")
    date = fields.Date(required=True, default=fields.Date.context_today)
    line_ids = fields.One2many("office.staff.move.line", "move_id", string="Hand-over")
    held_count = fields.Integer(string="Still held", compute="_compute_held_count")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("handover", "Handing over"),
            ("done", "Done"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )

    @api.depends("line_ids.held_count")
    def _compute_held_count(self):
        for move in self:
            move.held_count = sum(move.line_ids.mapped("held_count"))

    def action_start(self):
        return self._workflow_run("start")

    def action_check(self):
        """Check again what the person still holds."""
        self.check_access("write")
        self._office_refresh_lines()
        return True

    def action_done(self):
        return self._workflow_run("done")

    def action_cancel(self, reason=None):
        """Without a reason the web client asks for it (office.reason.wizard);
        an RPC caller passes reason=…"""
        return self._workflow_run("cancel", reason=reason)

    def _office_refresh_lines(self):
        for move in self:
            counts = move.employee_id._office_handover_counts()
            move.line_ids.sudo().unlink()
            self.env["office.staff.move.line"].sudo().create(
                [
                    {"move_id": move.id, "source_id": source.id, "held_count": count}
                    for source, count in counts.items()
                ]
            )

    def _check_can_start(self):
        if any(not move.user_id for move in self):
            # without a user nothing can be held: the checklist is empty
            return

    def _do_start(self):
        self._office_refresh_lines()
        self._workflow_set_state("start")

    def _check_can_done(self):
        self._office_refresh_lines()
        for move in self:
            held = move.line_ids.filtered("held_count")
            if held:
                raise UserError(
                    self.env._(
                        "%(person)s still holds %(items)s: the move is completed once "
                        "everything is handed over.",
                        person=move.employee_id.name,
                        items="、".join(
                            f"{line.name} × {line.held_count}" for line in held
                        ),
                    )
                )
