from odoo import fields, models
from odoo.exceptions import UserError


class OfficeIncomingInstructWizard(models.TransientModel):
    """批示: a leader writes an instruction on an incoming document."""

    _name = "office.incoming.instruct.wizard"
    _description = "Instruct an Incoming Document"

    document_id = fields.Many2one(
        "office.incoming.document", required=True, readonly=True
    )
    opinion = fields.Text(string="Instruction", required=True)
    due_date = fields.Date(string="Handle by")
    signature = fields.Image(
        string="Handwritten signature",
        max_width=1024,
        max_height=512,
        help="Sign with the finger or the pen (手写签批).",
    )

    def action_confirm(self):
        self.ensure_one()
        if not (self.opinion or "").strip():
            raise UserError(self.env._("Please write the instruction."))
        self.document_id.action_instruct(
            self.opinion.strip(), self.due_date, signature=self.signature or None
        )
        return {"type": "ir.actions.act_window_close"}
