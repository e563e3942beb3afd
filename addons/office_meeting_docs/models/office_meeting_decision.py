from odoo import fields, models


class OfficeMeetingDecision(models.Model):
    _inherit = "office.meeting.decision"

    supervision_id = fields.Many2one(
        "office.supervision",
        string="Supervision item",
        readonly=True,
        copy=False,
        index=True,
    )
    supervision_state = fields.Selection(
        related="supervision_id.state", string="Supervision state"
    )

    def _office_open_supervision(self):
        """Open the supervision item (督办) of each decision, as the user who
        closes the meeting (the office or the chair)."""
        Supervision = self.env["office.supervision"]
        for decision in self:
            item = Supervision.create(
                {
                    "title": decision.display_name,
                    "source": "meeting",
                    "meeting_ref": decision.meeting_id.display_name,
                    "requirement": decision.name,
                    "owner_id": decision.owner_id.id,
                    "department_id": decision.department_id.id,
                    "deadline": decision.date_deadline,
                    "leader_id": decision.meeting_id.chair_id.id,
                    "company_id": decision.company_id.id,
                    "meeting_decision_id": decision.id,
                }
            )
            decision.supervision_id = item

    def _check_can_close(self, reason=None, **kwargs):
        # the completion of its supervision item closes the decision, whoever
        # completed it (the owner, the head of the department, the office)
        if all(d.supervision_id.state in ("done", "rated") for d in self):
            return
        return super()._check_can_close(reason=reason, **kwargs)
