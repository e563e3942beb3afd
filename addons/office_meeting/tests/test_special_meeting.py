from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import OfficeMeetingCase


@tagged("post_install", "-at_install")
class TestSpecialMeeting(OfficeMeetingCase):
    def test_a_special_meeting_with_three_topics_is_refused_and_converted(self):
        meeting = self._meeting(kind=self.kind_special, chair=self.deputy)
        topics = [self._topic() for _i in range(3)]
        (topics[0] | topics[1]).with_user(self.clerk).schedule(meeting.id)
        self.assertEqual(meeting.topic_count, 2)
        with self.assertRaises(UserError) as caught:
            topics[2].with_user(self.clerk).schedule(meeting.id)
        self.assertIn(self.kind_office.name, str(caught.exception))
        self.assertEqual(topics[2].state, "approved")
        # the convener converts it to a 局长办公会议 and places the third topic
        meeting.action_convert()
        self.assertEqual(meeting.kind_id, self.kind_office)
        topics[2].with_user(self.clerk).schedule(meeting.id)
        self.assertEqual(meeting.topic_count, 3)

    def test_a_special_meeting_needing_half_the_leaders_is_refused(self):
        meeting = self._meeting(
            kind=self.kind_special,
            chair=self.deputy,
            attendees=self.staff,
        )
        meeting.attendee_ids = [
            Command.create({"user_id": user.id, "role": "member"})
            for user in (self.principal | self.deputy2)
        ]
        self.assertTrue(meeting.needs_conversion)
        with self.assertRaisesRegex(UserError, self.kind_office.name):
            meeting.action_submit()
        self.assertEqual(meeting.state, "draft")

    def test_two_topics_and_few_leaders_make_a_special_meeting(self):
        meeting = self._meeting(kind=self.kind_special, chair=self.deputy)
        self._topic().with_user(self.clerk).schedule(meeting.id)
        self.assertFalse(meeting.needs_conversion)
        meeting.action_submit()
        self.assertEqual(meeting.state, "to_approve")
