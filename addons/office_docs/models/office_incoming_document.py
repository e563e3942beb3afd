import datetime
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL
from odoo.tools.sql import create_index
from odoo.tools.translate import LazyTranslate

from odoo.addons.office_base.tools import granted

from .office_document_instruction import INSTRUCTION
from .office_document_mixin import WORKFLOW

INCOMING_STATES = [
    ("registered", "Registered"),
    ("accepted", "Accepted"),
    ("returned", "Returned"),
    ("proposed", "Proposed"),
    ("instructed", "Instructed"),
    ("assigned", "Assigned"),
    ("handling", "Handling"),
    ("circulating", "Circulating"),
    ("closed", "Closed"),
]
# registration elements (003 第十一条): only the office clerks change them
REGISTRATION_FIELDS = {
    "received_at",
    "sender_id",
    "sender_ref",
    "title",
    "type_id",
    "secrecy_level",
    "secrecy_years",
    "secrecy_release",
    "urgency",
    "pages",
    "copies",
    "channel",
    "handling_kind",
    "reply_required",
    "fund_document",
    "attachment_ids",
    "note",
}
ROUTING_STATES = ("accepted", "proposed", "instructed")
# 003 第十一条(二)2: the grounds on which the lead department of a document
# several departments handle is chosen, in this order of precedence
LEAD_BASES = [
    ("duties", "① Duties of the departments"),
    ("budget", "② Department budget management"),
    ("instruction", "③ Leader's instruction or meeting decision"),
    ("coordination", "④ Coordinating body's lead department"),
    ("municipal", "⑤ Municipal office's contact section"),
    ("office", "⑥ Designated by the office"),
    ("leader", "⑦ Designated by a leader on the office's proposal"),
]
# the grounds that rest on a leader's instruction
LEAD_BASES_INSTRUCTED = ("instruction", "leader")
CLERK = ("office_base.group_office_clerk",)
_lt = LazyTranslate(__name__)


