from odoo import api, fields, models
from odoo.exceptions import UserError

# kind: (model, method, label of the text)
REASON_KINDS = {
    "return": ("office.incoming.document", "action_return"),
    "object": ("office.incoming.document", "action_object"),
    "progress": ("office.incoming.document", "action_add_progress"),
    "close": ("office.incoming.document", "action_close"),
    "read": ("office.document.circulation", "action_mark_read"),
    "correct": ("office.outgoing.document", "action_return_for_correction"),
    "reopen": ("office.outgoing.document", "action_back_to_review"),
    "disagree": ("office.outgoing.cosign", "action_disagree"),
    "agree": ("office.outgoing.cosign", "action_agree"),
    "feedback": ("office.supervision", "action_add_feedback"),
    "complete": ("office.supervision", "action_complete"),
}


class OfficeDocumentReasonWizard(models.TransientModel):
    """The text a workflow step asks for: the reason of a return (退文) or an
    objection (异议), a progress note, the handling result, a reading
    comment, the office's corrections, a co-signing opinion."""

    _name = "office.document.reason.wizard"
    _description = "Official Document Step Text"

    kind = fields.Selection(
        [
            ("return", "Return to the sender"),
            ("object", "Objection"),
            ("progress", "Progress note"),
            ("close", "Handling result"),
            ("read", "Reading comment"),
            ("correct", "Corrections"),
            ("reopen", "Reason of the change"),
            ("disagree", "Disagreement"),
            ("agree", "Agreement"),
            ("feedback", "Supervision feedback"),
            ("complete", "Completion"),
        ],
        required=True,
        readonly=True,
    )
    res_model = fields.Char(required=True, readonly=True)
    res_ids = fields.Json(required=True, readonly=True)
    text = fields.Text()
    text_required = fields.Boolean(compute="_compute_text_required")

    @api.depends("kind")
    def _compute_text_required(self):
        for wizard in self:
            wizard.text_required = wizard.kind not in ("read", "agree")

    @api.model
    def _open(self, records, kind):
        """The window action asking for the text of `kind` on `records`."""
        labels = dict(self._fields["kind"]._description_selection(self.env))
        return {
            "type": "ir.actions.act_window",
            "name": labels[kind],
            "res_model": self._name,
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_kind": kind,
                "default_res_model": records._name,
                "default_res_ids": records.ids,
            },
        }

    def action_confirm(self):
        self.ensure_one()
        model, method = REASON_KINDS[self.kind]
        if model != self.res_model:
            raise UserError(self.env._("This step does not apply to these records."))
        text = (self.text or "").strip()
        if self.text_required and not text:
            raise UserError(self.env._("Please fill in the text."))
        records = self.env[model].browse(self.res_ids or [])
        getattr(records, method)(text or None)
        return {"type": "ir.actions.act_window_close"}
