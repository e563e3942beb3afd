from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools.sql import create_index

from odoo.addons.office_base.tools import granted, is_granted

ARCHIVIST = "office_archive.group_archivist"
# the archive's own bookkeeping on filed items (integrity checks, extensions
# decided by an appraisal, the need-to-know list of the archive office): a
# Python-only permission, never a context key
ITEM_BOOKKEEPING = "office_archive_item_bookkeeping"

ITEM_STATES = [
    ("draft", "To file"),
    ("in_stock", "In stock"),
    ("on_loan", "On loan"),
    ("transferred", "Transferred to the state archives"),
    ("destroyed", "Destroyed"),
]

CARRIERS = [
    ("paper", "Paper"),
    ("electronic", "Electronic"),
    ("physical", "Physical object"),
    ("audiovisual", "Audio-visual"),
]

INTEGRITY_STATES = [
    ("unchecked", "Not checked"),
    ("ok", "Intact"),
    ("mismatch", "Altered or missing"),
]

# fields that make up the archival code: fixed once the item is filed
CODE_FIELDS = (
    "fonds_id",
    "category_id",
    "year",
    "retention_id",
    "unit_id",
    "item_number",
    "name",
)


class OfficeArchiveItem(models.Model):
    """An archive item (件), filed under DA/T 22-2015: its archival code is
    ``全宗号-门类代码·年度-保管期限代码-机构代码-件号``, e.g.
    ``Z109-WS·2026-Y-BGS-0001``, the item number having four digits, given
    once, gap-free and never reused.

    Custody (the state) changes only through the archivist's actions:
    filing, lending and return, transfer to the state archives, destruction.
    Destroyed items keep their metadata forever (they cannot be deleted).

    Rights:

    ================  =================================  =====================
    who               read                               act
    ================  =================================  =====================
    staff             their department's items           compile draft items
    archivist         all (within clearance)             file, custody states
    leaders           all (within clearance)             none
    internal control  all (within clearance)             none
    ================  =================================  ====================="""

    _name = "office.archive.item"
    _description = "Archive Item"
    _inherit = [
        "office.workflow.mixin",
        "mail.activity.mixin",
        "office.confidential.mixin",
    ]
    _workflow_transitions = {
        "file": {"from": ("draft",), "to": "in_stock", "groups": (ARCHIVIST,)},
        "lend": {"from": ("in_stock",), "to": "on_loan", "groups": (ARCHIVIST,)},
        "return": {"from": ("on_loan",), "to": "in_stock", "groups": (ARCHIVIST,)},
        "transfer": {
            "from": ("in_stock",),
            "to": "transferred",
            "groups": (ARCHIVIST,),
        },
        "destroy": {"from": ("in_stock",), "to": "destroyed", "groups": (ARCHIVIST,)},
    }
    _workflow_editable_states = ("draft",)
    _workflow_locked_fields = CODE_FIELDS
    _workflow_deletable_states = ("draft",)
    # the archival code reads fonds-category·year-retention-unit-number: its
    # own column orders the register like those five fields did, from an index
    _order = "year desc, name, id"
    _check_company_auto = True

    name = fields.Char(
        string="Archival code", readonly=True, copy=False, index=True, tracking=True
    )
    title = fields.Char(required=True, tracking=True, index="trigram")
    fonds_id = fields.Many2one(
        "office.archive.fonds", required=True, check_company=True, tracking=True
    )
    category_id = fields.Many2one(
        "office.archive.category", required=True, tracking=True
    )
    year = fields.Integer(
        required=True,
        default=lambda self: self._year_of(False),
        tracking=True,
        aggregator=False,
        help="The year the document was formed (DA/T 22-2015): by default the "
        "year of its date, so that last year's documents filed in January keep "
        "last year.",
    )
    retention_id = fields.Many2one(
        "office.archive.retention", required=True, tracking=True
    )
    unit_id = fields.Many2one(
        "office.archive.unit", string="Unit code", required=True, tracking=True
    )
    item_number = fields.Integer(readonly=True, copy=False, aggregator=False)
    department_id = fields.Many2one(
        "hr.department",
        string="Owning department",
        check_company=True,
        tracking=True,
        index=True,
    )
    responsible = fields.Char(string="Responsible party", help="责任者")
    document_date = fields.Date(string="Date")
    document_number = fields.Char(string="Document number")
    pages = fields.Integer()
    carrier = fields.Selection(CARRIERS, required=True, default="paper")
    note = fields.Text(string="Remarks")
    # physical objects (awards, deactivated seals, gifts)
    issuer = fields.Char(help="Who awarded or gave the object.")
    received_date = fields.Date()
    # audio-visual items
    shot_at = fields.Datetime(string="Time taken")
    place = fields.Char()
    people = fields.Char(string="People shown")
    photographer = fields.Char()
    # location
    box_id = fields.Many2one("office.archive.box", check_company=True, tracking=True)
    room_id = fields.Many2one(
        related="box_id.room_id", store=True, string="Storage room"
    )
    cabinet = fields.Char(related="box_id.cabinet", store=True)
    state = fields.Selection(
        ITEM_STATES,
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    filed_at = fields.Datetime(readonly=True, copy=False)
    filed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    transfer_list_id = fields.Many2one(
        "office.archive.transfer.list",
        string="Transfer list",
        index=True,
        copy=False,
        ondelete="set null",
    )
    efile_ids = fields.One2many(
        "office.archive.efile", "item_id", string="Electronic files"
    )
    efile_count = fields.Integer(compute="_compute_efile_count")
    integrity_state = fields.Selection(
        INTEGRITY_STATES,
        default="unchecked",
        required=True,
        copy=False,
        tracking=True,
        index=True,
    )
    integrity_checked_at = fields.Datetime(readonly=True, copy=False)
    retention_until = fields.Integer(
        string="Kept until (year)",
        compute="_compute_retention_until",
        store=True,
        aggregator=False,
        help="Last year of the retention period; 0 for permanent items.",
    )
    extended_until = fields.Integer(
        string="Extended until (year)",
        readonly=True,
        copy=False,
        aggregator=False,
        help="Set by an appraisal that keeps the item longer.",
    )
    loan_ids = fields.Many2many(
        "office.archive.loan",
        "office_archive_loan_item_rel",
        "item_id",
        "loan_id",
        string="Loans",
        readonly=True,
    )
    loan_count = fields.Integer(compute="_compute_loan_count")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    _sql_constraints = [
        ("name_uniq", "unique(name)", "The archival code must be unique."),
        (
            "number_uniq",
            "unique(fonds_id, category_id, year, retention_id, unit_id, item_number)",
            "An item number is given once in its filing unit.",
        ),
    ]

    # ------------------------------------------------------------------
    # Computes and constraints
    # ------------------------------------------------------------------

    def init(self):
        res = super().init()
        create_index(
            self.env.cr,
            "office_archive_item_order_index",
            self._table,
            ["year DESC", "name", "id"],
        )
        # one part of the department rule: items the user registered
        create_index(
            self.env.cr,
            "office_archive_item_create_uid_index",
            self._table,
            ["create_uid"],
        )
        return res

    @api.depends("year", "retention_id.years")
    def _compute_retention_until(self):
        for item in self:
            years = item.retention_id.years
            item.retention_until = item.year + years if years else 0

    def _compute_efile_count(self):
        for item in self:
            item.efile_count = len(item.efile_ids)

    def _compute_loan_count(self):
        for item in self:
            item.loan_count = len(item.sudo().loan_ids)

    @api.depends("name", "title")
    def _compute_display_name(self):
        for item in self:
            item.display_name = " ".join(p for p in (item.name, item.title) if p)

    @api.model
    def _year_of(self, document_date):
        """The year of a document dated `document_date`, or this year."""
        if document_date:
            return fields.Date.to_date(document_date).year
        return self.env["office.calendar"].today().year

    @api.onchange("document_date")
    def _onchange_document_date_year(self):
        if self.document_date and self.state == "draft":
            self.year = self.document_date.year

    @api.constrains("year", "pages")
    def _check_year_pages(self):
        for item in self:
            if not 1900 <= item.year <= 2999:
                raise ValidationError(
                    self.env._("%(year)s is not a valid year.", year=item.year)
                )
            if item.pages < 0:
                raise ValidationError(
                    self.env._("The number of pages cannot be negative.")
                )

    @api.constrains(
        "fonds_id", "category_id", "year", "retention_id", "unit_id", "box_id"
    )
    def _check_box(self):
        for item in self:
            box = item.box_id
            if not box:
                continue
            for field in ("fonds_id", "category_id", "retention_id"):
                if box[field] and box[field] != item[field]:
                    raise ValidationError(
                        self.env._(
                            "The box %(box)s holds items of another fonds, category "
                            "or retention period.",
                            box=box.display_name,
                        )
                    )
            if box.year and box.year != item.year:
                raise ValidationError(
                    self.env._(
                        "The box %(box)s holds items of %(year)s.",
                        box=box.display_name,
                        year=box.year,
                    )
                )

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name") or vals.get("item_number"):
                raise UserError(
                    self.env._(
                        "An item is filed by the archivist's action: create it "
                        "to be filed."
                    )
                )
            if not vals.get("year"):
                vals["year"] = self._year_of(vals.get("document_date"))
        items = super().create(vals_list)
        items._share_with_archive_office()
        return items

    def write(self, vals):
        res = super().write(vals)
        if "secrecy_level" in vals or "department_id" in vals:
            self._share_with_archive_office()
        return res

    def _workflow_check_write(self, vals):
        """Besides the state and the parts of the archival code (the
        kernel's guard): the code itself is given by filing only, a filed
        item is changed by the archivist only, and only the archivist places
        items in boxes."""
        res = super()._workflow_check_write(vals)
        # an approved classification decision (office_secrecy) applies its
        # level to filed items too
        if is_granted(ITEM_BOOKKEEPING, self) or is_granted(
            "office_classification_decision", self
        ):
            return res
        if "item_number" in vals or "name" in vals:
            raise UserError(
                self.env._(
                    "The custody state and the archival code change only "
                    "through the archivist's actions."
                )
            )
        if (
            set(vals) - {"box_id", "note", "message_main_attachment_id"}
            and self.filtered(lambda i: i.state != "draft")
            and not self._is_archivist()
        ):
            raise AccessError(self.env._("Only the archivist changes a filed item."))
        if "box_id" in vals and not self._is_archivist():
            raise AccessError(self.env._("Only the archivist places items in boxes."))
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_filed(self):
        if self.filtered(lambda i: i.state != "draft" or i.name):
            raise UserError(
                self.env._(
                    "A filed item is never deleted: its metadata is kept even "
                    "after destruction."
                )
            )

    def _share_with_archive_office(self):
        """Classified items are readable by the cleared members of the owning
        department and of the archive office."""
        for item in self.sudo().filtered("secrecy_rank"):
            departments = item.department_id | item.fonds_id.archive_department_id
            missing = departments - item.need_to_know_department_ids
            if missing:
                with granted(ITEM_BOOKKEEPING, item):
                    item.need_to_know_department_ids = [
                        fields.Command.link(dep.id) for dep in missing
                    ]

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------

    @api.model
    def _is_archivist(self):
        return self.env.user.has_group(ARCHIVIST)

    def action_file(self):
        """File the items: give each the next item number of its filing unit
        and its archival code, record the SHA-256 of its electronic files."""
        return self._workflow_run("file")

    def _filing_order(self):
        return self.sorted(
            lambda i: (i.document_date or fields.Date.to_date("1900-01-01"), i.id)
        )

    def _do_file(self):
        """Number and file the items; run by the ``file`` transition, and by a
        transfer list's acceptance (whose transition checked the archivist)."""
        Counter = self.env["office.archive.counter"].sudo()
        now = fields.Datetime.now()
        groups = {}
        for item in self._filing_order():
            key = (
                item.fonds_id,
                item.category_id,
                item.year,
                item.retention_id,
                item.unit_id,
            )
            groups.setdefault(key, self.browse())
            groups[key] |= item
        for (fonds, category, year, retention, unit), items in groups.items():
            first = Counter._next_numbers(
                fonds, category, year, retention, unit, count=len(items)
            )
            for offset, item in enumerate(items):
                number = first + offset
                item._workflow_set_state(
                    "file",
                    {
                        "item_number": number,
                        "name": item._archival_code(number),
                        "filed_at": now,
                        "filed_by_id": self.env.uid,
                    },
                )
        self.efile_ids._record_digest()

    def _archival_code(self, number):
        self.ensure_one()
        return (
            f"{self.fonds_id.code}-{self.category_id.code}·{self.year}-"
            f"{self.retention_id.code}-{self.unit_id.code}-{number:04d}"
        )

    def action_check_integrity(self):
        if not self._is_archivist():
            raise AccessError(self.env._("Only the archivist checks integrity."))
        self._check_integrity()
        return True

    def _check_integrity(self):
        """Re-hash the electronic files; flag and report any mismatch."""
        now = fields.Datetime.now()
        altered = self.browse()
        for item in self.sudo():
            if not item.efile_ids:
                continue
            item.efile_ids._verify()
            state = (
                "mismatch"
                if any(f.state == "mismatch" for f in item.efile_ids)
                else "ok"
            )
            if state == "mismatch" and item.integrity_state != "mismatch":
                altered |= item
            with granted(ITEM_BOOKKEEPING, item):
                item.write({"integrity_state": state, "integrity_checked_at": now})
        for item in altered:
            item.message_post(
                body=self.env._(
                    "Integrity check: an electronic file of %(item)s no longer "
                    "matches the digest recorded at filing.",
                    item=item.display_name,
                ),
                subtype_xmlid="mail.mt_note",
            )
            archivist = item.fonds_id.archive_department_id.manager_id.user_id
            item.activity_schedule(
                "office_archive.mail_act_office_archive_integrity",
                user_id=(archivist or self.env.ref("base.user_admin")).id,
            )
        return altered

    @api.model
    def _cron_check_integrity(self, limit=200):
        """Re-hash the electronic files of filed items, least recently checked
        first, `limit` items a run."""
        domain = [
            ("state", "in", ("in_stock", "on_loan")),
            ("efile_ids", "!=", False),
        ]
        Item = self.sudo()
        items = Item.search(
            domain, order="integrity_checked_at asc nulls first, id", limit=limit
        )
        items._check_integrity()
        self.env["ir.cron"]._notify_progress(done=len(items), remaining=0)
        return items

    @api.model
    def _cron_propose_appraisal(self):
        """Propose the items whose retention has run out for appraisal."""
        return self.env["office.archive.appraisal"].sudo()._propose_expired()

    def action_open_loans(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Loans"),
            "res_model": "office.archive.loan",
            "view_mode": "list,form",
            "domain": [("item_ids", "in", self.ids)],
        }

    def action_open_efiles(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Electronic files"),
            "res_model": "office.archive.efile",
            "view_mode": "list,form",
            "domain": [("item_id", "=", self.id)],
            "context": {"default_item_id": self.id},
        }
