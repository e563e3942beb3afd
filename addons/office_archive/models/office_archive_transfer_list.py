from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

ARCHIVIST = "office_archive.group_archivist"

# fields the compilers may still change once the list is handed over
EDITABLE_AFTER_SUBMIT = ("received_count", "message_main_attachment_id")
# written by the list's actions only
WORKFLOW_FIELDS = (
    "submitted_at",
    "submitted_by_id",
    "accepted_at",
    "accepted_by_id",
    "return_comment",
)

TRANSFER_STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("accepted", "Accepted"),
    ("returned", "Returned for correction"),
]


class OfficeArchiveTransferList(models.Model):
    """A department's yearly transfer list (移交目录): the items it hands to
    the archive office, with the filing notes (归档说明) and the remarks sheet
    (备考表). Files of a year are organized by 31 March and transferred by
    30 June of the next year (the dates are set on the fonds).

    The archivist counts what was handed over against the list (账实相符)
    and accepts it, which files the items and gives them their archival codes,
    or returns it with comments. Both sides' names and the dates are kept.

    Rights:

    ===============  ============================  ========================
    who              read                          act
    ===============  ============================  ========================
    staff            their department's lists      compile, submit
    archivist        all                           accept, return
    internal control all                           none
    ===============  ============================  ========================"""

    _name = "office.archive.transfer.list"
    _description = "Archive Transfer List"
    _inherit = ["office.workflow.mixin", "mail.activity.mixin"]
    _order = "year desc, id desc"
    _check_company_auto = True
    _workflow_transitions = {
        "submit": {"from": ("draft", "returned"), "to": "submitted"},
        "accept": {"from": ("submitted",), "to": "accepted", "groups": (ARCHIVIST,)},
        "return": {
            "from": ("submitted",),
            "to": "returned",
            "groups": (ARCHIVIST,),
            "reason": True,
        },
    }
    _workflow_editable_states = ("draft", "returned")
    _workflow_deletable_states = ("draft", "submitted", "returned")
    _workflow_sequence_code = "office.archive.transfer.list"
    _workflow_activities = {
        "submitted": ("office_archive.mail_act_office_archive_receive", "_receivers"),
    }

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    department_id = fields.Many2one(
        "hr.department",
        required=True,
        check_company=True,
        tracking=True,
        index=True,
        default=lambda self: self.env.user.employee_id.department_id,
    )
    year = fields.Integer(
        required=True,
        aggregator=False,
        default=lambda self: fields.Date.context_today(self).year - 1,
        tracking=True,
    )
    fonds_id = fields.Many2one(
        "office.archive.fonds", required=True, check_company=True
    )
    category_id = fields.Many2one("office.archive.category", required=True)
    unit_id = fields.Many2one("office.archive.unit", string="Unit code", required=True)
    compiled_by_id = fields.Many2one(
        "res.users",
        string="Compiled by",
        default=lambda self: self.env.user,
        tracking=True,
    )
    state = fields.Selection(
        TRANSFER_STATES,
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    organize_deadline = fields.Date(
        string="Organized by", compute="_compute_deadlines", store=True, readonly=False
    )
    deadline = fields.Date(
        string="Transferred by",
        compute="_compute_deadlines",
        store=True,
        readonly=False,
        tracking=True,
        index=True,
    )
    filing_note = fields.Text(string="Filing notes", help="归档说明")
    remarks = fields.Text(
        string="Remarks sheet", help="备考表: what is missing, damaged or special."
    )
    item_ids = fields.One2many(
        "office.archive.item", "transfer_list_id", string="Items"
    )
    item_count = fields.Integer(compute="_compute_item_stats", store=True)
    page_count = fields.Integer(compute="_compute_item_stats", store=True)
    received_count = fields.Integer(
        string="Items received",
        copy=False,
        help="What the archivist counted when receiving the files.",
    )
    submitted_at = fields.Datetime(readonly=True, copy=False)
    submitted_by_id = fields.Many2one(
        "res.users", string="Handed over by", readonly=True, copy=False
    )
    accepted_at = fields.Datetime(readonly=True, copy=False)
    accepted_by_id = fields.Many2one(
        "res.users", string="Received by", readonly=True, copy=False
    )
    return_comment = fields.Text(readonly=True, copy=False, tracking=True)
    is_late = fields.Boolean(compute="_compute_is_late", search="_search_is_late")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------

    @api.depends("fonds_id", "year")
    def _compute_deadlines(self):
        for record in self:
            if record.fonds_id and record.year:
                record.organize_deadline, record.deadline = record.fonds_id._deadlines(
                    record.year
                )

    @api.depends("item_ids", "item_ids.pages")
    def _compute_item_stats(self):
        for record in self:
            record.item_count = len(record.item_ids)
            record.page_count = sum(record.item_ids.mapped("pages"))

    def _compute_is_late(self):
        today = fields.Date.context_today(self)
        for record in self:
            record.is_late = bool(
                record.state != "accepted"
                and record.deadline
                and record.deadline < today
            )

    def _search_is_late(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on lateness."))
        domain = [
            ("state", "!=", "accepted"),
            ("deadline", "<", fields.Date.context_today(self)),
        ]
        positive = (operator == "=") == value
        return domain if positive else ["!", "&", *domain]

    @api.depends("name", "department_id", "year")
    def _compute_display_name(self):
        for record in self:
            record.display_name = " ".join(
                p
                for p in (
                    record.name,
                    record.department_id.name,
                    str(record.year or ""),
                )
                if p
            )

    @api.constrains("department_id", "year", "fonds_id", "category_id", "state")
    def _check_one_open_list(self):
        """One open list per department, year, fonds and category; once it is
        accepted, files found later go on a supplementary list (补充移交)."""
        for record in self.filtered(lambda r: r.state != "accepted"):
            if self.search_count(
                [
                    ("id", "!=", record.id),
                    ("department_id", "=", record.department_id.id),
                    ("year", "=", record.year),
                    ("fonds_id", "=", record.fonds_id.id),
                    ("category_id", "=", record.category_id.id),
                    ("state", "!=", "accepted"),
                ],
                limit=1,
            ):
                raise ValidationError(
                    self.env._(
                        "A department has one open transfer list per year, fonds "
                        "and category: complete it first. Once it is accepted, "
                        "files found later go on a supplementary list."
                    )
                )

    @api.constrains("year")
    def _check_year(self):
        for record in self:
            if not 1900 <= record.year <= 2999:
                raise ValidationError(
                    self.env._("%(year)s is not a valid year.", year=record.year)
                )

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------

    def _workflow_check_write(self, vals):
        """A handed-over list is changed by its actions only, but for the
        count of the files received."""
        res = super()._workflow_check_write(vals)
        if set(vals) & set(WORKFLOW_FIELDS):
            raise UserError(
                self.env._("The state changes only through the action buttons.")
            )
        if set(vals) - set(EDITABLE_AFTER_SUBMIT) and self.filtered(
            lambda r: r.state not in self._workflow_editable_states
        ):
            raise UserError(
                self.env._("A submitted or accepted transfer list cannot be changed.")
            )
        return res

    def _receivers(self):
        """The archivist keeping the fonds, or the first archivist."""
        self.ensure_one()
        archivists = self.env.ref(ARCHIVIST).sudo().users
        keeper = self.sudo().fonds_id.archive_department_id.manager_id.user_id
        return keeper if keeper in archivists else archivists[:1]

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_submit(self):
        return self._workflow_run("submit")

    def _check_can_submit(self):
        self.check_access("write")
        for record in self:
            if not record.item_ids:
                raise UserError(self.env._("Add the items to transfer first."))
            wrong = record.item_ids.filtered(
                lambda i, r=record: (
                    i.state != "draft"
                    or i.fonds_id != r.fonds_id
                    or i.category_id != r.category_id
                    or i.year != r.year
                    or i.unit_id != r.unit_id
                )
            )
            if wrong:
                raise UserError(
                    self.env._(
                        "%(item)s does not belong to this list (fonds, category, year "
                        "and unit code must match, and it must not be filed yet).",
                        item=wrong[:1].title,
                    )
                )

    def _do_submit(self):
        return self._workflow_set_state(
            "submit",
            {"submitted_at": fields.Datetime.now(), "submitted_by_id": self.env.uid},
        )

    def action_accept(self, received_count=None):
        """Accept the list after counting the files (账实相符): files the items
        and gives them their archival codes; usable over XML-RPC."""
        return self._workflow_run("accept", received_count=received_count)

    def _check_can_accept(self, received_count=None):
        for record in self:
            counted = (
                record.received_count if received_count is None else received_count
            )
            if counted != record.item_count:
                raise UserError(
                    self.env._(
                        "%(counted)s items were received but the list has "
                        "%(listed)s: the files must match the list before it is "
                        "accepted (return it otherwise).",
                        counted=counted,
                        listed=record.item_count,
                    )
                )

    def _do_accept(self, received_count=None):
        for record in self:
            # the archivist's acceptance files the items (the archivist's
            # clearance need not cover every item listed)
            record.item_ids.sudo()._do_file()
            record._workflow_set_state(
                "accept",
                {
                    "received_count": record.item_count,
                    "accepted_at": fields.Datetime.now(),
                    "accepted_by_id": self.env.uid,
                },
            )
            record.sudo().activity_unlink(
                ["office_archive.mail_act_office_archive_transfer_late"]
            )
            record.sudo().message_post(
                body=self.env._(
                    "Accepted by %(user)s: %(count)s items filed.",
                    user=self.env.user.name,
                    count=record.item_count,
                ),
                subtype_xmlid="mail.mt_comment",
                partner_ids=record.compiled_by_id.partner_id.ids,
            )
        return True

    def action_return(self):
        return self._workflow_run("return")

    def return_list(self, comment):
        """Return the list to the department with comments; XML-RPC."""
        if not (comment or "").strip():
            raise UserError(self.env._("Say what the department must correct."))
        return self._workflow_run("return", reason=comment)

    def _do_return(self, reason=None):
        self._workflow_set_state("return", {"return_comment": reason})
        for record in self:
            record.sudo().message_post(
                body=self.env._(
                    "Returned by %(user)s: %(comment)s",
                    user=self.env.user.name,
                    comment=reason,
                ),
                subtype_xmlid="mail.mt_comment",
                partner_ids=record.compiled_by_id.partner_id.ids,
            )
        return True

    def action_open_items(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Items"),
            "res_model": "office.archive.item",
            "view_mode": "list,form",
            "domain": [("transfer_list_id", "=", self.id)],
            "context": {
                "default_transfer_list_id": self.id,
                "default_fonds_id": self.fonds_id.id,
                "default_category_id": self.category_id.id,
                "default_year": self.year,
                "default_unit_id": self.unit_id.id,
                "default_department_id": self.department_id.id,
            },
        }

    @api.model
    def _cron_remind_late(self, limit=500):
        """An activity on the compiler of each list not accepted by its
        deadline; one per list however often it runs."""
        return self.sudo()._office_remind(
            [
                ("state", "in", ("draft", "returned")),
                ("deadline", "<", self.env["office.calendar"].today()),
            ],
            "office_archive.mail_act_office_archive_transfer_late",
            lambda record: (
                record.compiled_by_id
                or record.department_id._archive_lead()
                or self.env.ref("base.user_admin")
            ),
            deadline_field="deadline",
            summary=self.env._("Transfer the files: the transfer list is late."),
            limit=limit,
        )
