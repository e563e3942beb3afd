from odoo import api, fields, models
from odoo.exceptions import UserError

from .office_archive_item import ARCHIVIST


class OfficeArchiveStatistics(models.Model):
    """The yearly archive statistics report (档案统计年报), after 002 篇6
    机关档案统计制度: filled in by the archivist (填表人), checked by a second
    person (审核人), stamped with the agency seal and dated, with its
    explanatory note (五), and approved by the leader in charge of the
    archives before it is sent (六: 未经分管档案工作的领导批准，不得私自报送).
    The approval step is a ``tier.definition`` record."""

    _name = "office.archive.statistics"
    _description = "Yearly Archive Statistics Report"
    _inherit = [
        "office.workflow.mixin",
        "mail.activity.mixin",
        "office.approval.mixin",
    ]
    _order = "year desc, id desc"
    _check_company_auto = True
    _state_from = ["to_approve"]
    _state_to = ["approved"]
    _cancel_state = "cancel"
    _workflow_transitions = {
        "submit": {"from": ("draft",), "to": "to_approve", "groups": (ARCHIVIST,)},
        # decided by the leader's review (tier.validation): no groups
        "approve": {"from": ("to_approve",), "to": "approved"},
        "refuse": {"from": ("to_approve",), "to": "refused"},
        "draft": {"from": ("refused",), "to": "draft", "groups": (ARCHIVIST,)},
        "send": {"from": ("approved",), "to": "sent", "groups": (ARCHIVIST,)},
    }
    _workflow_locked_fields = (
        "year",
        "fonds_id",
        "prepared_by_id",
        "checked_by_id",
        "item_total",
        "page_total",
        "loan_total",
        "note",
        "report_file",
    )

    name = fields.Char(compute="_compute_name", store=True)
    year = fields.Integer(
        required=True,
        default=lambda self: self.env["office.calendar"].today().year - 1,
        aggregator=False,
    )
    fonds_id = fields.Many2one(
        "office.archive.fonds", required=True, check_company=True
    )
    prepared_by_id = fields.Many2one(
        "res.users",
        string="Filled in by",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
    )
    checked_by_id = fields.Many2one(
        "res.users", string="Checked by", tracking=True, help="审核人"
    )
    item_total = fields.Integer(string="Items held", readonly=True)
    page_total = fields.Integer(string="Pages held", readonly=True)
    loan_total = fields.Integer(string="Loans in the year", readonly=True)
    note = fields.Text(string="Statistical note", help="必要的统计说明")
    report_file = fields.Binary(string="Report form", attachment=True)
    report_file_name = fields.Char()
    stamped = fields.Boolean(
        string="Stamped with the agency seal", tracking=True, help="单位公章"
    )
    sent_to = fields.Char(string="Sent to", tracking=True)
    sent_on = fields.Date(readonly=True, copy=False)
    leader_id = fields.Many2one(
        "res.users",
        string="Leader in charge",
        readonly=True,
        copy=False,
        help="The leader in charge of the archives, who approves the report "
        "before it is sent (002 篇6 机关档案统计制度 六).",
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("to_approve", "To approve"),
            ("approved", "Approved"),
            ("sent", "Sent"),
            ("refused", "Refused"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    @api.depends("year", "fonds_id")
    def _compute_name(self):
        for record in self:
            record.name = f"{record.fonds_id.code or ''} {record.year}"

    @api.model
    def _get_under_validation_exceptions(self):
        return super()._get_under_validation_exceptions() + ["stamped", "sent_to"]

    @api.model
    def _get_after_validation_exceptions(self):
        return super()._get_after_validation_exceptions() + ["stamped", "sent_to"]

    def action_count(self):
        """Fill in the figures from the register (依据…借阅登记、案卷目录)."""
        spec = self._workflow_spec("submit")
        self._workflow_check_from("submit", spec)
        self._workflow_check_groups("submit", spec)
        Item = self.env["office.archive.item"].sudo()
        Loan = self.env["office.archive.loan"].sudo()
        for record in self:
            items = Item.search(
                [
                    ("fonds_id", "=", record.fonds_id.id),
                    ("state", "in", ("in_stock", "on_loan")),
                ]
            )
            record.write(
                {
                    "item_total": len(items),
                    "page_total": sum(items.mapped("pages")),
                    "loan_total": Loan.search_count(
                        [
                            ("company_id", "=", record.company_id.id),
                            ("state", "in", ("lent", "returned")),
                            ("loan_date", ">=", f"{record.year}-01-01"),
                            ("loan_date", "<=", f"{record.year}-12-31"),
                        ]
                    ),
                }
            )
        return True

    def action_submit(self):
        return self._workflow_run("submit")

    def _check_can_submit(self):
        for record in self:
            if not record.checked_by_id:
                raise UserError(
                    self.env._(
                        "Name the person who checked the figures (审核人) before "
                        "the report goes for approval."
                    )
                )
            if record.checked_by_id == record.prepared_by_id:
                raise UserError(
                    self.env._(
                        "The report is checked by someone other than the person "
                        "who filled it in."
                    )
                )
            if not record._leader():
                raise UserError(
                    self.env._(
                        "The office keeping the archives of %(fonds)s has no leader "
                        "in charge to approve the report.",
                        fonds=record.fonds_id.display_name,
                    )
                )

    def _leader(self):
        self.ensure_one()
        department = self.sudo().fonds_id.archive_department_id
        return department._office_leader_in_charge() if department else department

    def _do_submit(self, **kwargs):
        for record in self:
            record._office_submit(vals={"leader_id": record._leader().id})
        return True

    def action_draft(self):
        return self._workflow_run("draft")

    def action_send(self):
        return self._workflow_run("send")

    def _check_can_send(self):
        for record in self:
            if record.validation_status != "validated":
                raise UserError(
                    self.env._(
                        "%(name)s is not approved by the leader in charge: it is "
                        "not sent (002 篇6 机关档案统计制度 六).",
                        name=record.name,
                    )
                )
            if not record.stamped or not (record.sent_to or "").strip():
                raise UserError(
                    self.env._(
                        "Stamp the report with the agency seal and say to whom it "
                        "is sent."
                    )
                )

    def _do_send(self):
        return self._workflow_set_state(
            "send", vals={"sent_on": self._workflow_today()}
        )
