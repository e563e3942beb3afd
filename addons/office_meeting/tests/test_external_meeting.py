from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import OfficeMeetingCase


@tagged("post_install", "-at_install")
class TestExternalMeeting(OfficeMeetingCase):
    def _external(self, major=True):
        meeting = self._approved_meeting(
            kind=self.env.ref("office_meeting.kind_external"),
            chair=self.deputy,
            attendees=self.staff,
            room_id=False,
            location="市政府第一会议室",
            external_organizer="市人民政府办公室",
            major_statement=major,
        )
        meeting.action_notify()
        return meeting

    def test_a_major_statement_is_cleared_by_the_deputy_and_the_principal(self):
        meeting = self._external()
        with self.assertRaisesRegex(UserError, "principal leader"):
            meeting.action_hold()
        with self.assertRaises(AccessError):
            meeting.with_user(self.staff).action_clear_statement()
        meeting.with_user(self.deputy).action_clear_statement()
        with self.assertRaises(UserError):
            meeting.action_hold()
        meeting.with_user(self.principal).action_clear_statement()
        meeting.action_hold()
        self.assertEqual(meeting.state, "held")
        # nobody records a clearance by writing it
        with self.assertRaises(UserError):
            meeting.statement_cleared_by_ids = [(5, 0, 0)]

    def test_an_external_meeting_closes_with_its_written_report(self):
        meeting = self._external(major=False)
        with self.assertRaises(UserError):
            meeting.major_statement = True
        meeting.action_hold()
        with self.assertRaisesRegex(UserError, "written report"):
            meeting.action_close()
        meeting.minutes = "<p>参会情况书面报告。</p>"
        meeting.action_close()
        self.assertEqual(meeting.state, "done")
