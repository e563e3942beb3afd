from odoo import api, fields, models
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)

#: the request every approval workflow of the suite starts from: drafted and
#: submitted by its applicant, decided by the reviewers of its
#: ``tier.definition`` steps, cancelled or reset to draft by the applicant or
#: the office director
REQUEST_TRANSITIONS = {
    "submit": {
        "from": ("draft",),
        "to": "to_approve",
        "owner": True,
        "label": _lt("submit"),
    },
    # run as the deciding reviewer once tier.validation has decided
    "approve": {"from": ("to_approve",), "to": "approved", "label": _lt("approve")},
    "refuse": {"from": ("to_approve",), "to": "refused", "label": _lt("refuse")},
    "cancel": {
        "from": ("draft", "to_approve", "approved"),
        "to": "cancel",
        "owner": True,
        "label": _lt("cancel"),
    },
    "draft": {
        "from": ("refused", "cancel"),
        "to": "draft",
        "owner": True,
        "label": _lt("reset to draft"),
    },
}


def request_transitions(**changes):
    """The standard request transitions with `changes`: a verb mapped to a
    dict updates (or adds) that verb's rule, a verb mapped to None drops it::

        _workflow_transitions = request_transitions(
            refuse={"from": ("to_approve", "approved")},
            dispatch={"from": ("approved",), "to": "dispatched", ...},
        )
    """
    table = {verb: dict(spec) for verb, spec in REQUEST_TRANSITIONS.items()}
    for verb, change in changes.items():
        if change is None:
            table.pop(verb, None)
        else:
            table[verb] = {**table.get(verb, {}), **change}
    return table


class OfficeRequestMixin(models.AbstractModel):
    """A request of a staff member approved through ``tier.definition``
    steps: its reference, company, applicant and department, and the
    standard transitions (``REQUEST_TRANSITIONS``) on the workflow kernel.

    The concrete model declares its ``state`` selection (with at least
    draft, to_approve, approved, refused and cancel), its sequence code and
    any further transitions with ``request_transitions(...)``."""

    _name = "office.request.mixin"
    _description = "Office Request"
    _inherit = ["office.workflow.mixin", "office.approval.mixin"]
    # tier.validation: the approval round runs while the request is to approve
    _state_from = ["to_approve"]
    _state_to = ["approved"]
    _cancel_state = "cancel"
    _workflow_transitions = REQUEST_TRANSITIONS

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    applicant_id = fields.Many2one(
        "res.users",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
        index=True,
    )
    department_id = fields.Many2one(
        "hr.department",
        compute="_compute_department_id",
        store=True,
        readonly=False,
        check_company=True,
    )

    @api.depends("applicant_id")
    def _compute_department_id(self):
        for request in self:
            # the applicant's employee may be out of the acting user's reach
            request.department_id = (
                request.applicant_id.sudo().employee_id.department_id
                or request.department_id
            )

    # ------------------------------------------------------------------
    # Buttons
    # ------------------------------------------------------------------

    def action_submit(self):
        return self._workflow_run("submit")

    def action_cancel(self):
        return self._workflow_run("cancel")

    def action_draft(self):
        return self._workflow_run("draft")
