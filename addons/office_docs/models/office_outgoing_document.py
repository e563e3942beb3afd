import base64
import hashlib

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools.sql import create_index
from odoo.tools.translate import LazyTranslate

from odoo.addons.office_base.models.office_workflow_mixin import TRANSITION
from odoo.addons.office_base.tools import granted, is_granted

from .office_issuing_code import format_document_number

_lt = LazyTranslate(__name__)
CLERK = ("office_base.group_office_clerk",)
# the purpose of the guarded writes of the distribution lines (sent, copy
# numbers, electronic copies): done by the distribution only
DISTRIBUTION = "office_docs_distribution"
# office_secrecy applies an approved classification decision inside
# granted(CLASSIFICATION_DECISION, documents): the confidentiality of a
# signed document changes then, nothing else
CLASSIFICATION_DECISION = "office_classification_decision"
# the purpose of the one guarded write of body versions: their creation by
# the document (痕迹保留)
BODY_VERSION = "office_docs_body_version"

OUTGOING_STATES = [
    ("draft", "Draft"),
    ("cosign", "Co-signing"),
    ("review", "Office review"),
    ("signing", "Sign-off"),
    ("signed", "Signed"),
    ("first_read", "First read"),
    ("numbered", "Numbered"),
    ("printed", "Printed"),
    ("distributed", "Distributed"),
    ("filed", "Filed"),
    ("cancel", "Cancelled"),
]
# once sent for sign-off, the content is fixed (003 第十六条(二)2)
LOCKED_STATES = (
    "signing",
    "signed",
    "first_read",
    "numbered",
    "printed",
    "distributed",
    "filed",
)
SECRECY_FIELDS = {"secrecy_level", "secrecy_years", "secrecy_release"}
LOCKED_FIELDS = {
    "title",
    "type_id",
    "issuing_code_id",
    "main_recipient_ids",
    "copy_recipient_ids",
    "secrecy_level",
    "secrecy_years",
    "secrecy_release",
    "urgency",
    "body_file",
    "body_filename",
    "body_html",
    "is_normative",
    "is_important",
    "department_id",
    "drafter_id",
}
OFFICE_REVIEW_FIELDS = {
    "check_policy",
    "check_legal",
    "check_content",
    "check_wording",
    "check_format",
    "review_comment",
}
CHANNELS = [
    ("confidential_courier", "Confidential courier"),
    ("secure_network", "Secure network"),
    ("exchange", "Document exchange"),
    ("ordinary_mail", "Ordinary mail"),
    ("email", "E-mail"),
    ("fax", "Fax"),
]
# 003 第十八条: classified documents never by ordinary mail, e-mail or fax
CHANNELS_FORBIDDEN_FOR_SECRETS = ("ordinary_mail", "email", "fax")
# signed, not yet printed: the printing deadline runs
PRINT_PENDING_STATES = ("signed", "first_read", "numbered")
# channels that carry an electronic copy, stamped with its recipient
ELECTRONIC_CHANNELS = ("secure_network", "exchange", "email")


