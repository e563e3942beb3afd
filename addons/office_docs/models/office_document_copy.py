from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)
CLERK = ("office_base.group_office_clerk",)


class OfficeDocumentCopy(models.Model):
    """复印转发登记: paper copies of an incoming document made and forwarded
    to the units that handle it; the original stays with the office and is
    filed (002 公文处理制度 八: 需局属单位办理的文件要复印(含批示件)转发,
    原件留存归档。重要文件只准留存办公室,有关单位或股室转发复印件).

    ========================  ==================================================
    Who                       May
    ========================  ==================================================
    Office clerk              register, forward and recover copies; copies of
                              a classified document are forwarded by the
                              office director (copying a secret carrier is
                              approved, 003 第四十六条(二)4)
    Staff                     see the copies forwarded to their department
    ========================  ==================================================

    An entry of a classified document is read only by those who may read the
    document (the secrecy rule of its document)."""

    _name = "office.document.copy"
    _inherit = ["office.document.mixin", "office.incoming.register.mixin"]
    _description = "Forwarded Copies of a Document"
    _order = "id desc"
    _check_company_auto = True
    _workflow_transitions = {
        "forward": {
            "from": ("draft",),
            "to": "forwarded",
            "groups": CLERK,
            "label": _lt("forward"),
        },
        "recover": {
            "from": ("forwarded",),
            "to": "recovered",
            "groups": CLERK,
            "label": _lt("recover"),
        },
        "cancel": {
            "from": ("draft",),
            "to": "cancel",
            "groups": CLERK,
            "label": _lt("cancel"),
        },
    }
    # written by the transitions only (office.document.mixin guards them)
    _office_workflow_fields = (
        "state",
        "original_kept",
        "forwarded_by_id",
        "forwarded_at",
        "recovered_at",
    )
    _workflow_locked_fields = (
        "document_id",
        "copies",
        "with_instructions",
        "department_ids",
        "unit_ids",
    )

    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("forwarded", "Forwarded"),
            ("recovered", "Recovered"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    copies = fields.Integer(default=1, required=True, tracking=True)
    with_instructions = fields.Boolean(
        string="With the instructions",
        tracking=True,
        help="The leaders' instruction sheet is copied with the document "
        "(002 公文处理制度 八: 复印(含批示件)转发).",
    )
    department_ids = fields.Many2many(
        "hr.department",
        "office_document_copy_department_rel",
        "copy_id",
        "department_id",
        string="Departments",
        check_company=True,
    )
    unit_ids = fields.Many2many(
        "res.partner",
        "office_document_copy_unit_rel",
        "copy_id",
        "partner_id",
        string="Subordinate units",
        help="局属单位 receiving a copy.",
    )
    original_kept = fields.Char(
        string="Original kept at",
        readonly=True,
        copy=False,
        help="The original stays with the office and is filed.",
    )
    forwarded_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    forwarded_at = fields.Datetime(readonly=True, copy=False)
    recovered_at = fields.Datetime(readonly=True, copy=False)
    note = fields.Text()

    _sql_constraints = [
        ("copies_positive", "CHECK(copies > 0)", "Make at least one copy."),
    ]

    @api.depends("document_number", "copies")
    def _compute_display_name(self):
        # the registration number, never the title of a classified document
        for entry in self:
            entry.display_name = self.env._(
                "%(number)s: %(copies)s copies",
                number=entry.document_number or "",
                copies=entry.copies,
            )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_forward(self):
        """The copies are made and handed to the departments and units."""
        return self._workflow_run("forward")

    def _check_can_forward(self):
        for entry in self:
            document = entry.document_id
            if document.state == "returned" or document.disposal:
                raise UserError(
                    self.env._(
                        "%(document)s is no longer with the office.",
                        document=document.name,
                    )
                )
            if not (entry.department_ids or entry.unit_ids):
                raise UserError(
                    self.env._("Name the departments or units receiving the copies.")
                )
            if document.sudo().instruction_ids and not entry.with_instructions:
                raise UserError(
                    self.env._(
                        "%(document)s carries the leaders' instructions: they are "
                        "copied with it (002 公文处理制度 八: 复印(含批示件)转发).",
                        document=document.name,
                    )
                )
            if document.secrecy_rank and not self.env.user.has_group(
                "office_base.group_office_director"
            ):
                raise AccessError(
                    self.env._(
                        "%(document)s is classified: the office director approves "
                        "and forwards its copies (003 第四十六条(二)4).",
                        document=document.name,
                    )
                )

    def _do_forward(self):
        now = fields.Datetime.now()
        for entry in self:
            office = entry.document_id._office_office_departments()
            entry._workflow_set_state(
                "forward",
                {
                    "forwarded_by_id": self.env.uid,
                    "forwarded_at": now,
                    "original_kept": ", ".join(office.mapped("name"))
                    or self.env._("the office"),
                },
            )
            entry.document_id._office_grant_need_to_know(
                departments=entry.department_ids
            )
            entry.document_id._office_log(
                self.env._(
                    "%(copies)s copies forwarded to %(to)s; the original stays "
                    "with the office.",
                    copies=entry.copies,
                    to=", ".join(
                        entry.department_ids.mapped("name")
                        + entry.unit_ids.mapped("name")
                    ),
                )
            )

    def action_recover(self):
        """The copies came back to the office once the document was handled."""
        return self._workflow_run("recover")

    def _do_recover(self):
        self._workflow_set_state("recover", {"recovered_at": fields.Datetime.now()})

    def action_cancel(self):
        return self._workflow_run("cancel")
