from odoo import api, fields, models


class OfficeIncomingProposeWizard(models.TransientModel):
    """拟办: the clerk writes the office's proposal and names the leaders to
    instruct, in one small dialog; a leader who is away is shown with the
    substitute who will act for him (工作代理制)."""

    _name = "office.incoming.propose.wizard"
    _description = "Propose the Handling of an Incoming Document"

    document_id = fields.Many2one(
        "office.incoming.document", required=True, readonly=True
    )
    sender_level = fields.Selection(related="document_id.sender_level")
    proposal = fields.Text(string="Office proposal", required=True)
    leader_ids = fields.Many2many(
        "res.users",
        string="Leaders to instruct",
        domain=lambda self: [
            ("groups_id", "in", self.env.ref("office_base.group_office_leader").id)
        ],
    )
    substitute_note = fields.Text(
        string="Away", compute="_compute_substitute_note", readonly=True
    )

    @api.depends("leader_ids")
    def _compute_substitute_note(self):
        Delegation = self.env["office.delegation"]
        for wizard in self:
            away = Delegation._substitutes(
                wizard.leader_ids, model_name="office.incoming.document"
            )
            wizard.substitute_note = "\n".join(
                self.env._(
                    "%(leader)s is away: %(substitutes)s acts for them.",
                    leader=leader.name,
                    substitutes=", ".join(substitutes.mapped("name")),
                )
                for leader, substitutes in away.items()
            )

    def action_confirm(self):
        self.ensure_one()
        self.document_id.action_propose(
            proposal=(self.proposal or "").strip(), leader_ids=self.leader_ids.ids
        )
        return {"type": "ir.actions.act_window_close"}
