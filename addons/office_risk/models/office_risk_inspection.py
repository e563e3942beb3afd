from odoo import _lt, api, fields, models
from odoo.exceptions import UserError, ValidationError

INSPECTION_KINDS = [
    ("self", "Self-check"),
    ("spot", "Spot check"),
    ("cross", "Cross check"),
]
# 000 五: 常规检查与重点检查相结合，定期检查与突击检查相结合
INSPECTION_FOCUS = [
    ("routine", "Routine check"),
    ("key", "Key check"),
]
INSPECTION_TIMING = [
    ("scheduled", "Scheduled check"),
    ("surprise", "Surprise check"),
]
INSPECTORS = (
    "office_base.group_office_internal_control",
    "office_base.group_office_director",
)
INSPECTION_STATES = [
    ("draft", "Planned"),
    ("ongoing", "Ongoing"),
    ("done", "Done"),
    ("cancel", "Cancelled"),
]


class OfficeRiskInspection(models.Model):
    """An inspection campaign (检查, 000): self-check, spot check or cross check
    of units over a period by a team, scored with a score sheet (检查打分表);
    results per unit with findings, a fact-confirmation notice (事实确认书)
    and a rectification notice (整改意见书) per unit; scores and ranking
    across units; follow-up inspections check the rectifications.

    ==================  ===========  =========================================
    who                 read         act
    ==================  ===========  =========================================
    staff               all          —
    internal control,   all          plan, start, finish, cancel (with a
    office director                  reason), score, confirm facts
    ==================  ===========  ========================================="""

    _name = "office.risk.inspection"
    _description = "Inspection"
    _inherit = ["office.workflow.mixin"]
    _order = "date_from desc, id desc"
    _check_company_auto = True

    _workflow_transitions = {
        "start": {
            "from": ("draft",),
            "to": "ongoing",
            "groups": INSPECTORS,
            "label": _lt("start"),
        },
        "done": {
            "from": ("ongoing",),
            "to": "done",
            "groups": INSPECTORS,
            "label": _lt("finish"),
        },
        "cancel": {
            "from": ("draft", "ongoing"),
            "to": "cancel",
            "groups": INSPECTORS,
            "reason": True,
            "label": _lt("cancel"),
        },
    }
    # a finished or cancelled inspection is a record of what was found
    _workflow_editable_states = ("draft", "ongoing")
    _workflow_locked_fields = (
        "name",
        "kind",
        "focus",
        "timing",
        "focus_domain_ids",
        "scope",
        "date_from",
        "date_to",
        "leader_id",
        "team_user_ids",
        "template_id",
        "department_ids",
        "summary",
        "parent_id",
    )

    name = fields.Char(required=True, tracking=True)
    kind = fields.Selection(
        INSPECTION_KINDS, required=True, default="spot", tracking=True
    )
    focus = fields.Selection(
        INSPECTION_FOCUS,
        string="Check type",
        required=True,
        default="routine",
        tracking=True,
        help="000 五: routine checks (常规检查) go over every area of the score "
        "sheet; key checks (重点检查) aim at the areas named.",
    )
    focus_domain_ids = fields.Many2many(
        "office.risk.domain",
        string="Key areas",
        help="The areas a key check aims at (000 五: 重点对档案管理、印章管理、"
        "公文管理、保密管理等各项工作开展检查).",
    )
    timing = fields.Selection(
        INSPECTION_TIMING,
        required=True,
        default="scheduled",
        tracking=True,
        help="000 五: scheduled checks (定期检查) are announced; a surprise "
        "check (突击检查) stays hidden from the inspected units until it starts.",
    )
    scope = fields.Text()
    date_from = fields.Date(required=True, default=fields.Date.context_today)
    date_to = fields.Date(required=True, default=fields.Date.context_today)
    leader_id = fields.Many2one(
        "res.users", string="Team leader", default=lambda self: self.env.user
    )
    team_user_ids = fields.Many2many("res.users", string="Team")
    template_id = fields.Many2one(
        "office.risk.inspection.template",
        string="Score sheet",
        required=True,
        ondelete="restrict",
    )
    department_ids = fields.Many2many(
        "hr.department", string="Inspected units", check_company=True
    )
    result_ids = fields.One2many(
        "office.risk.inspection.result", "inspection_id", string="Results"
    )
    finding_ids = fields.One2many(
        "office.risk.inspection.finding", "inspection_id", string="Findings"
    )
    finding_count = fields.Integer(compute="_compute_counts")
    rectification_count = fields.Integer(compute="_compute_counts")
    parent_id = fields.Many2one(
        "office.risk.inspection", string="Follow-up of", index=True
    )
    follow_up_ids = fields.One2many(
        "office.risk.inspection", "parent_id", string="Follow-up inspections"
    )
    state = fields.Selection(
        INSPECTION_STATES,
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    summary = fields.Html()
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for inspection in self:
            if inspection.date_to < inspection.date_from:
                raise ValidationError(
                    self.env._("An inspection cannot end before it starts.")
                )

    def _compute_counts(self):
        Rect = self.env["office.risk.rectification"]
        for inspection in self:
            inspection.finding_count = len(inspection.finding_ids)
            inspection.rectification_count = Rect.search_count(
                [("inspection_id", "=", inspection.id)]
            )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_start(self):
        """Start: one result sheet per inspected unit, with the items of the
        score sheet."""
        return self._workflow_run("start")

    def action_done(self):
        return self._workflow_run("done")

    def action_cancel(self, reason=None):
        return self._workflow_run("cancel", reason=reason)

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------

    def _check_can_start(self, **_kwargs):
        for inspection in self:
            if not inspection.department_ids:
                raise UserError(self.env._("Choose the units to inspect."))
            if inspection.focus == "key" and not inspection.focus_domain_ids:
                raise UserError(
                    self.env._(
                        "Name the key areas of the key check %(name)s.",
                        name=inspection.name,
                    )
                )
            if not inspection._items_to_score():
                raise UserError(self.env._("The score sheet has no items."))

    def _do_start(self, **_kwargs):
        for inspection in self:
            missing = inspection.department_ids - inspection.result_ids.department_id
            self.env["office.risk.inspection.result"].create(
                [
                    {
                        "inspection_id": inspection.id,
                        "department_id": department.id,
                        "score_ids": [
                            fields.Command.create(item._score_vals())
                            for item in inspection._items_to_score()
                        ],
                    }
                    for department in missing
                ]
            )
        return self._workflow_set_state("start")

    def _items_to_score(self):
        """A key check scores the items of its key areas; a routine one all."""
        items = self.template_id.item_ids
        if self.focus == "key":
            items = items.filtered(lambda i: i.domain_id in self.focus_domain_ids)
        return items

    def action_create_rectifications(self):
        """Every finding without a rectification becomes one."""
        self.finding_ids.filtered(
            lambda f: not f.rectification_id
        ).action_create_rectification()
        return self.action_view_rectifications()

    def action_follow_up(self):
        """A follow-up inspection of the same units with the same sheet."""
        self.ensure_one()
        follow = self.copy(
            {
                "name": self.env._("Follow-up: %(name)s", name=self.name),
                "parent_id": self.id,
                "kind": "spot",
                "department_ids": [fields.Command.set(self.department_ids.ids)],
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": follow.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    def action_view_rectifications(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "office_risk.office_risk_rectification_action"
        )
        action["domain"] = [("inspection_id", "=", self.id)]
        return action