class OfficeIncomingDocument(models.Model):
    """收文: an official document received by the agency, from registration
    to closure (办结) or return to the sender (退文).

    ========================  ==================================================
    Who                       May
    ========================  ==================================================
    Office clerk / director   register, first review (accept / return),
                              propose (拟办), assign (分办), circulate (传阅),
                              close; see every document within their clearance
    Leader                    instruct (批示); sees what waits for their
                              instruction and what they instructed
    Head of the lead dept.    undertake (承办) or object (异议) before the
                              deadline; close
    Staff                     see the documents of their department (lead or
                              co-department), those they read in circulation
                              and those they created; the handler adds
                              progress notes and closes
    ========================  ==================================================

    Classified documents are further limited by office_base's clearance and
    need-to-know rule; the office, the leaders asked for instruction, the
    assigned departments and the readers are added to the need-to-know list
    as the document moves."""

    _name = "office.incoming.document"
    _description = "Incoming Document"
    _inherit = [
        "office.document.mixin",
        "office.confidential.mixin",
        "office.urgency.mixin",
        "office.concerns.me.mixin",
    ]
    _order = "received_at desc, id desc"
    _rec_names_search = ["name", "title", "sender_ref"]
    _check_company_auto = True
    _workflow_transitions = {
        "accept": {
            "from": ("registered",),
            "to": "accepted",
            "groups": CLERK,
            "label": _lt("accept"),
        },
        "return": {
            "from": ("registered", "accepted"),
            "to": "returned",
            "groups": CLERK,
            "reason": True,
            "label": _lt("return to the sender"),
        },
        "propose": {
            "from": ("accepted",),
            "to": "proposed",
            "groups": CLERK,
            "label": _lt("propose"),
        },
        "request_instruction": {
            "from": ("proposed", "instructed"),
            "to": "proposed",
            "groups": CLERK + ("office_base.group_office_leader",),
            "label": _lt("submit for instruction"),
        },
        "instruct": {
            # the state moves to "instructed" once every leader asked has
            # instructed; later instructions keep the state
            "from": ("proposed", "instructed", "assigned", "handling"),
            "to": "instructed",
            "groups": ("office_base.group_office_leader",),
            "label": _lt("instruct"),
        },
        "assign": {
            "from": ROUTING_STATES,
            "to": "assigned",
            "groups": CLERK,
            "label": _lt("assign"),
        },
        # 002 公文处理制度 七: urgent work the leaders cannot instruct in time is
        # forwarded by the office director; the leaders countersign after
        "urgent_assign": {
            "from": ROUTING_STATES,
            "to": "assigned",
            "groups": ("office_base.group_office_director",),
            "label": _lt("forward before the leaders' instruction"),
        },
        "undertake": {
            "from": ("assigned",),
            "to": "handling",
            "label": _lt("undertake"),
        },
        "object": {
            "from": ("assigned",),
            "to": "accepted",
            "reason": True,
            "label": _lt("object to"),
        },
        # where an objection sends the document back: the step it had reached
        "object_to_proposed": {"from": ("assigned",), "to": "proposed"},
        "object_to_instructed": {"from": ("assigned",), "to": "instructed"},
        "add_progress": {
            "from": ("handling",),
            "to": "handling",
            "reason": True,
            "label": _lt("add progress to"),
        },
        "hand_to_next_reader": {
            "from": (*ROUTING_STATES, "circulating"),
            "to": "circulating",
            "groups": CLERK,
            "label": _lt("hand to the next reader"),
        },
        "close": {
            "from": ("handling", "circulating"),
            "to": "closed",
            "reason": True,
            "label": _lt("close"),
        },
    }
    _workflow_deletable_states = ("registered", "returned")
    _office_create_allowed = ("registered_by_id",)
    _office_final_states = ("returned", "closed")
    _office_workflow_fields = (
        "state",
        "name",
        "registered_by_id",
        "return_reason",
        "returned_at",
        "proposed_by_id",
        "proposed_at",
        "assigned_at",
        "assigned_by_id",
        "urgent_forward",
        "objection_deadline",
        "handler_id",
        "undertaken_at",
        "closed_at",
        "closed_by_id",
        "handling_days",
        "closed_late",
        "routed_at",
        "routed_late",
        "disposal",
    )

    # ------------------------------------------------------------------
    # Registration (登记)
    # ------------------------------------------------------------------

    name = fields.Char(
        string="Registration number",
        readonly=True,
        copy=False,
        default="/",
        index="trigram",
        help="Yearly registration number of the incoming register, "
        "e.g. 收文〔2026〕15号.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    state = fields.Selection(
        INCOMING_STATES,
        default="registered",
        required=True,
        tracking=True,
        copy=False,
        index=True,
        group_expand="_group_expand_states",
    )
    registered_by_id = fields.Many2one(
        "res.users",
        string="Registered by",
        default=lambda self: self.env.user,
        readonly=True,
        copy=False,
    )
    received_at = fields.Datetime(
        string="Received at",
        required=True,
        default=fields.Datetime.now,
        tracking=True,
        index=True,
    )
    sender_id = fields.Many2one(
        "res.partner",
        required=True,
        tracking=True,
        index=True,
        help="The organ that sent the document (来文单位).",
    )
    sender_level = fields.Selection(
        related="sender_id.office_sender_level", store=True, string="Sender level"
    )
    sender_ref = fields.Char(
        string="Sender reference",
        tracking=True,
        index="trigram",
        help="The sender's document number (来文字号), e.g. 湘财预〔2026〕8号.",
    )
    title = fields.Char(required=True, tracking=True, index="trigram")
    type_id = fields.Many2one("office.document.type", string="Document type")
    pages = fields.Integer()
    copies = fields.Integer(default=1)
    channel = fields.Selection(
        [
            ("paper", "Paper"),
            ("electronic", "Electronic"),
            ("exchange", "Document exchange"),
        ],
        default="paper",
        required=True,
    )
    handling_kind = fields.Selection(
        [("read", "For reading"), ("action", "For action")],
        string="Reading or action",
        default="action",
        required=True,
        tracking=True,
        help="A document for reading (阅件) is circulated; a document for "
        "action (办件) is assigned to a lead department.",
    )
    reply_required = fields.Boolean(
        string="Reply required", help="The sender asks for a reply."
    )
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "office_incoming_document_attachment_rel",
        "document_id",
        "attachment_id",
        string="Attachments",
    )
    note = fields.Text(string="Registration remarks")
    fund_document = fields.Boolean(
        string="Fund document",
        tracking=True,
        help="资金文件(指标文): led jointly by the budget department and the "
        "department managing the budget or special fund concerned (003 第十一条"
        "(二)2).",
    )
    assign_deadline = fields.Datetime(
        string="Route by",
        compute="_compute_assign_deadline",
        store=True,
        index=True,
        help="End of the working day of registration (or the working days the "
        "company sets) by which the office assigns, circulates or submits the "
        "document to the leaders (003 第十条: 原则上当日批转).",
    )
    routed_at = fields.Datetime(
        string="Routed at",
        readonly=True,
        copy=False,
        help="When the office first assigned, circulated or submitted the "
        "document to the leaders.",
    )
    routed_late = fields.Boolean(
        string="Routed late",
        readonly=True,
        copy=False,
        help="Routed after its routing deadline (003 第十条).",
    )
    routing_overdue = fields.Boolean(
        string="Routing overdue",
        compute="_compute_routing_overdue",
        search="_search_routing_overdue",
    )

    # ------------------------------------------------------------------
    # First review, proposal, instruction
    # ------------------------------------------------------------------

    return_reason = fields.Text(readonly=True, copy=False)
    returned_at = fields.Datetime(readonly=True, copy=False)
    proposal = fields.Text(
        string="Office proposal",
        tracking=True,
        copy=False,
        help="The office's proposal on how to handle the document (拟办意见).",
    )
    proposed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    proposed_at = fields.Datetime(readonly=True, copy=False)
    instruct_leader_ids = fields.Many2many(
        "res.users",
        "office_incoming_document_instruct_leader_rel",
        "document_id",
        "user_id",
        string="Leaders to instruct",
        copy=False,
        domain=lambda self: [
            ("groups_id", "in", self.env.ref("office_base.group_office_leader").id)
        ],
    )
    instruction_ids = fields.One2many(
        "office.document.instruction", "document_id", string="Instructions"
    )
    urgent_forward = fields.Boolean(
        string="Forwarded before the instructions",
        readonly=True,
        copy=False,
        tracking=True,
        help="Urgent work: the office director forwarded the document before "
        "the leaders could instruct; they read and countersign it afterwards "
        "(002 公文处理制度 七: 事后及时报领导阅示或补签).",
    )
    countersign_missing_ids = fields.Many2many(
        "res.users",
        string="Countersignatures missing",
        compute="_compute_countersign_missing_ids",
        help="Leaders asked to instruct who have not countersigned the document "
        "forwarded before their instruction (补签).",
    )
    instruction_count = fields.Integer(compute="_compute_instruction_count")

    # ------------------------------------------------------------------
    # Assignment and handling
    # ------------------------------------------------------------------

    lead_department_id = fields.Many2one(
        "hr.department",
        string="Lead department",
        tracking=True,
        copy=False,
        index=True,
        check_company=True,
    )
    co_department_ids = fields.Many2many(
        "hr.department",
        "office_incoming_document_co_department_rel",
        "document_id",
        "department_id",
        string="Co-departments",
        copy=False,
        check_company=True,
    )
    joint_lead_department_id = fields.Many2one(
        "hr.department",
        string="Joint lead department",
        tracking=True,
        copy=False,
        check_company=True,
        help="A fund document's second lead department: with the budget "
        "department, the one managing the budget or special fund concerned "
        "(003 第十一条(二)2: 同时主办). It is also listed with the departments "
        "handling the document.",
    )
    lead_basis = fields.Selection(
        LEAD_BASES,
        string="Lead chosen by",
        default="duties",
        tracking=True,
        copy=False,
        help="When several departments handle a document, the ground on which "
        "the lead department was chosen, the first that applies in this order "
        "(003 第十一条(二)2 ①–⑦); ③ and ⑦ rest on a leader's instruction.",
    )
    assigned_at = fields.Datetime(readonly=True, copy=False)
    assigned_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    objection_deadline = fields.Datetime(
        readonly=True,
        copy=False,
        help="The lead department may object until then: one working day "
        "after assignment, one working hour for urgent documents.",
    )
    assignment_ids = fields.One2many(
        "office.incoming.assignment", "document_id", string="Assignment history"
    )
    handler_id = fields.Many2one(
        "res.users", readonly=True, copy=False, tracking=True, index=True
    )
    undertaken_at = fields.Datetime(readonly=True, copy=False)
    due_date = fields.Date(
        compute="_compute_due_date",
        store=True,
        tracking=True,
        index=True,
        help="From the latest leader's instruction with a date, else the "
        "handling deadline of the urgency, else the document type's handling "
        "days (working days from receipt).",
    )
    is_overdue = fields.Boolean(
        compute="_compute_is_overdue", search="_search_is_overdue"
    )
    office_concerns_me = fields.Boolean(
        help="Led or co-handled by one of my departments, circulated to me, "
        "handled or registered by me.",
    )
    progress_ids = fields.One2many(
        "office.incoming.progress", "document_id", string="Progress notes"
    )
    result = fields.Text(string="Handling result", copy=False, tracking=True)
    reply_note = fields.Char(
        string="Reply to the sender",
        copy=False,
        help="How and when the sender was answered.",
    )
    reply_document_id = fields.Many2one(
        "office.outgoing.document", string="Reply document", copy=False
    )
    closed_at = fields.Datetime(readonly=True, copy=False)
    closed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    handling_days = fields.Integer(
        string="Handling days",
        readonly=True,
        copy=False,
        aggregator="avg",
        help="Working days from receipt to closure, recorded at closure.",
    )
    closed_late = fields.Boolean(
        string="Closed late",
        readonly=True,
        copy=False,
        help="Closed after its due date.",
    )
    supervision_ids = fields.One2many(
        "office.supervision", "incoming_document_id", string="Supervision items"
    )
    supervision_count = fields.Integer(compute="_compute_supervision_count")
    disposal = fields.Selection(
        [("returned", "Returned to the issuer"), ("destroyed", "Destroyed")],
        string="Year-end disposal",
        readonly=True,
        copy=False,
        tracking=True,
        help="Returned (清退) or destroyed with an approved year-end list "
        "(002 公文处理制度 十).",
    )
    copy_ids = fields.One2many(
        "office.document.copy", "document_id", string="Forwarded copies"
    )
    copy_count = fields.Integer(compute="_compute_register_counts")
    loan_ids = fields.One2many("office.document.loan", "document_id", string="Loans")
    loan_count = fields.Integer(compute="_compute_register_counts")

    # ------------------------------------------------------------------
    # Circulation (传阅) and paper copy
    # ------------------------------------------------------------------

    circulation_ids = fields.One2many("office.document.circulation", "document_id")
    circulation_count = fields.Integer(compute="_compute_circulation_count")
    holder_id = fields.Many2one(
        "res.users",
        string="Current holder",
        compute="_compute_holder_id",
        store=True,
        help="Who holds the paper copy now: the reader it was handed to, the "
        "handler, or the office.",
    )

    # ------------------------------------------------------------------
    # Rights for the buttons
    # ------------------------------------------------------------------

    can_instruct = fields.Boolean(compute="_compute_user_rights")
    can_undertake = fields.Boolean(compute="_compute_user_rights")
    can_handle = fields.Boolean(compute="_compute_user_rights")
    can_read_circulation = fields.Boolean(compute="_compute_user_rights")
    can_supervise = fields.Boolean(compute="_compute_user_rights")

    _sql_constraints = [
        (
            "copies_positive",
            "CHECK(copies >= 0 AND pages >= 0)",
            "Pages and copies cannot be negative.",
        ),
    ]

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------

    @api.depends("name", "title")
    def _compute_display_name(self):
        for doc in self:
            if doc.name and doc.name != "/":
                doc.display_name = f"{doc.name} {doc.title or ''}".strip()
            else:
                doc.display_name = doc.title or ""

    @api.depends("urgent_forward", "instruct_leader_ids", "instruction_ids.leader_id")
    def _compute_countersign_missing_ids(self):
        for doc in self:
            doc.countersign_missing_ids = (
                doc.instruct_leader_ids - doc.sudo().instruction_ids.leader_id
                if doc.urgent_forward
                else False
            )

    def _compute_instruction_count(self):
        for doc in self:
            doc.instruction_count = len(doc.instruction_ids)

    def _compute_supervision_count(self):
        groups = (
            self.env["office.supervision"]
            .sudo()
            ._read_group(
                [("incoming_document_id", "in", self.ids)],
                ["incoming_document_id"],
                ["__count"],
            )
        )
        counts = {doc.id: count for doc, count in groups}
        for doc in self:
            doc.supervision_count = counts.get(doc.id, 0)

    def _compute_register_counts(self):
        for doc in self:
            doc.copy_count = len(doc.copy_ids)
            doc.loan_count = len(doc.loan_ids)

    def _compute_circulation_count(self):
        for doc in self:
            doc.circulation_count = len(doc.circulation_ids)

    @api.depends(
        "instruction_ids.due_date",
        "instruction_ids.instructed_at",
        "urgency",
        "type_id.handling_days",
        "received_at",
    )
    def _compute_due_date(self):
        calendar = self.env["office.calendar"]
        for doc in self:
            dated = doc.instruction_ids.filtered("due_date").sorted(
                lambda i: (i.instructed_at or datetime.datetime.min, i.id)
            )
            if dated:
                doc.due_date = dated[-1].due_date
                continue
            start = doc.received_at or fields.Datetime.now()
            deadline = doc._office_deadline_for(start)
            if deadline:
                doc.due_date = doc._office_to_local(deadline).date()
                continue
            days = (
                doc.type_id.handling_days
                if doc.type_id
                else (doc.company_id or self.env.company).office_docs_handling_days
            )
            doc.due_date = (
                calendar.add_working_days(
                    doc._office_to_local(start).date(), days, doc.company_id
                )
                if days
                else False
            )

    @api.depends("due_date", "state")
    def _compute_is_overdue(self):
        today = self._office_today()
        for doc in self:
            doc.is_overdue = bool(
                doc.due_date
                and doc.state not in ("closed", "returned")
                and doc.due_date < today
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!="):
            raise UserError(self.env._("Unsupported search on “Overdue”."))
        domain = [
            ("due_date", "<", self._office_today()),
            ("state", "not in", ("closed", "returned")),
        ]
        if (operator == "=") == bool(value):
            return domain
        return ["!", "&", *domain]

    @api.depends("received_at", "company_id.office_docs_assign_days")
    def _compute_assign_deadline(self):
        for doc in self:
            doc.assign_deadline = (
                doc._office_assign_deadline(doc.received_at)
                if doc.received_at
                else False
            )

    def _office_assign_deadline(self, received_at):
        """The end of the working hours of the day of registration — the next
        working day when received on a day off or after hours — plus the
        company's working days (003 第十条: 原则上当日批转)."""
        self.ensure_one()
        calendar = self.env["office.calendar"]
        company = self.company_id or self.env.company
        local = self._office_to_local(received_at)
        day = local.date()
        spans = calendar._day_spans(day, company)
        hour = local.hour + local.minute / 60
        if not spans or hour >= spans[-1][1]:
            day = calendar.add_working_days(day, 1, company)
        day = calendar.add_working_days(day, company.office_docs_assign_days, company)
        end = calendar._day_spans(day, company)[-1][1]
        return self._office_to_utc(
            datetime.datetime.combine(day, datetime.time())
            + datetime.timedelta(hours=end)
        )

    @api.depends("assign_deadline", "routed_at", "state", "instruct_leader_ids")
    def _compute_routing_overdue(self):
        overdue = self.search(
            [("id", "in", self.filtered("id").ids), ("routing_overdue", "=", True)]
        )
        for doc in self:
            doc.routing_overdue = doc in overdue

    def _search_routing_overdue(self, operator, value):
        """Still with the office after its routing deadline: registered or
        accepted, or proposed without a leader to instruct it — whatever the
        document's age (documents registered before the rule have no
        routing time)."""
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on “Routing overdue”."))
        domain = [
            ("routed_at", "=", False),
            ("assign_deadline", "<", fields.Datetime.now()),
            "|",
            ("state", "in", ("registered", "accepted")),
            "&",
            ("state", "=", "proposed"),
            ("instruct_leader_ids", "=", False),
        ]
        if (operator == "=") == value:
            return domain
        return ["!", "&", "&", *domain]

    def _office_routing_vals(self):
        """The first routing of the document (批转): when, and whether after
        its deadline; nothing once routed."""
        self.ensure_one()
        if self.routed_at:
            return {}
        now = fields.Datetime.now()
        return {
            "routed_at": now,
            "routed_late": bool(self.assign_deadline and now > self.assign_deadline),
        }

    def _office_concerns_me_parts(self):
        departments = self.env.user.sudo().office_department_ids.ids
        uid = self.env.uid
        return [
            (self._table, "id", "lead_department_id", departments),
            (
                "office_incoming_document_co_department_rel",
                "document_id",
                "department_id",
                departments,
            ),
            ("office_document_circulation", "document_id", "reader_id", uid),
            (self._table, "id", "handler_id", uid),
            (self._table, "id", "create_uid", uid),
        ]

    @api.depends(
        "state",
        "circulation_ids.state",
        "circulation_ids.reader_id",
        "handler_id",
        "lead_department_id.manager_id.user_id",
        "registered_by_id",
        "instruct_leader_ids",
        "instruction_ids.leader_id",
    )
    def _compute_holder_id(self):
        for doc in self:
            current = doc.circulation_ids.filtered(lambda c: c.state == "current")[:1]
            waiting = doc.instruct_leader_ids - doc.instruction_ids.leader_id
            if current:
                doc.holder_id = current.reader_id
            elif doc.state == "proposed" and waiting:
                # sent to the leaders for instruction: the paper is with them
                doc.holder_id = waiting[:1]
            elif doc.state == "returned":
                doc.holder_id = False
            elif doc.state == "handling" and doc.handler_id:
                doc.holder_id = doc.handler_id
            elif doc.state in ("assigned", "handling") and doc.lead_department_id:
                doc.holder_id = (
                    doc.lead_department_id.sudo().manager_id.user_id
                    or doc.registered_by_id
                )
            else:
                doc.holder_id = doc.registered_by_id

    @api.depends_context("uid")
    @api.depends("state", "instruct_leader_ids", "lead_department_id", "handler_id")
    def _compute_user_rights(self):
        user = self.env.user
        is_leader = user.has_group("office_base.group_office_leader")
        can_supervise = self.env["office.supervision"]._office_can_manage()
        for doc in self:
            doc.can_supervise = can_supervise
            doc.can_instruct = is_leader and doc.state in (
                "proposed",
                "instructed",
                "assigned",
                "handling",
            )
            heads = user._office_heads_department(doc.lead_department_id)
            doc.can_undertake = doc.state == "assigned" and heads
            doc.can_handle = doc.state == "handling" and (
                heads or doc.handler_id == user or doc._office_is_clerk()
            )
            doc.can_read_circulation = any(
                line.state == "current" and line.reader_id == user
                for line in doc.circulation_ids
            )

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------

    def init(self):
        res = super().init()
        # lookups by exact number (a scan, an exchange system polling) use a
        # b-tree; the trigram index of the field serves the search bar
        create_index(
            self.env.cr, "office_incoming_document_name_btree", self._table, ["name"]
        )
        # the scan window also matches the sender's reference exactly
        create_index(
            self.env.cr,
            "office_incoming_document_sender_ref_btree",
            self._table,
            ["sender_ref"],
        )
        # one part of the staff's record rule (see _search_office_concerns_me)
        create_index(
            self.env.cr,
            "office_incoming_document_create_uid_index",
            self._table,
            ["create_uid"],
        )
        return res

    @api.model_create_multi
    def create(self, vals_list):
        if not self._office_workflow_granted():
            self._office_check_create_vals(vals_list)
        vals_list = self._office_number_registrations([dict(v) for v in vals_list])
        # the numbers just given are the workflow's: the new documents only
        with granted(WORKFLOW, self.browse()):
            documents = super().create(vals_list)
        documents._office_attach_files()
        for registrar, docs in documents.grouped("registered_by_id").items():
            docs._office_grant_need_to_know(
                users=registrar, departments=docs._office_office_departments()
            )
        return documents

    @api.model
    def _office_number_registrations(self, vals_list):
        """Give the registration numbers (收文〔2026〕15号) before the
        documents are inserted, in order of receipt: one block of numbers per
        year is taken from the gap-free sequence with a single row update,
        however many documents a batch registers (an exchange system sends
        hundreds at once)."""
        todo = [vals for vals in vals_list if vals.get("name", "/") == "/"]
        if not todo:
            return vals_list
        Sequence = self.env["ir.sequence"].sudo()
        sequence = Sequence.search(
            [
                ("code", "=", "office.incoming.document"),
                ("company_id", "in", [self.env.company.id, False]),
            ],
            order="company_id",
            limit=1,
        )
        now = fields.Datetime.now()

        def received(vals):
            return fields.Datetime.to_datetime(vals.get("received_at")) or now

        by_day = defaultdict(list)
        for vals in sorted(todo, key=received):  # stable: a batch keeps its order
            by_day[self._office_to_local(received(vals)).date()].append(vals)
        by_range = defaultdict(list)
        for day, group in by_day.items():
            by_range[sequence._get_current_sequence(day)] += group
        step = sequence.number_increment
        for date_range, group in by_range.items():
            date_range.flush_recordset(["number_next"])
            self.env.cr.execute(
                SQL(
                    "UPDATE %s SET number_next = number_next + %s WHERE id = %s "
                    "RETURNING number_next - %s",
                    SQL.identifier(date_range._table),
                    step * len(group),
                    date_range.id,
                    step * len(group),
                )
            )
            first = self.env.cr.fetchone()[0]
            date_range.invalidate_recordset(["number_next"])
            dated = date_range._name == "ir.sequence.date_range"
            start = date_range.date_from if dated else False
            numbering = sequence.with_context(
                ir_sequence_date=start, ir_sequence_date_range=start
            )
            for index, vals in enumerate(group):
                vals["name"] = numbering.get_next_char(first + index * step)
        return vals_list

    def write(self, vals):
        if not self._office_workflow_granted():
            registration = REGISTRATION_FIELDS & set(vals)
            if registration and not self._office_is_clerk():
                raise AccessError(
                    self.env._(
                        "Only the office clerks change the registration of an "
                        "incoming document."
                    )
                )
            if registration and any(doc.state == "closed" for doc in self):
                raise UserError(
                    self.env._("The registration of a closed document is final.")
                )
        res = super().write(vals)
        if "attachment_ids" in vals:
            self._office_attach_files()
        return res

    def _office_attach_files(self):
        """Attachments uploaded on the form before saving belong to no record."""
        for doc in self:
            loose = doc.sudo().attachment_ids.filtered(
                lambda a, d=doc: not a.res_id or a.res_model != d._name
            )
            if loose:
                loose.write({"res_model": doc._name, "res_id": doc.id})

    @api.ondelete(at_uninstall=False)
    def _unlink_except_registered(self):
        # the states are checked by the kernel (_workflow_deletable_states)
        if not self._office_is_director():
            raise AccessError(
                self.env._("Only the office director deletes register entries.")
            )

    # ------------------------------------------------------------------
    # Actions: first review (初审)
    # ------------------------------------------------------------------

    def action_accept(self):
        """初审: the document is the agency's to handle and well formed."""
        return self._workflow_run("accept")

    def _do_accept(self):
        self._workflow_set_state("accept")
        self._office_log(self.env._("First review passed."))

    def action_return(self, reason=None):
        """退文: send the document back to its sender, with the reason."""
        return self._office_run_with_text(
            "return", reason, self.env._("Please give the reason of the return.")
        )

    def _do_return(self, reason=None):
        self._workflow_set_state(
            "return",
            {"return_reason": reason, "returned_at": fields.Datetime.now()},
        )
        self._office_log(
            self.env._("Returned to the sender: %(reason)s", reason=reason)
        )

    # ------------------------------------------------------------------
    # Actions: proposal (拟办) and instructions (批示)
    # ------------------------------------------------------------------

    def action_open_propose_wizard(self):
        """拟办 from the form: a small dialog for the proposal and the
        leaders, whatever tab the clerk is on."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Propose"),
            "res_model": "office.incoming.propose.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_document_id": self.id,
                "default_proposal": self.proposal or False,
                "default_leader_ids": self.instruct_leader_ids.ids,
            },
        }

    def action_propose(self, proposal=None, leader_ids=None):
        """拟办: the office's proposal, and the leaders asked to instruct."""
        leaders = self.env["res.users"].browse(leader_ids or [])
        return self._workflow_run("propose", proposal=proposal, leaders=leaders)

    def _check_can_propose(self, proposal=None, leaders=None):
        leader_group = self.env.ref("office_base.group_office_leader")
        if leaders.filtered(lambda u: leader_group not in u.groups_id):
            raise UserError(self.env._("Only leaders can be asked to instruct."))
        for doc in self:
            if not (proposal or doc.proposal or "").strip():
                raise UserError(
                    self.env._("Please write the office's proposal (拟办意见).")
                )
            if doc.sender_level == "upper" and not (leaders or doc.instruct_leader_ids):
                raise UserError(
                    self.env._(
                        "A document from an upper-level organ goes to the leaders "
                        "for instruction: name at least one leader."
                    )
                )

    def _do_propose(self, proposal=None, leaders=None):
        for doc in self:
            vals = {
                "proposed_by_id": self.env.uid,
                "proposed_at": fields.Datetime.now(),
            }
            if proposal:
                vals["proposal"] = proposal
            if leaders:
                vals["instruct_leader_ids"] = [
                    fields.Command.link(user.id) for user in leaders
                ]
            if leaders or doc.instruct_leader_ids:
                vals.update(doc._office_routing_vals())
            doc._workflow_set_state("propose", vals)
            doc._office_ask_instruction(doc.instruct_leader_ids)
            doc._office_log(self.env._("Proposal: %(proposal)s", proposal=doc.proposal))

    def _office_ask_instruction(self, leaders):
        self.ensure_one()
        if not leaders:
            return
        self._office_grant_need_to_know(users=leaders)
        self._office_schedule(
            "office_docs.mail_act_incoming_instruct",
            leaders,
            date_deadline=self.env["office.calendar"].add_working_days(
                self._office_today(), 1, self.company_id
            ),
        )

    def action_request_instruction(self, leader_ids):
        """呈批: ask further leaders (e.g. the principal leader) to instruct."""
        leaders = self.env["res.users"].browse(leader_ids or [])
        return self._workflow_run("request_instruction", leaders=leaders)

    def _check_can_request_instruction(self, leaders=None):
        leader_group = self.env.ref("office_base.group_office_leader")
        if not leaders or leaders.filtered(lambda u: leader_group not in u.groups_id):
            raise UserError(self.env._("Only leaders can be asked to instruct."))

    def _do_request_instruction(self, leaders=None):
        for doc in self:
            doc._workflow_set_state(
                "request_instruction",
                {
                    "instruct_leader_ids": [
                        fields.Command.link(user.id) for user in leaders
                    ],
                    **doc._office_routing_vals(),
                },
            )
            doc._office_ask_instruction(leaders)
            doc._office_log(
                self.env._(
                    "Submitted for instruction to %(leaders)s.",
                    leaders=", ".join(leaders.mapped("name")),
                )
            )

    def action_instruct(self, opinion=None, due_date=None, signature=None):
        """批示: the current leader's instruction, with an optional due date
        and a handwritten signature (base64 image)."""
        if not opinion:
            return {
                "type": "ir.actions.act_window",
                "name": self.env._("Instruct"),
                "res_model": "office.incoming.instruct.wizard",
                "view_mode": "form",
                "target": "new",
                "context": {"default_document_id": self.id},
            }
        return self._workflow_run(
            "instruct", opinion=opinion, due_date=due_date, signature=signature
        )

    def _check_can_instruct(self, opinion=None, due_date=None, signature=None):
        if not (opinion or "").strip():
            raise UserError(self.env._("Please write the instruction."))

    def _do_instruct(self, opinion=None, due_date=None, signature=None):
        user = self.env.user
        Instruction = self.env["office.document.instruction"]
        for doc in self:
            with granted(INSTRUCTION, doc):
                Instruction.sudo().create(
                    {
                        "document_id": doc.id,
                        "leader_id": user.id,
                        "opinion": opinion,
                        "due_date": due_date or False,
                        "signature": signature or False,
                    }
                )
            doc._office_done(("office_docs.mail_act_incoming_instruct",), users=user)
            if doc.state == "proposed":
                waiting = doc.instruct_leader_ids - doc.sudo().instruction_ids.leader_id
                if not waiting:
                    doc._workflow_set_state("instruct")
            if due_date:
                body = self.env._(
                    "Instruction of %(leader)s (handle by %(date)s): %(opinion)s",
                    leader=user.name,
                    date=fields.Date.to_date(due_date),
                    opinion=opinion,
                )
            else:
                body = self.env._(
                    "Instruction of %(leader)s: %(opinion)s",
                    leader=user.name,
                    opinion=opinion,
                )
            doc._office_log(body)
            if doc.state == "instructed":
                doc._office_schedule(
                    "office_docs.mail_act_incoming_assign",
                    doc.registered_by_id,
                    summary=self.env._("Assign or circulate after the instructions"),
                )

    # ------------------------------------------------------------------
    # Actions: assignment (分办), undertaking (承办), objection (异议)
    # ------------------------------------------------------------------

    def action_assign(self):
        """分办: give the document to the lead department and co-departments."""
        return self._workflow_run("assign")

    def _check_can_assign(self):
        self._check_assignable()

    def action_urgent_assign(self):
        """分办 of urgent work before the leaders' instruction, by the office
        director; the leaders asked countersign afterwards (补签)."""
        return self._workflow_run("urgent_assign")

    def _check_can_urgent_assign(self):
        for doc in self:
            if doc.urgency not in ("urgent", "very_urgent"):
                raise UserError(
                    self.env._(
                        "Only an urgent document is forwarded before the leaders' "
                        "instruction."
                    )
                )
            if not doc.instruct_leader_ids - doc.sudo().instruction_ids.leader_id:
                raise UserError(
                    self.env._(
                        "Name the leaders who read and countersign “%(name)s” "
                        "afterwards.",
                        name=doc.display_name,
                    )
                )
        self._check_assignable(urgent=True)

    def _do_urgent_assign(self):
        self._do_assign()
        for doc in self:
            doc._workflow_set_state("urgent_assign", {"urgent_forward": True})
            waiting = doc.instruct_leader_ids - doc.sudo().instruction_ids.leader_id
            doc._office_ask_instruction(waiting)
            doc._office_log(
                self.env._(
                    "Urgent: forwarded by %(director)s before the instructions; "
                    "%(leaders)s countersign afterwards.",
                    director=self.env.user.name,
                    leaders=", ".join(waiting.mapped("name")),
                )
            )

    def _check_assignable(self, urgent=False):
        for doc in self:
            if doc.handling_kind != "action":
                raise UserError(
                    self.env._(
                        "“%(name)s” is for reading: circulate it instead of "
                        "assigning it.",
                        name=doc.display_name,
                    )
                )
            if not doc.lead_department_id:
                raise UserError(self.env._("Please choose the lead department."))
            if doc.lead_department_id in doc.co_department_ids:
                raise UserError(
                    self.env._("The lead department cannot also be a co-department.")
                )
            doc._check_joint_lead()
            doc._check_lead_basis()
            if doc.sender_level == "upper" and not (urgent or doc.instruction_ids):
                raise UserError(
                    self.env._(
                        "A document from an upper-level organ is assigned after a "
                        "leader's instruction."
                    )
                )
            if doc.sender_level == "peer" and not doc.proposal:
                raise UserError(
                    self.env._(
                        "A document from a peer organ is assigned after the "
                        "office's proposal."
                    )
                )

    def _check_joint_lead(self):
        """资金文件: the budget department and the department of the budget or
        fund concerned lead together; no other document has two leads (003
        第十一条(二)2)."""
        self.ensure_one()
        joint = self.joint_lead_department_id
        if not self.fund_document:
            if joint:
                raise UserError(
                    self.env._(
                        "Only a fund document has a joint lead department "
                        "(003 第十一条(二)2)."
                    )
                )
            return
        budget = (self.company_id or self.env.company).office_docs_budget_department_id
        if not budget:
            raise UserError(
                self.env._(
                    "Name the budget department in the settings: it leads every "
                    "fund document (003 第十一条(二)2)."
                )
            )
        leads = self.lead_department_id | joint
        if not joint or joint == self.lead_department_id or budget not in leads:
            raise UserError(
                self.env._(
                    "A fund document is led jointly by %(budget)s and the "
                    "department managing the budget or fund concerned: name "
                    "both as lead and joint lead departments (003 第十一条(二)2).",
                    budget=budget.name,
                )
            )

    def _check_lead_basis(self):
        """Several departments, one lead: the ground of the choice, in the
        order of 003 第十一条(二)2; a leader's designation needs his
        instruction."""
        self.ensure_one()
        if self.fund_document or not self.co_department_ids:
            return
        if self.lead_basis in LEAD_BASES_INSTRUCTED and not self.instruction_ids:
            raise UserError(
                self.env._(
                    "The lead department of “%(name)s” rests on a leader's "
                    "instruction: it comes before the assignment.",
                    name=self.display_name,
                )
            )

    def _do_assign(self):
        now = fields.Datetime.now()
        Assignment = self.env["office.incoming.assignment"].sudo()
        for doc in self:
            deadline = doc._office_objection_deadline(now)
            vals = {
                "assigned_at": now,
                "assigned_by_id": self.env.uid,
                "objection_deadline": deadline,
                "handler_id": False,
                "undertaken_at": False,
                **doc._office_routing_vals(),
            }
            if doc.fund_document:
                vals["co_department_ids"] = [
                    fields.Command.link(doc.joint_lead_department_id.id)
                ]
            doc._workflow_set_state("assign", vals)
            Assignment.create(
                {
                    "document_id": doc.id,
                    "lead_department_id": doc.lead_department_id.id,
                    "co_department_ids": [
                        fields.Command.set(doc.co_department_ids.ids)
                    ],
                    "assigned_by_id": self.env.uid,
                    "assigned_at": now,
                    "objection_deadline": deadline,
                }
            )
            doc._office_grant_need_to_know(
                departments=doc.lead_department_id | doc.co_department_ids
            )
            doc._office_done(("office_docs.mail_act_incoming_assign",))
            heads = doc._office_lead_departments()._office_head_users()
            doc._office_schedule(
                "office_docs.mail_act_incoming_undertake",
                heads,
                date_deadline=doc._office_to_local(deadline).date(),
                summary=self.env._(
                    "Undertake, or object before %(deadline)s",
                    deadline=doc._office_format_datetime(deadline),
                ),
            )
            if doc.co_department_ids:
                body = self.env._(
                    "Assigned to %(lead)s (lead) with %(co)s; objections until "
                    "%(deadline)s.",
                    lead=doc.lead_department_id.name,
                    co=", ".join(doc.co_department_ids.mapped("name")),
                    deadline=doc._office_format_datetime(deadline),
                )
            else:
                body = self.env._(
                    "Assigned to %(lead)s (lead); objections until %(deadline)s.",
                    lead=doc.lead_department_id.name,
                    deadline=doc._office_format_datetime(deadline),
                )
            doc._office_log(body)
            if doc.fund_document:
                doc._office_log(
                    self.env._(
                        "Fund document: %(lead)s and %(joint)s lead it jointly.",
                        lead=doc.lead_department_id.name,
                        joint=doc.joint_lead_department_id.name,
                    )
                )

    def _office_objection_deadline(self, start):
        """One working day after `start`; one working hour when urgent (the
        company's settings, 003 第十一条(二)3)."""
        self.ensure_one()
        calendar = self.env["office.calendar"]
        company = self.company_id or self.env.company
        if self.urgency in ("urgent", "very_urgent"):
            return calendar.add_working_hours(
                start, company.office_docs_objection_hours_urgent, self.company_id
            )
        local = self._office_to_local(start)
        return self._office_to_utc(
            calendar.add_working_days(
                local, company.office_docs_objection_days, self.company_id
            )
        )

    def action_undertake(self, handler_id=None):
        """承办: the lead department takes the document and names its handler."""
        handler = self.env["res.users"].browse(handler_id) if handler_id else None
        return self._workflow_run("undertake", handler=handler)

    def _office_lead_departments(self):
        """The lead department, and the joint lead of a fund document."""
        self.ensure_one()
        return self.lead_department_id | self.joint_lead_department_id

    def _office_heads_a_lead(self, user):
        self.ensure_one()
        return any(
            user._office_heads_department(department)
            for department in self._office_lead_departments()
        )

    def _check_can_undertake(self, handler=None):
        for doc in self:
            if not doc._office_heads_a_lead(self.env.user):
                raise AccessError(
                    self.env._(
                        "Only the head of %(department)s undertakes this document.",
                        department=" / ".join(
                            doc._office_lead_departments().mapped("name")
                        ),
                    )
                )
            if handler and not (
                handler.office_own_department_ids
                & doc._office_lead_departments()._office_with_children()
            ):
                raise UserError(
                    self.env._(
                        "The handler must work in %(department)s.",
                        department=doc.lead_department_id.name,
                    )
                )

    def _do_undertake(self, handler=None):
        handler = handler or self.env.user
        now = fields.Datetime.now()
        for doc in self:
            doc._workflow_set_state(
                "undertake", {"handler_id": handler.id, "undertaken_at": now}
            )
            doc._office_current_assignment().write(
                {
                    "state": "undertaken",
                    "decided_by_id": self.env.uid,
                    "decided_at": now,
                }
            )
            doc._office_grant_need_to_know(users=handler)
            doc._office_done(("office_docs.mail_act_incoming_undertake",))
            doc._office_schedule(
                "office_docs.mail_act_incoming_handle",
                handler,
                date_deadline=doc.due_date,
            )
            doc._office_log(
                self.env._(
                    "Undertaken by %(department)s; handler: %(handler)s.",
                    department=doc.lead_department_id.name,
                    handler=handler.name,
                )
            )

    def _office_current_assignment(self):
        self.ensure_one()
        return self.sudo().assignment_ids.filtered(lambda a: a.state == "current")[:1]

    def action_object(self, reason=None):
        """异议: the lead department returns the assignment to the office,
        before the objection deadline, with its reason."""
        return self._office_run_with_text(
            "object", reason, self.env._("Please give the reason of the objection.")
        )

    def _check_can_object(self, reason=None):
        now = fields.Datetime.now()
        for doc in self:
            if not self.env.user._office_heads_department(doc.lead_department_id):
                raise AccessError(
                    self.env._(
                        "Only the head of %(department)s may object to this "
                        "assignment.",
                        department=doc.lead_department_id.name,
                    )
                )
            if doc.objection_deadline and now > doc.objection_deadline:
                raise UserError(
                    self.env._(
                        "The time to object ended at %(deadline)s: the lead "
                        "department handles “%(name)s”.",
                        deadline=doc._office_format_datetime(doc.objection_deadline),
                        name=doc.display_name,
                    )
                )

    def _check_can_object_to_proposed(self, **_kwargs):
        raise UserError(self.env._("An objection goes back with its reason."))

    _check_can_object_to_instructed = _check_can_object_to_proposed

    def _do_object(self, reason=None):
        now = fields.Datetime.now()
        for doc in self:
            # the objecting department no longer sees the document afterwards
            department = doc.lead_department_id
            clerk = doc.assigned_by_id or doc.registered_by_id
            doc._office_current_assignment().write(
                {
                    "state": "objected",
                    "objection_reason": reason,
                    "decided_by_id": self.env.uid,
                    "decided_at": now,
                }
            )
            if doc.sudo().instruction_ids:
                verb = "object_to_instructed"
            elif doc.proposed_at:
                verb = "object_to_proposed"
            else:
                verb = "object"
            doc._office_done(("office_docs.mail_act_incoming_undertake",))
            doc._office_log(
                self.env._(
                    "%(department)s objected to the assignment: %(reason)s",
                    department=department.name,
                    reason=reason,
                )
            )
            doc._workflow_set_state(
                verb,
                {
                    "lead_department_id": False,
                    "co_department_ids": [fields.Command.clear()],
                    "assigned_at": False,
                    "objection_deadline": False,
                },
            )
            doc.sudo()._office_schedule(
                "office_docs.mail_act_incoming_assign",
                clerk,
                summary=self.env._(
                    "Reassign: %(department)s objected", department=department.name
                ),
            )

    # ------------------------------------------------------------------
    # Actions: handling and closure (办结)
    # ------------------------------------------------------------------

    def _office_can_handle(self):
        self.ensure_one()
        user = self.env.user
        return (
            self.handler_id == user
            or self._office_heads_a_lead(user)
            or self._office_is_clerk()
        )

    def action_add_progress(self, note=None):
        """A progress note of the handling."""
        return self._office_run_with_text(
            "add_progress", note, self.env._("Please write the progress note.")
        )

    def _check_can_add_progress(self, reason=None):
        for doc in self:
            if not doc._office_can_handle():
                raise AccessError(
                    self.env._("Only the handler and the lead department add progress.")
                )

    def _do_add_progress(self, reason=None):
        Progress = self.env["office.incoming.progress"].sudo()
        for doc in self:
            Progress.create({"document_id": doc.id, "note": reason})
            doc._office_log(self.env._("Progress: %(note)s", note=reason))

    def action_close(self, result=None):
        """办结: the handling is finished (or the circulation is complete)."""
        if not result and len(self) == 1 and self.result:
            result = self.result
        elif not result and self and all(doc.result for doc in self):
            for doc in self:
                doc._workflow_run("close", reason=doc.result)
            return True
        return self._office_run_with_text(
            "close", result, self.env._("Please write the handling result.")
        )

    def _check_can_close(self, reason=None):
        for doc in self:
            if doc.state == "circulating":
                self._office_check_clerk()
                if doc.circulation_ids.filtered(lambda c: c.state != "read"):
                    raise UserError(
                        self.env._(
                            "“%(name)s” has readers who have not read it yet.",
                            name=doc.display_name,
                        )
                    )
            elif not doc._office_can_handle():
                raise AccessError(
                    self.env._(
                        "Only the handler, the lead department or the office closes "
                        "“%(name)s”.",
                        name=doc.display_name,
                    )
                )
            if doc.reply_required and not (doc.reply_note or doc.reply_document_id):
                raise UserError(
                    self.env._(
                        "The sender of “%(name)s” asked for a reply: record the "
                        "reply before closing.",
                        name=doc.display_name,
                    )
                )

    def _do_close(self, reason=None):
        now = fields.Datetime.now()
        calendar = self.env["office.calendar"]
        today = self._office_to_local(now).date()
        for doc in self:
            vals = {
                "closed_at": now,
                "closed_by_id": self.env.uid,
                "handling_days": calendar.working_days_between(
                    doc._office_to_local(doc.received_at).date(),
                    today,
                    doc.company_id,
                ),
                "closed_late": bool(doc.due_date and doc.due_date < today),
            }
            if reason:
                vals["result"] = reason
            doc._workflow_set_state("close", vals)
            doc._office_done(
                (
                    "office_docs.mail_act_incoming_handle",
                    "office_docs.mail_act_incoming_chase",
                    "office_docs.mail_act_incoming_assign",
                    "office_docs.mail_act_incoming_read_back",
                )
            )
            doc._office_log(self.env._("Closed: %(result)s", result=doc.result))

    # ------------------------------------------------------------------
    # Actions: circulation (传阅)
    # ------------------------------------------------------------------

    def action_hand_to_next_reader(self):
        """The office hands the paper copy to the next reader (never reader
        to reader: 不横传)."""
        return self._workflow_run("hand_to_next_reader")

    def _check_can_hand_to_next_reader(self):
        for doc in self:
            lines = doc.circulation_ids
            if lines.filtered(lambda c: c.state == "current"):
                raise UserError(
                    self.env._(
                        "“%(name)s” is with %(reader)s: it comes back to the office "
                        "before going to the next reader.",
                        name=doc.display_name,
                        reader=lines.filtered(
                            lambda c: c.state == "current"
                        ).reader_id.name,
                    )
                )
            if not lines.filtered(lambda c: c.state == "pending"):
                raise UserError(
                    self.env._(
                        "“%(name)s” has no reader left to hand it to.",
                        name=doc.display_name,
                    )
                )

    def _do_hand_to_next_reader(self):
        for doc in self:
            line = doc.circulation_ids.filtered(lambda c: c.state == "pending").sorted(
                lambda c: (c.sequence, c.id)
            )[:1]
            doc._office_grant_need_to_know(users=line.reader_id)
            doc._office_done(("office_docs.mail_act_incoming_read_back",))
            line._workflow_run("hand")
            if doc.state != "circulating":
                doc._workflow_set_state(
                    "hand_to_next_reader", doc._office_routing_vals()
                )
            doc._office_schedule(
                "office_docs.mail_act_incoming_read",
                line.reader_id,
                summary=self.env._("Read and return to the office"),
            )
            doc._office_log(
                self.env._(
                    "Handed to %(reader)s for reading.", reader=line.reader_id.name
                )
            )

    def action_read_circulation(self):
        """Open the reading comment of the current user's circulation line."""
        self.ensure_one()
        line = self.circulation_ids.filtered(
            lambda c: c.state == "current" and c.reader_id == self.env.user
        )
        if not line:
            raise UserError(self.env._("This document has not been handed to you."))
        return line._workflow_run("read_with_comment")

    def action_view_instructions(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Instructions"),
            "res_model": "office.document.instruction",
            "view_mode": "list,form",
            "domain": [("document_id", "=", self.id)],
            "context": {"default_document_id": self.id},
        }

    def action_create_supervision(self, instruction_id=None):
        """督办: open a supervision item following up a leader's instruction
        on this document (the latest one unless named)."""
        self.ensure_one()
        Supervision = self.env["office.supervision"]
        if not Supervision._office_can_manage():
            raise AccessError(
                self.env._("Only the office and the leaders open supervision items.")
            )
        instructions = self.instruction_ids
        instruction = (
            instructions.filtered(lambda i: i.id == instruction_id)
            if instruction_id
            else instructions.sorted(lambda i: (i.instructed_at, i.id))[-1:]
        )
        if not instruction:
            raise UserError(
                self.env._(
                    "“%(name)s” has no leader instruction to follow up.",
                    name=self.display_name,
                )
            )
        owner = self.handler_id or self.lead_department_id._office_head_users()[:1]
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Supervision item"),
            "res_model": "office.supervision",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
            "context": {
                "default_source": "instruction",
                "default_instruction_id": instruction.id,
                "default_title": self.title,
                "default_requirement": instruction.opinion,
                "default_deadline": fields.Date.to_string(
                    instruction.due_date or self.due_date
                )
                if (instruction.due_date or self.due_date)
                else False,
                "default_department_id": self.lead_department_id.id,
                "default_owner_id": owner.id,
            },
        }

    def _office_routing_steps(self):
        """公文运转记录单: each step of the document, in order, as dicts of
        step, who, when (Beijing time) and note."""
        self.ensure_one()
        doc = self
        fmt = doc._office_format_datetime
        _ = self.env._
        steps = [
            {
                "step": _("Registration"),
                "who": doc.registered_by_id.name,
                "when": fmt(doc.received_at),
                "note": doc.name,
            }
        ]
        if doc.returned_at:
            steps.append(
                {
                    "step": _("Return to the sender"),
                    "who": "",
                    "when": fmt(doc.returned_at),
                    "note": doc.return_reason,
                }
            )
        if doc.proposed_at:
            steps.append(
                {
                    "step": _("Proposal"),
                    "who": doc.proposed_by_id.name,
                    "when": fmt(doc.proposed_at),
                    "note": doc.proposal,
                }
            )
        for instruction in doc.instruction_ids:
            steps.append(
                {
                    "step": _("Instruction"),
                    "who": instruction.leader_id.name,
                    "when": fmt(instruction.instructed_at),
                    "note": instruction.opinion,
                }
            )
        for assignment in doc.assignment_ids.sorted(lambda a: (a.assigned_at, a.id)):
            steps.append(
                {
                    "step": _("Assignment"),
                    "who": assignment.assigned_by_id.name,
                    "when": fmt(assignment.assigned_at),
                    "note": assignment.lead_department_id.name,
                }
            )
            if assignment.state == "objected":
                steps.append(
                    {
                        "step": _("Objection"),
                        "who": assignment.decided_by_id.name,
                        "when": fmt(assignment.decided_at),
                        "note": assignment.objection_reason,
                    }
                )
        if doc.undertaken_at:
            steps.append(
                {
                    "step": _("Undertaking"),
                    "who": doc.handler_id.name,
                    "when": fmt(doc.undertaken_at),
                    "note": doc.lead_department_id.name,
                }
            )
        for progress in doc.progress_ids.sorted(lambda p: (p.date, p.id)):
            steps.append(
                {
                    "step": _("Progress"),
                    "who": progress.user_id.name,
                    "when": fmt(progress.date),
                    "note": progress.note,
                }
            )
        for line in doc.circulation_ids.filtered("handed_at").sorted(
            lambda c: (c.handed_at, c.id)
        ):
            steps.append(
                {
                    "step": _("Circulation"),
                    "who": line.reader_id.name,
                    "when": fmt(line.read_at or line.handed_at),
                    "note": line.comment or "",
                }
            )
        if doc.closed_at:
            steps.append(
                {
                    "step": _("Closure"),
                    "who": doc.closed_by_id.name,
                    "when": fmt(doc.closed_at),
                    "note": doc.result,
                }
            )
        return steps

    def action_view_supervision(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Supervision items"),
            "res_model": "office.supervision",
            "view_mode": "list,form",
            "domain": [("incoming_document_id", "=", self.id)],
        }

    def action_view_copies(self):
        """复印转发登记 of this document."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Forwarded copies"),
            "res_model": "office.document.copy",
            "view_mode": "list,form",
            "domain": [("document_id", "=", self.id)],
            "context": {
                "default_document_id": self.id,
                "default_with_instructions": bool(self.instruction_ids),
            },
        }

    def action_view_loans(self):
        """借阅登记 of this document."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Loans"),
            "res_model": "office.document.loan",
            "view_mode": "list,form",
            "domain": [("document_id", "=", self.id)],
            "context": {"default_document_id": self.id},
        }

    def action_view_circulation(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Circulation"),
            "res_model": "office.document.circulation",
            "view_mode": "list",
            "domain": [("document_id", "=", self.id)],
            "context": {"default_document_id": self.id},
        }

    # ------------------------------------------------------------------
    # Scheduled reminders (催办)
    # ------------------------------------------------------------------

    def _office_chase_users(self):
        """Who is chased for this document."""
        self.ensure_one()
        if self.state == "circulating":
            return self.circulation_ids.filtered(
                lambda c: c.state == "current"
            ).reader_id
        if self.state == "handling" and self.handler_id:
            return self.handler_id
        return self.lead_department_id._office_head_users()

    @api.model
    def _cron_remind_due(self, limit=200):
        """Create a chase activity (催办) for the documents due within one
        working day or overdue, one per document and person; bounded, the
        earliest due first."""
        chase = self.env.ref("office_docs.mail_act_incoming_chase")
        today = self._office_today()
        horizon = self.env["office.calendar"].add_working_days(today, 1)
        domain = [
            ("state", "in", ("assigned", "handling", "circulating")),
            ("due_date", "!=", False),
            ("due_date", "<=", horizon),
            ("activity_ids", "not any", [("activity_type_id", "=", chase.id)]),
        ]
        Incoming = self.sudo()
        documents = Incoming.search(domain, order="due_date, id", limit=limit)
        overdue = documents.filtered(lambda d: d.due_date < today)
        for batch, summary in (
            (overdue, self.env._("Overdue: past its handling deadline")),
            (documents - overdue, self.env._("Due on its handling deadline")),
        ):
            if batch:
                Incoming._office_remind(
                    [("id", "in", batch.ids)],
                    "office_docs.mail_act_incoming_chase",
                    lambda doc: doc._office_chase_users(),
                    deadline_field="due_date",
                    summary=summary,
                )
        self.env["ir.cron"]._notify_progress(
            done=len(documents), remaining=Incoming.search_count(domain)
        )
        return True
