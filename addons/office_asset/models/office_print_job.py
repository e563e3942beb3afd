import math

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from odoo.addons.office_base.models.office_request_mixin import request_transitions
from odoo.addons.office_base.models.office_workflow_mixin import TRANSITION
from odoo.addons.office_base.tools import is_granted

from .office_asset import MANAGER

_lt = LazyTranslate(__name__)

PRINT_STATES = [
    ("draft", "Draft"),
    ("to_approve", "To approve"),
    ("approved", "Approved"),
    ("printed", "Printed"),
    ("refused", "Refused"),
    ("cancel", "Cancelled"),
]
OUTSIDE_REASONS = [
    ("conference", "Large conference materials"),
    ("brochure", "Brochure"),
    ("project", "Major project materials"),
    ("urgent_large", "Urgent and large quantity"),
    ("colour", "Colour printing"),
    ("offset", "Offset printing"),
    ("saddle", "Saddle stitching"),
    ("red_header", "Jointly issued red-header document"),
]


class OfficePrintJob(models.Model):
    """The print register (文印登记, 002 文印管理制度; 004 一(五)3): every job
    records its pages, copies, paper and approver. Printing is done in house
    by default (``confirm``, no approval); a job sent outside (conference
    materials, brochures, colour or offset printing, saddle stitching,
    jointly issued red-header documents) is approved by the leader in charge
    of administration (a ``tier.definition``) and printed at the print shop
    the office chose. Double-sided by default. A classified job numbers its
    copies (份号) when printed and records their recall; copies not recalled
    by the deadline are flagged.

    Rights: the applicant submits, cancels and resets; the leader decides;
    an asset manager (the print room) prints and recalls copies."""

    _name = "office.print.job"
    _description = "Print Job"
    _inherit = ["office.request.mixin", "office.confidential.mixin"]
    _order = "id desc"
    _check_company_auto = True
    _workflow_owner_groups = ("office_base.group_office_director", MANAGER)
    _office_refuse_reason_field = "refuse_reason"
    _workflow_sequence_code = "office.print.job"
    _workflow_transitions = request_transitions(
        confirm={
            "from": ("draft",),
            "to": "approved",
            "owner": True,
            "label": _lt("confirmed"),
        },
        print={
            "from": ("approved",),
            "to": "printed",
            "groups": (MANAGER,),
            "label": _lt("printed"),
        },
    )
    _workflow_activities = {
        "approved": ("office_asset.mail_activity_print", "_office_print_room"),
    }
    _workflow_locked_fields = (
        "title",
        "pages",
        "copies",
        "paper",
        "duplex",
        "colour",
        "outside",
        "outside_reason",
        "leader_id",
        "secrecy_level",
        "company_id",
    )

    title = fields.Char(string="Job", required=True)
    pages = fields.Integer(required=True, default=1)
    copies = fields.Integer(required=True, default=1)
    paper = fields.Selection(
        [("a4", "A4"), ("a3", "A3"), ("b5", "B5"), ("other", "Other")],
        required=True,
        default="a4",
    )
    duplex = fields.Boolean(
        string="Double-sided",
        default=True,
        help="Ordinary documents are printed on both sides (002 文印管理制度 五: 一般"
        "资料、文件双面印刷).",
    )
    colour = fields.Boolean()
    sheets = fields.Integer(compute="_compute_sheets", store=True)
    electronic = fields.Boolean(
        string="Also sent electronically",
        help="Send it as an electronic document where possible (002 文印管理制度 五).",
    )
    outside = fields.Boolean(string="Print outside")
    outside_reason = fields.Selection(OUTSIDE_REASONS, string="Why outside")
    print_shop_id = fields.Many2one(
        "res.partner",
        string="Print shop",
        default=lambda self: self.env.company.office_asset_print_shop_id,
    )
    leader_id = fields.Many2one(
        "res.users",
        string="Leader in charge of administration",
        default=lambda self: self.env.company.office_asset_admin_leader_id,
    )
    refuse_reason = fields.Text(string="Why refused", readonly=True, copy=False)
    state = fields.Selection(
        PRINT_STATES,
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    printed_at = fields.Datetime(readonly=True, copy=False)
    printed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    approver_ids = fields.Many2many(
        "res.users", string="Approved by", compute="_compute_approver_ids"
    )
    copy_ids = fields.One2many("office.print.copy", "job_id", string="Numbered copies")
    recall_deadline = fields.Date(readonly=True, copy=False)
    unrecalled_count = fields.Integer(
        string="Copies not recalled", compute="_compute_unrecalled"
    )
    recall_overdue = fields.Boolean(
        string="Recall overdue",
        compute="_compute_unrecalled",
        search="_search_recall_overdue",
    )

    @api.depends("pages", "copies", "duplex")
    def _compute_sheets(self):
        for job in self:
            per_copy = math.ceil(job.pages / 2) if job.duplex else job.pages
            job.sheets = max(per_copy, 0) * max(job.copies, 0)

    @api.depends("review_ids.status", "review_ids.done_by")
    def _compute_approver_ids(self):
        for job in self:
            job.approver_ids = job._office_approvers()

    @api.depends("copy_ids.recalled", "recall_deadline")
    def _compute_unrecalled(self):
        today = self.env["office.calendar"].today()
        for job in self:
            job.unrecalled_count = len(job.copy_ids.filtered(lambda c: not c.recalled))
            job.recall_overdue = bool(
                job.unrecalled_count
                and job.recall_deadline
                and job.recall_deadline < today
            )

    def _search_recall_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on “Recall overdue”."))
        today = self.env["office.calendar"].today()
        domain = [
            ("recall_deadline", "<", today),
            ("copy_ids", "any", [("recalled", "=", False)]),
        ]
        if (operator == "=") == value:
            return domain
        return ["!", "&", *domain]

    @api.constrains("pages", "copies")
    def _check_quantities(self):
        if any(job.pages <= 0 or job.copies <= 0 for job in self):
            raise ValidationError(
                self.env._("A print job has at least one page and one copy.")
            )

    def _check_allow_write_under_validation(self, vals):
        return is_granted(
            TRANSITION, self
        ) or super()._check_allow_write_under_validation(vals)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_submit(self):
        """In house: confirmed at once; outside: to the leader's approval."""
        for job in self:
            job._workflow_run("submit" if job.outside else "confirm")
        return True

    def action_print(self):
        return self._workflow_run("print")

    # ------------------------------------------------------------------
    # Transitions
    # ------------------------------------------------------------------

    def _office_print_room(self):
        """The asset managers run the print room."""
        return self.env.ref(MANAGER).users

    def _check_can_submit(self):
        for job in self:
            if not job.outside_reason:
                raise UserError(
                    self.env._(
                        "Printing is done in house: a job goes outside only for "
                        "conference materials, brochures, colour or offset printing, "
                        "saddle stitching or jointly issued red-header documents. Say "
                        "which (002 文印管理制度 一、四)."
                    )
                )
            if not job.leader_id:
                raise UserError(
                    self.env._(
                        "Name the leader in charge of administration who approves."
                    )
                )
            if not job.print_shop_id:
                raise UserError(self.env._("Name the designated print shop."))

    def _check_can_confirm(self):
        if any(job.outside for job in self):
            raise UserError(self.env._("A job printed outside is approved first."))

    def _do_print(self):
        calendar = self.env["office.calendar"]
        for job in self:
            vals = {
                "printed_at": fields.Datetime.now(),
                "printed_by_id": self.env.user.id,
            }
            if job.secrecy_level not in (False, "none"):
                vals["recall_deadline"] = calendar.add_working_days(
                    calendar.today(job.company_id),
                    job.company_id.office_asset_recall_days,
                    job.company_id,
                )
                self.env["office.print.copy"].sudo().create(
                    [
                        {"job_id": job.id, "number": f"{number:06d}"}
                        for number in range(1, job.copies + 1)
                    ]
                )
            job._workflow_set_state("print", vals)

    @api.model
    def _cron_recall_reminders(self, limit=500):
        """Remind the print room of the secret jobs whose copies are not all
        recalled by their deadline."""
        managers = self.env.ref(MANAGER).users
        return self._office_remind(
            [("state", "=", "printed"), ("recall_overdue", "=", True)],
            "office_asset.mail_activity_print_recall",
            lambda job: managers,
            deadline_field="recall_deadline",
            limit=limit,
        )
