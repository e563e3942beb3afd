from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.office_base.tools import is_granted

# the purpose of the guarded writes of instructions (none: they stay as given)
INSTRUCTION = "office_docs_instruction"


class OfficeDocumentInstruction(models.Model):
    """批示: a leader's instruction on an incoming document, with its date and
    optionally the date by which the document must be handled. Several
    leaders may instruct the same document; an instruction is never edited
    afterwards."""

    _name = "office.document.instruction"
    _description = "Leader Instruction"
    _order = "instructed_at, id"
    _rec_name = "leader_id"

    document_id = fields.Many2one(
        "office.incoming.document", required=True, ondelete="cascade", index=True
    )
    leader_id = fields.Many2one(
        "res.users",
        required=True,
        default=lambda self: self.env.user,
        index=True,
    )
    opinion = fields.Text(string="Instruction", required=True)
    instructed_at = fields.Datetime(
        string="Date", required=True, default=fields.Datetime.now
    )
    due_date = fields.Date(
        string="Handle by", help="Set by the leader: the document is due then."
    )
    signature = fields.Image(
        string="Handwritten signature",
        max_width=1024,
        max_height=512,
        copy=False,
        help="The leader's handwritten signature (手写签批), drawn on the phone "
        "or tablet when instructing.",
    )
    company_id = fields.Many2one(related="document_id.company_id", store=True)
    supervision_ids = fields.One2many("office.supervision", "instruction_id")

    def write(self, vals):
        if not is_granted(INSTRUCTION, self):
            raise UserError(self.env._("An instruction cannot be changed once given."))
        return super().write(vals)

    def action_create_supervision(self):
        """督办: follow up this instruction as a supervision item."""
        self.ensure_one()
        return self.document_id.action_create_supervision(instruction_id=self.id)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_given(self):
        if not is_granted(INSTRUCTION, self):
            raise UserError(self.env._("An instruction cannot be deleted once given."))
