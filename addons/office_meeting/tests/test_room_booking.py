import datetime

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import OfficeMeetingCase


@tagged("post_install", "-at_install")
class TestRoomBooking(OfficeMeetingCase):
    def test_overlapping_booking_of_a_room_is_refused_with_the_other_meeting(self):
        first = self._meeting()
        with self.assertRaises(ValidationError) as caught:
            self._meeting(start=self.FRIDAY + datetime.timedelta(hours=1))
        self.assertIn(first.name, str(caught.exception))
        self.assertIn(self.room.name, str(caught.exception))

    def test_back_to_back_meetings_share_a_room(self):
        self._meeting()
        second = self._meeting(start=self.FRIDAY + datetime.timedelta(hours=2))
        self.assertEqual(second.room_id, self.room)

    def test_a_cancelled_meeting_frees_its_room(self):
        first = self._meeting()
        first.with_user(self.clerk)._workflow_run("cancel", reason="改期")
        self.assertEqual(first.state, "cancel")
        second = self._meeting()
        self.assertEqual(second.state, "draft")

    def test_free_rooms_leave_out_the_booked_and_the_small_ones(self):
        self._meeting()
        Room = self.env["office.meeting.room"].with_user(self.clerk)
        free = Room.search_free(self.FRIDAY, self.FRIDAY + datetime.timedelta(hours=1))
        self.assertNotIn(self.room.id, free)
        self.assertIn(self.hall.id, free)
        big = Room.search_free(
            self.FRIDAY + datetime.timedelta(days=1),
            self.FRIDAY + datetime.timedelta(days=1, hours=1),
            seats=100,
        )
        self.assertIn(self.hall.id, big)
        self.assertNotIn(self.room.id, big)
        with self.assertRaises(ValidationError):
            Room.search_free(self.FRIDAY, self.FRIDAY)

    def test_a_meeting_ends_after_it_starts(self):
        with self.assertRaises(ValidationError):
            self._meeting(
                date_end=self.FRIDAY - datetime.timedelta(hours=1), room_id=False
            )
