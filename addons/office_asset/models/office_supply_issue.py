from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.translate import LazyTranslate

from odoo.addons.office_base.models.office_workflow_mixin import TRANSITION
from odoo.addons.office_base.tools import is_granted

from .office_asset import MANAGER

_lt = LazyTranslate(__name__)


class OfficeSupplyIssue(models.Model):
    """Supplies issued to a department, recorded (002 财务财物管理制度 三):
    an asset manager issues them; nothing is issued that is not on hand."""

    _name = "office.supply.issue"
    _description = "Office Supply Issue"
    _inherit = ["office.workflow.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True
    _workflow_sequence_code = "office.supply.issue"
    _workflow_transitions = {
        "issue": {
            "from": ("draft",),
            "to": "issued",
            "groups": (MANAGER,),
            "label": _lt("issued"),
        },
        "cancel": {
            "from": ("draft",),
            "to": "cancel",
            "groups": (MANAGER,),
            "label": _lt("cancelled"),
        },
    }
    _workflow_locked_fields = ("department_id", "recipient_id", "date", "company_id")

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    department_id = fields.Many2one("hr.department", required=True, index=True)
    recipient_id = fields.Many2one("hr.employee", string="Received by", required=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    line_ids = fields.One2many(
        "office.supply.issue.line", "issue_id", string="Supplies"
    )
    state = fields.Selection(
        [("draft", "Draft"), ("issued", "Issued"), ("cancel", "Cancelled")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )

    @api.onchange("recipient_id")
    def _onchange_recipient_id(self):
        if self.recipient_id.department_id:
            self.department_id = self.recipient_id.department_id

    def _office_check_lines_editable(self):
        if is_granted(TRANSITION, self):
            return
        if any(issue.state != "draft" for issue in self):
            raise UserError(self.env._("An issue is never changed once recorded."))

    def action_issue(self):
        return self._workflow_run("issue")

    def action_cancel(self):
        return self._workflow_run("cancel")

    def _check_can_issue(self):
        # what other issues took since it was read
        self.line_ids.item_id.invalidate_recordset(["qty_on_hand"])
        for issue in self:
            if not issue.line_ids:
                raise UserError(self.env._("List the supplies issued."))
            wanted = defaultdict(float)
            for line in issue.line_ids:
                wanted[line.item_id] += line.quantity
            for item, quantity in wanted.items():
                if quantity > item.qty_on_hand:
                    raise UserError(
                        self.env._(
                            "Only %(qty)s %(unit)s of “%(item)s” are on hand.",
                            qty=item.qty_on_hand,
                            unit=item.unit,
                            item=item.name,
                        )
                    )
