from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)
CLERK = ("office_base.group_office_clerk",)
DIRECTOR = ("office_base.group_office_director",)


class OfficeDocumentDisposal(models.Model):
    """年终公文清退销毁清单: at the year end the office lists the year's
    handled documents to return to their issuers (清退) or to destroy (销毁);
    the office director approves the list; the office then returns and
    destroys them and records it done (002 公文处理制度 十: 文件管理人员要及时
    做好公文的清退、归档、销毁工作,当年的公文进行分类整理).

    draft → submitted → approved → done; cancelled before approval.

    ========================  ==================================================
    Who                       May
    ========================  ==================================================
    Office clerk              prepare and submit the list, record it done
    Office director           approve or send back a list they did not prepare
    ========================  ==================================================

    Each line shows its document only to those who may read it; destroying a
    classified document is watched by two people (003 第四十六条(二)8:
    双人负责监销)."""

    _name = "office.document.disposal"
    _inherit = ["office.document.mixin"]
    _description = "Year-end Document Disposal List"
    _order = "year desc, id desc"
    _check_company_auto = True
    _workflow_owner_field = "prepared_by_id"
    _workflow_transitions = {
        "submit": {
            "from": ("draft",),
            "to": "submitted",
            "groups": CLERK,
            "label": _lt("submit"),
        },
        "approve": {
            "from": ("submitted",),
            "to": "approved",
            "groups": DIRECTOR,
            "label": _lt("approve"),
        },
        "send_back": {
            "from": ("submitted",),
            "to": "draft",
            "groups": DIRECTOR,
            "reason": True,
            "label": _lt("send back"),
        },
        "mark_done": {
            "from": ("approved",),
            "to": "done",
            "groups": CLERK,
            "label": _lt("record as done"),
        },
        "cancel": {
            "from": ("draft", "submitted"),
            "to": "cancel",
            "groups": CLERK,
            "label": _lt("cancel"),
        },
    }
    # written by the transitions only (office.document.mixin guards them)
    _office_workflow_fields = (
        "state",
        "prepared_by_id",
        "approved_by_id",
        "approved_at",
        "done_at",
    )
    _workflow_locked_fields = ("year", "line_ids", "company_id")
    _workflow_activities = {
        "submitted": (
            "office_docs.mail_act_document_disposal_approve",
            "_office_approvers",
        ),
    }

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    year = fields.Integer(
        required=True,
        default=lambda self: self.env["office.calendar"].today().year,
        tracking=True,
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("approved", "Approved"),
            ("done", "Done"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    line_ids = fields.One2many(
        "office.document.disposal.line", "disposal_id", string="Documents", copy=True
    )
    prepared_by_id = fields.Many2one(
        "res.users",
        string="Prepared by",
        default=lambda self: self.env.user,
        readonly=True,
        copy=False,
    )
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    approved_at = fields.Datetime(readonly=True, copy=False)
    witness_ids = fields.Many2many(
        "res.users",
        "office_document_disposal_witness_rel",
        "disposal_id",
        "user_id",
        string="Witnesses",
        help="Who watched the destruction; two for classified documents "
        "(003 第四十六条(二)8).",
    )
    done_at = fields.Datetime(readonly=True, copy=False)
    line_count = fields.Integer(compute="_compute_line_count")

    _sql_constraints = [
        ("year_valid", "CHECK(year > 1900)", "Give the year of the documents."),
    ]

    @api.depends("year")
    def _compute_display_name(self):
        for disposal in self:
            disposal.display_name = self.env._(
                "Year-end disposal %(year)s", year=disposal.year
            )

    def _compute_line_count(self):
        for disposal in self:
            disposal.line_count = len(disposal.line_ids)

    def _office_approvers(self):
        return (
            self.env.ref("office_base.group_office_director").sudo().users
            - self.prepared_by_id
        )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_submit(self):
        """Submit the list for the office director's approval."""
        return self._workflow_run("submit")

    def _check_can_submit(self):
        for disposal in self:
            lines = disposal.sudo().line_ids
            if not lines:
                raise UserError(self.env._("The list has no document."))
            lines._check_disposable()

    def action_approve(self):
        """The office director approves the list."""
        return self._workflow_run("approve")

    def _check_can_approve(self):
        if self.filtered(lambda d: d.prepared_by_id == self.env.user):
            raise AccessError(
                self.env._("The list is approved by someone who did not prepare it.")
            )

    def _do_approve(self):
        self._workflow_set_state(
            "approve",
            {"approved_by_id": self.env.uid, "approved_at": fields.Datetime.now()},
        )

    def action_send_back(self, reason=None):
        return self._workflow_run("send_back", reason=reason)

    def action_mark_done(self):
        """The documents were returned and destroyed as listed."""
        return self._workflow_run("mark_done")

    def _check_can_mark_done(self):
        for disposal in self:
            lines = disposal.sudo().line_ids
            lines._check_disposable()
            secret_destroyed = lines.filtered(
                lambda line: (
                    line.action == "destroyed" and line.document_id.secrecy_rank
                )
            )
            if secret_destroyed and len(disposal.witness_ids) < 2:
                raise UserError(
                    self.env._(
                        "Classified documents are destroyed under the eyes of two "
                        "witnesses: name them (003 第四十六条(二)8)."
                    )
                )

    def _do_mark_done(self):
        now = fields.Datetime.now()
        for disposal in self:
            disposal._workflow_set_state("mark_done", {"done_at": now})
            for line in disposal.sudo().line_ids:
                line.document_id._office_write({"disposal": line.action})
                line.document_id._office_log(
                    self.env._(
                        "%(action)s with the year-end disposal list %(year)s.",
                        action=dict(
                            line._fields["action"]._description_selection(self.env)
                        )[line.action],
                        year=disposal.year,
                    )
                )

    def action_cancel(self):
        return self._workflow_run("cancel")
