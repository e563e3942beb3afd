from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)


class OfficeSealLetterPaper(models.Model):
    """A hand-out of official letter paper (公用信笺领用登记), after 004
    一(六) 7: the letter paper printed with the agency's or the office's
    name is kept by one person, named in the company's settings, who hands
    it to the agency's own staff only (不得…交给外部人员使用).

    Rights: the seal keepers register hand-outs, the designated keeper
    issues them; internal control reads the register; staff read what they
    received."""

    _name = "office.seal.letter.paper"
    _description = "Official Letter Paper Hand-out"
    _inherit = ["office.workflow.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True
    _workflow_transitions = {
        "issue": {
            "from": ("draft",),
            "to": "issued",
            "groups": ("office_seal.group_seal_keeper",),
            "label": _lt("hand out"),
        },
    }
    _workflow_editable_states = ("draft",)
    _workflow_locked_fields = (
        "date",
        "paper",
        "quantity",
        "recipient_id",
        "purpose",
        "handed_by_id",
        "company_id",
    )
    _workflow_deletable_states = ("draft",)

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    paper = fields.Selection(
        [("agency", "Agency letter paper"), ("office", "Office letter paper")],
        string="Letter paper",
        required=True,
        default="agency",
    )
    quantity = fields.Integer(string="Sheets", required=True, default=1)
    recipient_id = fields.Many2one(
        "res.users", string="Received by", required=True, tracking=True
    )
    purpose = fields.Char(required=True)
    handed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    state = fields.Selection(
        [("draft", "Draft"), ("issued", "Handed out")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )

    @api.depends("recipient_id", "date")
    def _compute_display_name(self):
        for record in self:
            record.display_name = (
                f"{record.sudo().recipient_id.name or ''} {record.date or ''}"
            )

    @api.constrains("quantity")
    def _check_quantity(self):
        if any(record.quantity < 1 for record in self):
            raise ValidationError(self.env._("Hand out at least one sheet."))

    def action_issue(self):
        return self._workflow_run("issue")

    def _check_can_issue(self):
        for record in self:
            keeper = record.company_id.office_letter_paper_keeper_id
            if not keeper:
                raise UserError(
                    self.env._(
                        "Name the keeper of the official letter paper in the "
                        "settings first (004 一(六) 7: 公用信笺由专人管理)."
                    )
                )
            if self.env.user != keeper:
                raise AccessError(
                    self.env._(
                        "The official letter paper is handed out by its keeper, "
                        "%(keeper)s (004 一(六) 7).",
                        keeper=keeper.name,
                    )
                )
            recipient = record.sudo().recipient_id
            if recipient.share or not recipient.employee_ids.filtered(
                lambda e, company=record.company_id: e.company_id == company
            ):
                raise UserError(
                    self.env._(
                        "Official letter paper is never given to outsiders: "
                        "%(user)s is not on the agency's staff (004 一(六) 7).",
                        user=recipient.name,
                    )
                )

    def _do_issue(self):
        return self._workflow_set_state(
            "issue", vals={"handed_by_id": self.env.user.id}
        )
