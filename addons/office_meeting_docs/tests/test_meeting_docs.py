import datetime

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.office_meeting.tests.common import OfficeMeetingCase


@tagged("post_install", "-at_install")
class TestMeetingDocs(OfficeMeetingCase):
    def _closed_meeting_with_decision(self, **vals):
        meeting = self._held_meeting(**vals)
        meeting.decision_ids = [
            Command.create(
                {
                    "name": "预算科牵头清理结转资金",
                    "department_id": self.dep_budget.id,
                    "owner_id": self.head.id,
                    "deadline_days": 5,
                }
            )
        ]
        meeting.minutes = "<p>会议研究了结转资金清理。</p>"
        meeting.with_user(self.principal).action_close()
        return meeting, meeting.decision_ids

    def test_each_decision_becomes_a_supervision_item(self):
        _meeting, decision = self._closed_meeting_with_decision()
        item = decision.supervision_id
        self.assertTrue(item)
        self.assertEqual(
            (item.source, item.owner_id, item.department_id, item.deadline),
            ("meeting", self.head, self.dep_budget, decision.date_deadline),
        )
        self.assertEqual(item.meeting_decision_id, decision)

    def test_completing_the_supervision_item_closes_the_decision(self):
        # March's 局务会 decides; closing its 督办 item closes the decision,
        # shown closed in April's minutes
        _march, decision = self._closed_meeting_with_decision()
        april = self._meeting(
            start=self.FRIDAY + datetime.timedelta(days=28), room_id=self.hall.id
        )
        self.assertIn(decision, april.followup_decision_ids)
        with freeze_time("2026-11-25 02:00:00"):
            decision.supervision_id.with_user(self.head).action_complete(
                "结转资金已清理完毕"
            )
        self.assertEqual(decision.state, "done")
        self.assertEqual(decision.result, "结转资金已清理完毕")
        april.invalidate_recordset(["followup_decision_ids"])
        self.assertIn(decision, april.followup_decision_ids)

    def test_the_minutes_are_drafted_as_a_minutes_document(self):
        meeting, _decision = self._closed_meeting_with_decision()
        meeting.action_draft_minutes_document()
        document = meeting.minutes_document_id
        self.assertEqual(
            document.type_id, self.env.ref("office_docs.document_type_minutes")
        )
        self.assertIn("结转资金清理", document.body_html)
        self.assertEqual(document.state, "draft")
        with self.assertRaises(UserError):
            meeting.action_draft_minutes_document()
