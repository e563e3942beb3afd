from dateutil.relativedelta import relativedelta

from odoo import api, models


class OfficeMeetingDemo(models.AbstractModel):
    """Demo data helpers, called by ``demo/office_meeting_demo.xml``: they
    drive the meetings through their real transitions, as the people who
    act, at the times given here (Python arguments, never a context key)."""

    _name = "office.meeting.demo"
    _inherit = ["office.demo"]
    _description = "Meetings Demo Data"

    @api.model
    def _demo_notify(self, meeting_id, user_id, days_before=3):
        """Send the notices `days_before` the meeting, as the organizer."""
        meeting = self.env["office.meeting"].browse(meeting_id).with_user(user_id)
        at = meeting.date_start - relativedelta(days=days_before)
        meeting._workflow_run("notify", at=at)
        return True

    @api.model
    def _demo_excuse(self, meeting_id, user_id, stand_in_id, reason):
        """The participant asks to be excused; the chair agrees."""
        meeting = self.env["office.meeting"].browse(meeting_id)
        line = meeting.attendee_ids.filtered(lambda a: a.user_id.id == user_id)
        line = line.with_user(user_id)
        line.write({"excuse_reason": reason, "stand_in_id": stand_in_id})
        line.action_request_excuse()
        line.with_user(meeting.chair_id).action_excuse()
        return True

    @api.model
    def _demo_hold(self, meeting_id, clerk_id, absent_ids, minutes, decisions):
        """The clerk opens the meeting and ticks who came (all but
        `absent_ids`), writes the minutes and the decisions: a list of
        (text, department id, owner id, working days, result or False);
        the chair closes the meeting, the owners report what is done."""
        meeting = self.env["office.meeting"].browse(meeting_id).with_user(clerk_id)
        meeting.action_hold()
        came = meeting.attendee_ids.filtered(
            lambda a: a.state == "invited" and a.user_id.id not in absent_ids
        )
        came.action_sign_in()
        meeting.minutes = minutes
        Decision = self.env["office.meeting.decision"].with_user(clerk_id)
        for text, department_id, owner_id, days, result in decisions:
            decision = Decision.create(
                {
                    "meeting_id": meeting.id,
                    "name": text,
                    "department_id": department_id,
                    "owner_id": owner_id,
                    "deadline_days": days,
                }
            )
            if result:
                decision.with_user(owner_id).close(result)
        meeting.with_user(meeting.chair_id).action_close()
        return True