class OfficeOutgoingDocument(models.Model):
    """发文: a document the agency issues, from the draft (拟稿) to filing
    (归档).

    draft → co-signing (会签) → office review (核稿) → sign-off (签发, through
    office.approval.mixin and its ``tier.definition`` records: the office
    director, then the leader in charge of the drafting department reviews,
    then the 局长 signs; a letter (函) is signed by the leader in charge
    unless it is important — 002 公文处理制度 二、三) → signed
    → first reading (首读) → numbered (编号) → printed (印制) → distributed
    (分发) → filed (归档); cancelled before numbering.

    ========================  ==================================================
    Who                       May
    ========================  ==================================================
    Staff (drafter)           draft, submit, explain disagreements, cancel a
                              draft; see what they draft, what their department
                              drafts and what their department co-signs
    Co-signing department     agree or disagree with an opinion
    Office clerk / director   review (the five checks), return for correction,
                              send for sign-off, first reading, numbering,
                              printing, distribution, filing; see everything
                              within their clearance
    Leaders                   sign off from the approvals inbox; see what they
                              sign
    ========================  ==================================================

    After sign-off the body and the key fields are locked; the body's SHA-256
    recorded at sign-off proves it unchanged. A change needs
    ``action_back_to_review`` and a new sign-off."""

    _name = "office.outgoing.document"
    _description = "Outgoing Document"
    _inherit = [
        "office.document.mixin",
        "office.confidential.mixin",
        "office.urgency.mixin",
        "office.approval.mixin",
        "office.concerns.me.mixin",
    ]
    _order = "create_date desc, id desc"
    _rec_names_search = ["number", "title"]
    _check_company_auto = True

    _state_from = ["signing"]
    _state_to = ["signed"]
    _cancel_state = "cancel"
    _workflow_transitions = {
        "submit": {
            "from": ("draft", "cosign"),
            "to": "review",
            "label": _lt("submit"),
        },
        # a draft with co-signing departments goes to them first (by submit)
        "send_to_cosign": {"from": ("draft",), "to": "cosign"},
        "return_for_correction": {
            "from": ("review",),
            "to": "draft",
            "groups": CLERK,
            "reason": True,
            "label": _lt("return for correction"),
        },
        "request_signoff": {
            "from": ("review",),
            "to": "signing",
            "groups": CLERK,
            "label": _lt("send for sign-off"),
        },
        # the sign-off's last reviewer approves (office.approval.mixin)
        "sign": {"from": ("signing",), "to": "signed", "label": _lt("sign off")},
        "refuse_signoff": {
            "from": ("signing",),
            "to": "draft",
            "label": _lt("refuse the sign-off of"),
        },
        "back_to_review": {
            "from": ("signing", "signed", "first_read"),
            "to": "review",
            "reason": True,
            "label": _lt("reopen"),
        },
        "first_read": {
            "from": ("signed",),
            "to": "first_read",
            "groups": CLERK,
            "label": _lt("first-read"),
        },
        "number": {
            "from": ("first_read",),
            "to": "numbered",
            "groups": CLERK,
            "label": _lt("number"),
        },
        "mark_printed": {
            "from": ("numbered",),
            "to": "printed",
            "groups": CLERK,
            "label": _lt("mark printed"),
        },
        "distribute": {
            "from": ("printed",),
            "to": "distributed",
            "groups": CLERK,
            "label": _lt("distribute"),
        },
        "file": {
            "from": ("distributed",),
            "to": "filed",
            "groups": CLERK,
            "label": _lt("file"),
        },
        "cancel": {
            "from": ("draft", "cosign", "review", "signing", "signed", "first_read"),
            "to": "cancel",
            "label": _lt("cancel"),
        },
        "reset_to_draft": {
            "from": ("cancel",),
            "to": "draft",
            "label": _lt("reset to draft"),
        },
    }
    _office_final_states = ("filed", "cancel")
    _office_workflow_fields = (
        "state",
        "number",
        "number_year",
        "number_seq",
        "numbered_at",
        "body_sha256",
        "leader_in_charge_id",
        "signer_id",
        "signed_at",
        "sign_opinion",
        "document_date",
        "fair_competition_by_id",
        "fair_competition_date",
        "legality_by_id",
        "legality_date",
        "integrity_by_id",
        "integrity_date",
        "reviewer_id",
        "reviewed_at",
        "first_reader_id",
        "first_read_at",
        "printed_at",
        "print_deadline",
        "printed_late",
        "distributed_at",
        "filed_at",
    )

    # ------------------------------------------------------------------
    # Draft (拟稿)
    # ------------------------------------------------------------------

    title = fields.Char(required=True, tracking=True, index="trigram")
    state = fields.Selection(
        OUTGOING_STATES,
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
        group_expand="_group_expand_states",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    drafter_id = fields.Many2one(
        "res.users",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
        index=True,
        help="The drafter (拟稿人): an active employee of the agency.",
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Drafting department",
        default=lambda self: self.env.user.office_own_department_ids[:1],
        tracking=True,
        index=True,
        check_company=True,
    )
    type_id = fields.Many2one(
        "office.document.type", string="Document type", required=True, tracking=True
    )
    is_upward = fields.Boolean(related="type_id.is_upward")
    is_letter = fields.Boolean(related="type_id.is_letter")
    issuing_code_id = fields.Many2one(
        "office.issuing.code",
        string="Issuing code",
        tracking=True,
        check_company=True,
        help="The organ's code in the document number (机关代字).",
    )
    main_recipient_ids = fields.Many2many(
        "res.partner",
        "office_outgoing_document_main_recipient_rel",
        "document_id",
        "partner_id",
        string="Main recipients",
        help="The organs the document is addressed to (主送机关).",
    )
    copy_recipient_ids = fields.Many2many(
        "res.partner",
        "office_outgoing_document_copy_recipient_rel",
        "document_id",
        "partner_id",
        string="Copy recipients",
        help="The organs that receive a copy (抄送机关).",
    )
    is_important = fields.Boolean(
        string="Important document",
        tracking=True,
        help="Important documents are signed by the principal leader.",
    )
    body_file = fields.Binary(string="Body", attachment=True, copy=False)
    body_filename = fields.Char(string="Body file name", copy=False)
    body_html = fields.Html(
        string="Body text",
        sanitize_style=True,
        copy=False,
        help="The text of the body as printed on the formatted document (套红).",
    )
    body_version_ids = fields.One2many(
        "office.outgoing.body.version",
        "document_id",
        string="Body versions",
        copy=False,
    )
    body_version_count = fields.Integer(compute="_compute_body_version_count")
    body_sha256 = fields.Char(
        string="Signed body SHA-256",
        readonly=True,
        copy=False,
        help="Digest of the body file at sign-off.",
    )
    body_intact = fields.Boolean(
        compute="_compute_body_intact",
        string="Body unchanged since sign-off",
    )

    # ------------------------------------------------------------------
    # Normative documents (规范性文件)
    # ------------------------------------------------------------------

    is_normative = fields.Boolean(
        string="Normative document",
        tracking=True,
        help="A normative document (规范性文件) needs the fair-competition "
        "review, the legality review and the integrity assessment before "
        "sign-off.",
    )
    fair_competition_by_id = fields.Many2one(
        "res.users", string="Fair-competition review by", readonly=True, copy=False
    )
    fair_competition_date = fields.Datetime(
        string="Fair-competition review on", readonly=True, copy=False
    )
    legality_by_id = fields.Many2one(
        "res.users", string="Legality review by", readonly=True, copy=False
    )
    legality_date = fields.Datetime(
        string="Legality review on", readonly=True, copy=False
    )
    integrity_by_id = fields.Many2one(
        "res.users", string="Integrity assessment by", readonly=True, copy=False
    )
    integrity_date = fields.Datetime(
        string="Integrity assessment on", readonly=True, copy=False
    )
    fair_competition_done = fields.Boolean(
        compute="_compute_normative_reviews", string="Fair-competition reviewed"
    )
    legality_done = fields.Boolean(
        compute="_compute_normative_reviews", string="Legality reviewed"
    )
    integrity_done = fields.Boolean(
        compute="_compute_normative_reviews", string="Integrity assessed"
    )

    # ------------------------------------------------------------------
    # Co-signing (会签) and office review (核稿)
    # ------------------------------------------------------------------

    cosign_ids = fields.One2many(
        "office.outgoing.cosign", "document_id", string="Co-signing", copy=False
    )
    check_policy = fields.Boolean(string="Policy checked", tracking=True, copy=False)
    check_legal = fields.Boolean(string="Law checked", tracking=True, copy=False)
    check_content = fields.Boolean(string="Content checked", tracking=True, copy=False)
    check_wording = fields.Boolean(string="Wording checked", tracking=True, copy=False)
    check_format = fields.Boolean(string="Format checked", tracking=True, copy=False)
    review_comment = fields.Text(string="Review comments", copy=False)
    reviewer_id = fields.Many2one(
        "res.users", string="Office reviewer", readonly=True, copy=False
    )
    reviewed_at = fields.Datetime(readonly=True, copy=False)

    # ------------------------------------------------------------------
    # Sign-off (签发), first reading (首读), numbering (编号)
    # ------------------------------------------------------------------

    leader_in_charge_id = fields.Many2one(
        "res.users",
        string="Leader in charge",
        readonly=True,
        copy=False,
        help="The leader in charge of the drafting department, taken when the "
        "document is sent for sign-off: reviews a document before the 局长 signs "
        "it, signs a letter (002 公文处理制度 二、三).",
    )
    signer_id = fields.Many2one(
        "res.users", string="Signed by", readonly=True, copy=False, tracking=True
    )
    signed_at = fields.Datetime(readonly=True, copy=False)
    sign_opinion = fields.Text(string="Sign-off opinion", readonly=True, copy=False)
    document_date = fields.Date(
        string="Document date",
        readonly=True,
        copy=False,
        help="Date of the document (成文日期): the day of the sign-off.",
    )
    document_date_text = fields.Char(
        compute="_compute_document_date_text", string="Document date (text)"
    )
    first_reader_id = fields.Many2one(
        "res.users", string="First reader", readonly=True, copy=False
    )
    first_read_at = fields.Datetime(readonly=True, copy=False)
    number = fields.Char(
        string="Document number",
        readonly=True,
        copy=False,
        index="trigram",
        tracking=True,
        help="The document number (发文字号), e.g. 益财发〔2026〕12号.",
    )
    number_year = fields.Integer(readonly=True, copy=False)
    number_seq = fields.Integer(readonly=True, copy=False)
    numbered_at = fields.Datetime(readonly=True, copy=False)

    # ------------------------------------------------------------------
    # Printing (印制), distribution (分发), filing (归档)
    # ------------------------------------------------------------------

    print_copies = fields.Integer(string="Copies", copy=False, tracking=True)
    copy_number_range = fields.Char(
        compute="_compute_copy_number_range",
        string="Copy numbers",
        help="Copy numbers (份号) of a classified document: six digits, "
        "000001 onwards.",
    )
    printed_at = fields.Datetime(readonly=True, copy=False)
    print_deadline = fields.Datetime(
        string="Print by",
        readonly=True,
        copy=False,
        index=True,
        help="Set at sign-off from the urgency: the working hours the company "
        "gives very urgent, urgent and other documents (003 第十七条(二)2: 严格"
        "按照时限印制完毕; 004 一(一)4).",
    )
    printed_late = fields.Boolean(
        string="Printed late",
        readonly=True,
        copy=False,
        help="Printed after its printing deadline (003 表7: 未严格按照时限印制完成).",
    )
    print_overdue = fields.Boolean(
        string="Printing overdue",
        compute="_compute_print_overdue",
        search="_search_print_overdue",
    )
    distribution_ids = fields.One2many(
        "office.outgoing.distribution",
        "document_id",
        copy=False,
    )
    distributed_at = fields.Datetime(readonly=True, copy=False)
    filed_at = fields.Datetime(readonly=True, copy=False)

    # ------------------------------------------------------------------
    # Rights for the buttons
    # ------------------------------------------------------------------

    office_concerns_me = fields.Boolean(
        help="Drafted or created by me, drafted in one of my departments, or "
        "co-signed by me or one of my departments."
    )
    is_author = fields.Boolean(compute="_compute_user_rights")
    can_cosign = fields.Boolean(compute="_compute_user_rights")

    _sql_constraints = [
        (
            "number_uniq",
            "unique(issuing_code_id, number_year, number_seq)",
            "This document number is already taken.",
        ),
        (
            "print_copies_positive",
            "CHECK(print_copies IS NULL OR print_copies >= 0)",
            "The number of copies cannot be negative.",
        ),
    ]

    # ------------------------------------------------------------------
    # Computes and constraints
    # ------------------------------------------------------------------

    @api.depends("number", "title")
    def _compute_display_name(self):
        for doc in self:
            doc.display_name = (
                f"{doc.number} {doc.title or ''}".strip() if doc.number else doc.title
            )

    @api.depends(
        "fair_competition_by_id", "legality_by_id", "integrity_by_id", "is_normative"
    )
    def _compute_normative_reviews(self):
        for doc in self:
            doc.fair_competition_done = bool(doc.fair_competition_by_id)
            doc.legality_done = bool(doc.legality_by_id)
            doc.integrity_done = bool(doc.integrity_by_id)

    @api.depends("body_file", "body_sha256")
    def _compute_body_intact(self):
        for doc in self:
            doc.body_intact = bool(
                doc.body_sha256 and doc._office_body_digest() == doc.body_sha256
            )

    def _compute_body_version_count(self):
        groups = (
            self.env["office.outgoing.body.version"]
            .sudo()
            ._read_group(
                [("document_id", "in", self.ids)], ["document_id"], ["__count"]
            )
        )
        counts = {doc.id: count for doc, count in groups}
        for doc in self:
            doc.body_version_count = counts.get(doc.id, 0)

    @api.depends("document_date")
    def _compute_document_date_text(self):
        for doc in self:
            doc.document_date_text = self._office_format_date_cn(doc.document_date)

    @api.depends("print_deadline", "state")
    def _compute_print_overdue(self):
        now = fields.Datetime.now()
        for doc in self:
            doc.print_overdue = bool(
                doc.state in PRINT_PENDING_STATES
                and doc.print_deadline
                and doc.print_deadline < now
            )

    def _search_print_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on “Printing overdue”."))
        domain = [
            ("state", "in", PRINT_PENDING_STATES),
            ("print_deadline", "<", fields.Datetime.now()),
        ]
        if (operator == "=") == value:
            return domain
        return ["!", "&", *domain]

    def _office_print_deadline(self, start):
        """`start` plus the working hours of the document's urgency (003
        第十七条(二)2, 004 一(一)4: the company's settings)."""
        self.ensure_one()
        company = self.company_id or self.env.company
        hours = {
            "very_urgent": company.office_docs_print_hours_very_urgent,
            "urgent": company.office_docs_print_hours_urgent,
        }.get(self.urgency, company.office_docs_print_hours_normal)
        if not hours:
            return False
        return self.env["office.calendar"].add_working_hours(start, hours, company)

    @api.depends("print_copies", "secrecy_level")
    def _compute_copy_number_range(self):
        for doc in self:
            if doc.secrecy_rank and doc.print_copies:
                doc.copy_number_range = (
                    f"{1:06d}–{doc.print_copies:06d}"
                    if doc.print_copies > 1
                    else f"{1:06d}"
                )
            else:
                doc.copy_number_range = False

    @api.depends_context("uid")
    @api.depends("drafter_id", "state", "cosign_ids.state", "cosign_ids.user_id")
    def _compute_user_rights(self):
        user = self.env.user
        for doc in self:
            doc.is_author = user in (doc.drafter_id | doc.create_uid)
            doc.can_cosign = doc.state == "cosign" and any(
                line.state == "pending" and line._office_can_decide(user)
                for line in doc.cosign_ids
            )

    @api.constrains("drafter_id")
    def _check_drafter(self):
        for doc in self:
            employees = doc.drafter_id.sudo().employee_ids.filtered("active")
            if not employees:
                raise ValidationError(
                    self.env._(
                        "The drafter %(user)s must be an active employee of the "
                        "agency.",
                        user=doc.drafter_id.name,
                    )
                )

    def _office_body_digest(self):
        self.ensure_one()
        data = self.with_context(bin_size=False).body_file
        if not data:
            return False
        return hashlib.sha256(base64.b64decode(data)).hexdigest()

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------

    def init(self):
        res = super().init()
        # lookups by exact number (a scan, an exchange system polling) use a
        # b-tree; the trigram index of the field serves the search bar
        create_index(
            self.env.cr,
            "office_outgoing_document_number_btree",
            self._table,
            ["number"],
        )
        # the default order of the register (_order), for its first page
        create_index(
            self.env.cr,
            "office_outgoing_document_create_date_id_index",
            self._table,
            ["create_date DESC", "id DESC"],
        )
        # one part of the staff's record rule (see _office_concerns_me_parts)
        create_index(
            self.env.cr,
            "office_outgoing_document_create_uid_index",
            self._table,
            ["create_uid"],
        )
        return res

    def _office_reviewer_rule_domain(self):
        # the staff's rule (office_concerns_me) holds the documents they
        # review: theirs is false, so that PostgreSQL meets one set of ids
        # instead of an OR of two, which it answers by scanning the register
        return (
            "[(0, '=', 1)] if user.has_group('office_base.group_office_user') "
            "else " + super()._office_reviewer_rule_domain()
        )

    def _office_concerns_me_parts(self):
        departments = self.env.user.sudo().office_department_ids.ids
        uid = self.env.uid
        return [
            (self._table, "id", "drafter_id", uid),
            (self._table, "id", "create_uid", uid),
            (self._table, "id", "department_id", departments),
            ("office_outgoing_cosign", "document_id", "user_id", uid),
            ("office_outgoing_cosign", "document_id", "department_id", departments),
        ]

    @api.model_create_multi
    def create(self, vals_list):
        documents = super().create(vals_list)
        documents.filtered("body_file")._office_keep_body_version()
        for doc in documents:
            doc._office_grant_need_to_know(
                users=doc.drafter_id,
                departments=doc.department_id | doc._office_office_departments(),
            )
        return documents

    def write(self, vals):
        locked = LOCKED_FIELDS & set(vals)
        if is_granted(CLASSIFICATION_DECISION, self):
            # an approved classification decision (office_secrecy) changes the
            # confidentiality of a signed document; nothing else
            locked -= SECRECY_FIELDS
        if locked:
            signed = self.filtered(lambda d: d.state in LOCKED_STATES)
            if signed:
                raise UserError(
                    self.env._(
                        "“%(name)s” is sent for sign-off or signed: its content "
                        "(%(fields)s) can only change after going back to review "
                        "and a new sign-off.",
                        name=signed[0].display_name,
                        fields=", ".join(
                            self._fields[f].get_description(self.env)["string"]
                            for f in sorted(locked)
                        ),
                    )
                )
        if (
            OFFICE_REVIEW_FIELDS & set(vals)
            and not self._office_workflow_granted()
            and not self._office_is_clerk()
        ):
            raise AccessError(self.env._("Only the office records its review."))
        res = super().write(vals)
        if vals.get("body_file"):
            self._office_keep_body_version()
        return res

    def _office_keep_body_version(self):
        """痕迹保留: each body file put on the document is kept as a version,
        with who put it and when, and its SHA-256."""
        Version = self.env["office.outgoing.body.version"].sudo()
        with granted(BODY_VERSION):
            self._office_keep_body_version_granted(Version)

    def _office_keep_body_version_granted(self, Version):
        for doc in self:
            digest = doc.sudo()._office_body_digest()
            last = Version.search(
                [("document_id", "=", doc.id)], order="version desc", limit=1
            )
            if last and last.sha256 == digest:
                continue
            Version.create(
                {
                    "document_id": doc.id,
                    "version": (last.version or 0) + 1,
                    "body_file": doc.sudo().with_context(bin_size=False).body_file,
                    "body_filename": doc.body_filename,
                    "sha256": digest,
                    "state_at_upload": doc.state,
                    "user_id": self.env.uid,
                }
            )
            doc.invalidate_recordset(["body_version_ids", "body_version_count"])

    def action_view_body_versions(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Body versions"),
            "res_model": "office.outgoing.body.version",
            "view_mode": "list,form",
            "domain": [("document_id", "=", self.id)],
        }

    def _office_frozen_attachment_records(self):
        # the signed content includes its files (003 第十六条(二)2)
        return self.filtered(lambda d: d.state in LOCKED_STATES)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_draft(self):
        if any(doc.state not in ("draft", "cancel") or doc.number for doc in self):
            raise UserError(
                self.env._(
                    "Only drafts and cancelled documents without a number can be "
                    "deleted."
                )
            )

    def _get_tier_validation_readonly_domain(self):
        # read-only while a sign-off round is open; the lock after signing is
        # ours (LOCKED_FIELDS), the workflow fields stay editable
        return "validation_status in ('waiting', 'pending')"

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------

    def _office_check_author(self):
        for doc in self:
            if not (
                self.env.user in (doc.drafter_id | doc.create_uid)
                or doc._office_is_clerk()
            ):
                raise AccessError(
                    self.env._(
                        "Only the drafter of “%(name)s” or the office can do this.",
                        name=doc.display_name,
                    )
                )

    # ------------------------------------------------------------------
    # Actions: submit, co-signing (会签)
    # ------------------------------------------------------------------

    def action_submit(self):
        """Send the draft to the co-signing departments, or to the office
        review when there are none or all have answered."""
        return self._workflow_run("submit")

    def _check_can_submit(self):
        self._office_check_author()
        for doc in self:
            if not doc.body_file:
                raise UserError(
                    self.env._("Please attach the body of “%(name)s”.", name=doc.title)
                )
            if not doc.main_recipient_ids:
                raise UserError(
                    self.env._(
                        "Please name the main recipients of “%(name)s”.", name=doc.title
                    )
                )
            if doc.state == "cosign":
                pending = doc.cosign_ids.filtered(lambda c: c.state == "pending")
                if pending:
                    raise UserError(
                        self.env._(
                            "Waiting for the co-signing of %(departments)s.",
                            departments=", ".join(pending.department_id.mapped("name")),
                        )
                    )
                unexplained = doc.cosign_ids.filtered(
                    lambda c: (
                        c.state == "disagreed" and not (c.explanation or "").strip()
                    )
                )
                if unexplained:
                    raise UserError(
                        self.env._(
                            "%(departments)s disagreed: explain how the draft "
                            "answers their opinion before the office review.",
                            departments=", ".join(
                                unexplained.department_id.mapped("name")
                            ),
                        )
                    )

    def _check_can_send_to_cosign(self):
        raise UserError(self.env._("A draft goes to co-signing when submitted."))

    def _do_submit(self):
        for doc in self:
            pending = doc.cosign_ids.filtered(lambda c: c.state == "pending")
            if doc.state == "draft" and pending:
                doc._workflow_set_state("send_to_cosign")
                signers = pending._office_signers()
                doc._office_grant_need_to_know(
                    users=signers, departments=pending.department_id
                )
                deadline = self.env["office.calendar"].add_working_days(
                    self._office_today(),
                    (doc.company_id or self.env.company).office_docs_cosign_days,
                    doc.company_id,
                )
                with granted(TRANSITION, pending):
                    pending.sudo().write({"deadline": deadline})
                doc._office_schedule(
                    "office_docs.mail_act_outgoing_cosign",
                    signers,
                    date_deadline=deadline,
                )
                doc._office_log(
                    self.env._(
                        "Sent for co-signing to %(departments)s.",
                        departments=", ".join(pending.department_id.mapped("name")),
                    )
                )
            else:
                doc._workflow_set_state("submit")
                doc._office_done(("office_docs.mail_act_outgoing_correct",))
                doc._office_log(self.env._("Submitted for the office review."))

    # ------------------------------------------------------------------
    # Actions: normative reviews
    # ------------------------------------------------------------------

    def action_review_fair_competition(self):
        """公平竞争审查 by the head of the drafting department."""
        return self._office_record_normative_review("fair_competition")

    def action_review_legality(self):
        """合法性审查 by the legality review department (税政法规科)."""
        return self._office_record_normative_review("legality")

    def action_review_integrity(self):
        """廉洁性评估 by the integrity review department (纪检监察室)."""
        return self._office_record_normative_review("integrity")

    def _office_record_normative_review(self, kind):
        self._check_can_review_normative(kind)
        now = fields.Datetime.now()
        labels = {
            "fair_competition": self.env._("Fair-competition review"),
            "legality": self.env._("Legality review"),
            "integrity": self.env._("Integrity assessment"),
        }
        for doc in self:
            doc._office_write({f"{kind}_by_id": self.env.uid, f"{kind}_date": now})
            doc._office_log(
                self.env._(
                    "%(review)s done by %(user)s.",
                    review=labels[kind],
                    user=self.env.user.name,
                )
            )
        return True

    def _check_can_review_normative(self, kind):
        self._office_check_state(("draft", "cosign", "review"))
        user = self.env.user
        for doc in self:
            if not doc.is_normative:
                raise UserError(
                    self.env._(
                        "“%(name)s” is not a normative document.", name=doc.display_name
                    )
                )
            if doc[f"{kind}_by_id"]:
                raise UserError(self.env._("This review is already recorded."))
            if kind == "fair_competition":
                allowed = user._office_heads_department(doc.department_id)
                department = doc.department_id
            else:
                company = doc.company_id
                department = (
                    company.office_docs_legal_department_id
                    if kind == "legality"
                    else company.office_docs_discipline_department_id
                )
                allowed = bool(department) and user._office_heads_department(department)
            if not allowed:
                raise AccessError(
                    self.env._(
                        "Only the head of %(department)s records this review.",
                        department=department.name
                        or self.env._("the department set in the settings"),
                    )
                )

    # ------------------------------------------------------------------
    # Actions: office review (核稿) and sign-off (签发)
    # ------------------------------------------------------------------

    def action_return_for_correction(self, comment=None):
        """The office returns the draft to its drafter with its comments."""
        return self._office_run_with_text(
            "return_for_correction",
            comment,
            self.env._("Please write what is to be corrected."),
        )

    def _do_return_for_correction(self, reason=None):
        for doc in self:
            doc._workflow_set_state(
                "return_for_correction",
                {
                    "review_comment": reason,
                    **dict.fromkeys(OFFICE_REVIEW_FIELDS - {"review_comment"}, False),
                },
            )
            doc._office_schedule(
                "office_docs.mail_act_outgoing_correct",
                doc.drafter_id,
                summary=self.env._("Correct the draft"),
            )
            doc._office_log(
                self.env._("Returned for correction: %(comment)s", comment=reason)
            )

    def action_request_signoff(self):
        """The office review is complete: send the document for sign-off."""
        return self._workflow_run("request_signoff")

    def _check_can_request_signoff(self):
        for doc in self:
            missing = [
                doc._fields[name].get_description(self.env)["string"]
                for name in (
                    "check_policy",
                    "check_legal",
                    "check_content",
                    "check_wording",
                    "check_format",
                )
                if not doc[name]
            ]
            if missing:
                raise UserError(
                    self.env._(
                        "The office review of “%(name)s” is incomplete: %(checks)s.",
                        name=doc.display_name,
                        checks=", ".join(missing),
                    )
                )
            if doc.cosign_ids.filtered(lambda c: c.state == "pending"):
                raise UserError(self.env._("The co-signing is not finished."))
            if doc.is_normative and not (
                doc.fair_competition_by_id
                and doc.legality_by_id
                and doc.integrity_by_id
            ):
                raise UserError(
                    self.env._(
                        "“%(name)s” is a normative document: the fair-competition "
                        "review, the legality review and the integrity assessment "
                        "come before sign-off.",
                        name=doc.display_name,
                    )
                )
            if not doc.body_file:
                raise UserError(self.env._("The body is missing."))
            if not doc._office_leader_in_charge():
                raise UserError(
                    self.env._(
                        "The drafting department of “%(name)s” has no leader in "
                        "charge: name one on the department.",
                        name=doc.display_name,
                    )
                )

    def _office_leader_in_charge(self):
        self.ensure_one()
        department = (
            self.department_id or self.drafter_id.sudo().employee_id.department_id
        )
        return department._office_leader_in_charge() if department else department

    def _do_request_signoff(self):
        now = fields.Datetime.now()
        for doc in self:
            # entering "signing" drops the reviews of an earlier round (kept
            # as approval history by office_base)
            doc._workflow_set_state(
                "request_signoff",
                {
                    "reviewer_id": self.env.uid,
                    "reviewed_at": now,
                    "leader_in_charge_id": doc._office_leader_in_charge().id,
                },
            )
            doc.invalidate_recordset(["review_ids", "need_validation"])
            if not doc.need_validation:
                raise UserError(
                    self.env._(
                        "No sign-off step applies to “%(name)s”: configure the "
                        "approval steps of outgoing documents.",
                        name=doc.display_name,
                    )
                )
            doc.action_office_request_approval()
            doc._office_grant_need_to_know(users=doc.sudo().review_ids.reviewer_ids)
            doc._office_log(self.env._("Office review done; sent for sign-off."))

    def _on_office_validated(self):
        # the acting user is the reviewer who decided the last step
        self.filtered(lambda d: d.state == "signing")._workflow_run("sign")

    def _check_can_sign(self):
        if self.filtered(lambda d: d.validation_status != "validated"):
            raise UserError(self.env._("The sign-off is not complete."))

    def _do_sign(self):
        now = fields.Datetime.now()
        for doc in self:
            last = doc.sudo().review_ids.filtered(lambda r: r.status == "approved")
            last = last.sorted("sequence")[-1:]
            signer = last.done_by or self.env.user
            opinion = last.comment or self.env._("Agreed")
            doc._workflow_set_state(
                "sign",
                {
                    "signer_id": signer.id,
                    "signed_at": now,
                    "sign_opinion": opinion,
                    "document_date": doc._office_to_local(now).date(),
                    "body_sha256": doc.sudo()._office_body_digest(),
                    "print_deadline": doc._office_print_deadline(now),
                },
            )
            doc._office_log(
                self.env._(
                    "Signed off by %(signer)s on %(date)s: %(opinion)s",
                    signer=signer.name,
                    date=doc._office_format_date_cn(now),
                    opinion=opinion,
                )
            )
            doc._office_schedule(
                "office_docs.mail_act_outgoing_first_read",
                doc.reviewer_id or doc.create_uid,
                summary=self.env._("First reading and numbering"),
            )

    def _on_office_rejected(self):
        self.filtered(lambda d: d.state == "signing")._workflow_run("refuse_signoff")

    def _check_can_refuse_signoff(self):
        if self.filtered(lambda d: d.validation_status != "rejected"):
            raise UserError(self.env._("The sign-off was not refused."))

    def _do_refuse_signoff(self):
        for doc in self:
            doc._workflow_set_state("refuse_signoff")
            doc._office_schedule(
                "office_docs.mail_act_outgoing_correct",
                doc.drafter_id,
                summary=self.env._("Sign-off refused: correct the draft"),
            )
            doc._office_log(self.env._("Sign-off refused; back to the drafter."))

    def action_back_to_review(self, reason=None):
        """Reopen a signed document for a change: it goes back to the office
        review and needs a new sign-off."""
        return self._office_run_with_text(
            "back_to_review",
            reason,
            self.env._("Please give the reason of the change."),
        )

    def _check_can_back_to_review(self, reason=None):
        self._office_check_author()

    def _do_back_to_review(self, reason=None):
        for doc in self:
            if doc.state == "signing":
                # withdrawn from the sign-off: the open round ends (kept as
                # approval history by office_base)
                doc.sudo().review_ids.unlink()
            doc._workflow_set_state(
                "back_to_review",
                {
                    "signer_id": False,
                    "signed_at": False,
                    "sign_opinion": False,
                    "document_date": False,
                    "body_sha256": False,
                    "first_reader_id": False,
                    "first_read_at": False,
                    "reviewer_id": False,
                    "reviewed_at": False,
                    **dict.fromkeys(OFFICE_REVIEW_FIELDS - {"review_comment"}, False),
                },
            )
            doc._office_done(("office_docs.mail_act_outgoing_first_read",))
            doc._office_log(
                self.env._(
                    "Back to the office review for a change; a new sign-off is "
                    "needed: %(reason)s",
                    reason=reason,
                )
            )

    # ------------------------------------------------------------------
    # Actions: first reading (首读), numbering (编号), printing (印制)
    # ------------------------------------------------------------------

    def action_first_read(self):
        """首读: the first reader checks the signed document before numbering."""
        return self._workflow_run("first_read")

    def _do_first_read(self):
        self._workflow_set_state(
            "first_read",
            {"first_reader_id": self.env.uid, "first_read_at": fields.Datetime.now()},
        )
        self._office_log(self.env._("First reading done."))

    def action_number(self):
        """编号: the next number of the issuing code for this year."""
        return self._workflow_run("number")

    def _check_can_number(self):
        for doc in self:
            if not doc.issuing_code_id:
                raise UserError(
                    self.env._(
                        "Please choose the issuing code of “%(name)s”.",
                        name=doc.display_name,
                    )
                )
            if not doc.sudo().issuing_code_id.active:
                raise UserError(self.env._("This issuing code is archived."))

    def _do_number(self):
        year = self._office_today().year
        for doc in self:
            code = doc.sudo().issuing_code_id
            seq = code._next_number(year)
            number = format_document_number(
                code.name, year, seq, is_order=doc.type_id.is_order
            )
            doc._workflow_set_state(
                "number",
                {
                    "number": number,
                    "number_year": year,
                    "number_seq": seq,
                    "numbered_at": fields.Datetime.now(),
                },
            )
            doc._office_done(("office_docs.mail_act_outgoing_first_read",))
            doc._office_log(self.env._("Numbered %(number)s.", number=number))

    def action_mark_printed(self):
        """印制: the copies are printed and checked."""
        return self._workflow_run("mark_printed")

    def _check_can_mark_printed(self):
        if self.filtered(lambda d: d.print_copies <= 0):
            raise UserError(self.env._("Please enter the number of copies printed."))

    def _do_mark_printed(self):
        for doc in self:
            now = fields.Datetime.now()
            late = bool(doc.print_deadline and now > doc.print_deadline)
            doc._workflow_set_state(
                "mark_printed", {"printed_at": now, "printed_late": late}
            )
            if late:
                doc._office_log(
                    self.env._(
                        "Printed after its deadline %(deadline)s.",
                        deadline=doc._office_format_datetime(doc.print_deadline),
                    )
                )
            if doc.copy_number_range:
                body = self.env._(
                    "Printed: %(copies)s copies, copy numbers %(range)s.",
                    copies=doc.print_copies,
                    range=doc.copy_number_range,
                )
            else:
                body = self.env._(
                    "Printed: %(copies)s copies.", copies=doc.print_copies
                )
            doc._office_log(body)

    # ------------------------------------------------------------------
    # Actions: distribution (分发), filing (归档), cancel
    # ------------------------------------------------------------------

    def action_distribute(self):
        """分发: every recipient is on the distribution list, by an allowed
        channel; classified copies get their copy numbers."""
        return self._workflow_run("distribute")

    def _check_can_distribute(self):
        for doc in self:
            lines = doc.distribution_ids
            if not lines:
                raise UserError(self.env._("The distribution list is empty."))
            missing = (
                doc.main_recipient_ids | doc.copy_recipient_ids
            ) - lines.partner_id
            if missing:
                raise UserError(
                    self.env._(
                        "These recipients are not on the distribution list: "
                        "%(partners)s.",
                        partners=", ".join(missing.mapped("display_name")),
                    )
                )
            lines._check_channel()
            if doc.secrecy_rank and sum(lines.mapped("copies")) > doc.print_copies:
                raise UserError(
                    self.env._(
                        "The distribution needs %(needed)s copies but %(printed)s "
                        "were printed.",
                        needed=sum(lines.mapped("copies")),
                        printed=doc.print_copies,
                    )
                )

    def _do_distribute(self):
        now = fields.Datetime.now()
        for doc in self:
            next_copy = 1
            lines = doc.distribution_ids
            with granted(DISTRIBUTION, lines):
                for line in lines.sorted(lambda d: (d.sequence, d.id)):
                    vals = {"sent_at": now}
                    if doc.secrecy_rank:
                        last = next_copy + line.copies - 1
                        vals["copy_numbers"] = (
                            f"{next_copy:06d}–{last:06d}"
                            if line.copies > 1
                            else f"{next_copy:06d}"
                        )
                        next_copy = last + 1
                    line.sudo().write(vals)
                lines._office_make_electronic_copies()
            doc._workflow_set_state("distribute", {"distributed_at": now})
            doc._office_log(
                self.env._(
                    "Distributed to %(count)s recipients.",
                    count=len(doc.distribution_ids),
                )
            )

    def _office_formatted_values(self):
        """What the formatted document (套红, GB/T 9704-2012) prints, beyond
        the fields: the marks in their order and the blocks' texts. Read with
        the user's rights, like the rest of the report."""
        self.ensure_one()
        doc = self
        urgency = dict(doc._fields["urgency"]._description_selection(self.env))
        code = doc.issuing_code_id
        company = doc.company_id
        return {
            "header": code._office_header_text() if code else company.name,
            "secrecy": doc.secrecy_mark or "",
            "urgency": urgency.get(doc.urgency) if doc.urgency != "normal" else "",
            "main_recipients": "、".join(doc.main_recipient_ids.mapped("name")),
            "copy_recipients": "、".join(doc.copy_recipient_ids.mapped("name")),
            "signature_organ": (code.signature_organ if code else False)
            or company.name,
            "printing_organ": (code.printing_organ if code else False) or company.name,
            "printing_date": doc._office_format_date_cn(
                doc.printed_at or doc.document_date
            ),
            "signer": doc.signer_id.name if doc.is_upward else "",
        }

    def _office_routing_steps(self):
        """公文运转记录单 of the outgoing document: each step in order."""
        self.ensure_one()
        doc = self
        fmt = doc._office_format_datetime
        _ = self.env._
        steps = [
            {
                "step": _("Draft"),
                "who": doc.drafter_id.name,
                "when": fmt(doc.create_date),
                "note": doc.department_id.name or "",
            }
        ]
        for line in doc.cosign_ids.filtered("decided_at").sorted("decided_at"):
            steps.append(
                {
                    "step": _("Co-signing"),
                    "who": f"{line.department_id.name} {line.decided_by_id.name or ''}",
                    "when": fmt(line.decided_at),
                    "note": "\n".join(
                        part for part in (line.opinion, line.explanation) if part
                    ),
                }
            )
        for kind, label in (
            ("fair_competition", _("Fair-competition review")),
            ("legality", _("Legality review")),
            ("integrity", _("Integrity assessment")),
        ):
            if doc[f"{kind}_by_id"]:
                steps.append(
                    {
                        "step": label,
                        "who": doc[f"{kind}_by_id"].name,
                        "when": fmt(doc[f"{kind}_date"]),
                        "note": "",
                    }
                )
        for field, label, who, note in (
            ("reviewed_at", _("Office review"), doc.reviewer_id, doc.review_comment),
            ("signed_at", _("Sign-off"), doc.signer_id, doc.sign_opinion),
            ("first_read_at", _("First reading"), doc.first_reader_id, ""),
            ("numbered_at", _("Numbering"), None, doc.number),
            ("printed_at", _("Printing"), None, doc.copy_number_range or ""),
            ("distributed_at", _("Distribution"), None, ""),
            ("filed_at", _("Filing"), None, ""),
        ):
            if doc[field]:
                steps.append(
                    {
                        "step": label,
                        "who": who.name if who else "",
                        "when": fmt(doc[field]),
                        "note": note or "",
                    }
                )
        return steps

    def action_file(self):
        """归档: ready for the archive."""
        return self._workflow_run("file")

    def _do_file(self):
        self._workflow_set_state("file", {"filed_at": fields.Datetime.now()})
        self._office_log(self.env._("Filed; ready for the archive."))

    def action_cancel(self):
        """Withdraw the document before it has a number."""
        return self._workflow_run("cancel")

    def _check_can_cancel(self):
        for doc in self:
            authors = doc.drafter_id | doc.create_uid
            if doc.state not in ("draft", "cosign") or self.env.user not in authors:
                doc._office_check_clerk()

    def _do_cancel(self):
        self._workflow_set_state("cancel")
        self._office_done(
            (
                "office_docs.mail_act_outgoing_cosign",
                "office_docs.mail_act_outgoing_correct",
                "office_docs.mail_act_outgoing_first_read",
            )
        )
        self._office_log(self.env._("Cancelled."))

    def action_reset_to_draft(self):
        """Take a cancelled document up again."""
        return self._workflow_run("reset_to_draft")

    def _check_can_reset_to_draft(self):
        self._office_check_author()

    def _do_reset_to_draft(self):
        for doc in self:
            doc._workflow_set_state("reset_to_draft")
            doc.cosign_ids.filtered(lambda c: c.state != "pending")._workflow_run(
                "reset"
            )
            doc._office_log(self.env._("Reset to draft."))

    # ------------------------------------------------------------------
    # Scheduled reminders: late co-signers (催办会签)
    # ------------------------------------------------------------------

    @api.model
    def _cron_chase_late_cosigners(self, limit=200):
        """Chase the departments that have not co-signed by their deadline
        (003 表3: 对未及时会签的单位未催办; 表9): one chase activity per
        document and co-signer; bounded, set-based."""
        today = self._office_today()
        late = [("state", "=", "pending"), ("deadline", "<", today)]
        chase = self.env.ref("office_docs.mail_act_outgoing_cosign_chase")

        def late_signers(doc):
            return doc.cosign_ids.filtered_domain(late)._office_signers()

        def summary(doc):
            lines = doc.cosign_ids.filtered_domain(late)
            return self.env._(
                "Co-signing overdue since %(deadline)s: %(departments)s",
                deadline=min(lines.mapped("deadline")),
                departments=", ".join(lines.department_id.mapped("name")),
            )

        return self.sudo()._office_remind(
            [
                ("state", "=", "cosign"),
                ("cosign_ids", "any", late),
                ("activity_ids", "not any", [("activity_type_id", "=", chase.id)]),
            ],
            "office_docs.mail_act_outgoing_cosign_chase",
            late_signers,
            summary=summary,
            limit=limit,
        )
