from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools.translate import LazyTranslate

from odoo.addons.office_base.models.office_workflow_mixin import TRANSITION
from odoo.addons.office_base.tools import is_granted

_lt = LazyTranslate(__name__)

EDITABLE_BY_DRAFTER = {"department_id", "user_id", "sequence"}


class OfficeOutgoingCosign(models.Model):
    """会签: a department named on the draft gives its opinion. A
    disagreement must be explained by the drafting department before the
    document goes on to the office review (003 第十三条)."""

    _name = "office.outgoing.cosign"
    _inherit = ["office.workflow.mixin"]
    _description = "Outgoing Document Co-signing"
    _workflow_transitions = {
        "agree": {"from": ("pending",), "to": "agreed", "label": _lt("agree to")},
        "disagree": {
            "from": ("pending",),
            "to": "disagreed",
            "reason": True,
            "label": _lt("disagree with"),
        },
        # a cancelled document taken up again asks its co-signers anew
        "reset": {"from": ("agreed", "disagreed"), "to": "pending"},
    }
    _workflow_deletable_states = ("pending", "agreed", "disagreed")
    _order = "sequence, id"
    _rec_name = "department_id"

    document_id = fields.Many2one(
        "office.outgoing.document", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    department_id = fields.Many2one("hr.department", required=True, index=True)
    user_id = fields.Many2one(
        "res.users",
        string="Co-signer",
        index=True,
        help="Who answers for the department; empty: its head.",
    )
    state = fields.Selection(
        [
            ("pending", "Waiting"),
            ("agreed", "Agreed"),
            ("disagreed", "Disagreed"),
        ],
        default="pending",
        required=True,
        index=True,
        copy=False,
    )
    opinion = fields.Text(readonly=True, copy=False)
    decided_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    decided_at = fields.Datetime(readonly=True, copy=False)
    deadline = fields.Date(
        readonly=True,
        copy=False,
        index=True,
        help="The date by which the department answers: the co-signing days "
        "of the company after the draft was sent (003 表3, 表9).",
    )
    is_late = fields.Boolean(
        string="Late",
        compute="_compute_is_late",
        help="Still waiting after its deadline: the department is chased.",
    )
    explanation = fields.Text(
        help="The drafting department's answer to a disagreement.", copy=False
    )
    company_id = fields.Many2one(related="document_id.company_id", store=True)
    can_decide = fields.Boolean(compute="_compute_can_decide")

    _sql_constraints = [
        (
            "department_document_uniq",
            "unique(document_id, department_id)",
            "A department co-signs a document once.",
        ),
    ]

    @api.depends_context("uid")
    @api.depends("state", "user_id", "department_id", "document_id.state")
    def _compute_can_decide(self):
        for line in self:
            line.can_decide = (
                line.state == "pending"
                and line.document_id.state == "cosign"
                and line._office_can_decide(self.env.user)
            )

    @api.depends("state", "deadline")
    def _compute_is_late(self):
        today = self.env["office.calendar"].today()
        for line in self:
            line.is_late = bool(
                line.state == "pending" and line.deadline and line.deadline < today
            )

    def _office_can_decide(self, user):
        self.ensure_one()
        if self.user_id:
            return user == self.user_id
        return user._office_heads_department(self.department_id)

    def _office_signers(self):
        users = self.env["res.users"]
        for line in self:
            users |= line.user_id or line.department_id._office_head_users()
        return users

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        if not is_granted(TRANSITION):
            for vals in vals_list:
                if set(vals) - EDITABLE_BY_DRAFTER - {"document_id", "explanation"}:
                    if vals.get("state", "pending") != "pending" or any(
                        vals.get(name)
                        for name in ("opinion", "decided_by_id", "decided_at")
                    ):
                        raise UserError(
                            self.env._(
                                "Co-signers answer with the Agree and Disagree buttons."
                            )
                        )
        lines = super().create(vals_list)
        lines._check_author_in_draft()
        return lines

    def write(self, vals):
        if not is_granted(TRANSITION, self):
            keys = set(vals)
            if keys - EDITABLE_BY_DRAFTER - {"explanation"}:
                raise UserError(
                    self.env._("Co-signers answer with the Agree and Disagree buttons.")
                )
            if keys & EDITABLE_BY_DRAFTER:
                self._check_author_in_draft()
            if "explanation" in keys:
                self.document_id._office_check_author()
                if self.filtered(lambda c: c.state != "disagreed"):
                    raise UserError(
                        self.env._("Only a disagreement needs an explanation.")
                    )
                self.document_id._office_check_state(("cosign",))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_started(self):
        self._check_author_in_draft()

    def _check_author_in_draft(self):
        documents = self.document_id
        documents._office_check_author()
        documents._office_check_state(("draft",))

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_agree(self, opinion=None):
        """The department agrees with the draft."""
        return self._workflow_run("agree", opinion=opinion)

    def action_disagree(self, opinion=None):
        """The department disagrees; its opinion says why."""
        if opinion is not None and not opinion.strip():
            raise UserError(self.env._("Please say why the department disagrees."))
        return self._workflow_run("disagree", reason=opinion)

    def _check_can_agree(self, opinion=None):
        self._check_can_decide()

    def _check_can_disagree(self, reason=None):
        self._check_can_decide()

    def _do_agree(self, opinion=None):
        self._do_decide("agree", opinion)

    def _do_disagree(self, reason=None):
        self._do_decide("disagree", reason)

    def _check_can_reset(self):
        self.document_id._office_check_author()
        self.document_id._office_check_state(("draft",))

    def _do_reset(self):
        self._workflow_set_state(
            "reset",
            {
                "opinion": False,
                "decided_by_id": False,
                "decided_at": False,
                "deadline": False,
            },
        )

    def _check_can_decide(self):
        for line in self:
            if line.document_id.state != "cosign":
                raise UserError(
                    self.env._(
                        "%(department)s is not asked to co-sign “%(name)s” now.",
                        department=line.department_id.name,
                        name=line.document_id.display_name,
                    )
                )
            if not line._office_can_decide(self.env.user):
                raise AccessError(
                    self.env._(
                        "Only %(who)s co-signs for %(department)s.",
                        who=line.user_id.name
                        or self.env._("the head of the department"),
                        department=line.department_id.name,
                    )
                )

    def _do_decide(self, verb, opinion):
        now = fields.Datetime.now()
        decision = self._workflow_transitions[verb]["to"]
        for line in self:
            line._workflow_set_state(
                verb,
                {
                    "opinion": opinion or False,
                    "decided_by_id": self.env.uid,
                    "decided_at": now,
                },
            )
            document = line.document_id
            document._office_done(
                (
                    "office_docs.mail_act_outgoing_cosign",
                    "office_docs.mail_act_outgoing_cosign_chase",
                ),
                users=self.env.user,
            )
            if decision == "agreed" and opinion:
                body = self.env._(
                    "%(department)s agreed: %(opinion)s",
                    department=line.department_id.name,
                    opinion=opinion,
                )
            elif decision == "agreed":
                body = self.env._(
                    "%(department)s agreed.", department=line.department_id.name
                )
            else:
                body = self.env._(
                    "%(department)s disagreed: %(opinion)s",
                    department=line.department_id.name,
                    opinion=opinion,
                )
            document._office_log(body)
            if not document.sudo().cosign_ids.filtered(lambda c: c.state == "pending"):
                document._office_schedule(
                    "office_docs.mail_act_outgoing_correct",
                    document.drafter_id,
                    summary=self.env._("Co-signing complete: submit for review"),
                )
