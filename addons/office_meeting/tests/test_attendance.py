import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import OfficeMeetingCase


@tagged("post_install", "-at_install")
class TestAttendance(OfficeMeetingCase):
    def _ask_excuse(self, meeting, user, stand_in):
        line = self._attendee(meeting, user).with_user(user)
        line.write({"excuse_reason": "赴省厅参加培训", "stand_in_id": stand_in.id})
        line.action_request_excuse()
        return line

    def test_an_unexcused_absence_is_recorded_when_the_meeting_closes(self):
        meeting = self._held_meeting()
        (
            self._attendee(meeting, self.head) | self._attendee(meeting, self.principal)
        ).action_sign_in()
        meeting.minutes = "<p>纪要</p>"
        meeting.with_user(self.principal).action_close()
        absent = self._attendee(meeting, self.staff)
        self.assertEqual(absent.state, "absent")
        self.assertEqual(self._attendee(meeting, self.head).state, "present")
        self.assertEqual(meeting.absent_count, 1)
        bodies = " ".join(meeting.message_ids.mapped("body"))
        self.assertIn(f"{self.staff.name} 无故缺席", bodies)

    def test_an_excused_absence_names_the_stand_in(self):
        meeting = self._approved_meeting()
        line = self._ask_excuse(meeting, self.staff, self.staff2)
        self.assertEqual(line.state, "excuse_requested")
        # only the chair, who convenes, approves an absence
        with self.assertRaises(AccessError):
            line.with_user(self.clerk).action_excuse()
        line.with_user(self.principal).action_excuse()
        self.assertEqual(line.state, "excused")
        self.assertEqual(line.stand_in_id, self.staff2)
        stand_in = self._attendee(meeting, self.staff2)
        self.assertEqual(stand_in.stands_in_for_id, line)
        meeting.action_notify()
        meeting.action_hold()
        meeting.minutes = "<p>纪要</p>"
        meeting.with_user(self.principal).action_close()
        self.assertEqual(line.state, "excused")

    def test_an_excuse_needs_a_reason_and_a_stand_in(self):
        meeting = self._approved_meeting()
        line = self._attendee(meeting, self.staff).with_user(self.staff)
        with self.assertRaisesRegex(UserError, "stand-in"):
            line.action_request_excuse()
        with self.assertRaises(AccessError):
            self._attendee(meeting, self.head).with_user(self.staff).write(
                {"excuse_reason": "代人请假"}
            )

    def test_an_absence_is_approved_before_the_meeting_only(self):
        meeting = self._approved_meeting()
        line = self._ask_excuse(meeting, self.staff, self.staff2)
        with freeze_time(self.FRIDAY + datetime.timedelta(minutes=5)):
            with self.assertRaises(UserError):
                line.with_user(self.principal).action_excuse()
        self.assertEqual(line.state, "excuse_requested")

    def test_a_participant_signs_in_with_the_qr_code_of_the_meeting(self):
        meeting = self._approved_meeting()
        line = self._attendee(meeting, self.staff).with_user(self.staff)
        with self.assertRaises(UserError):
            line.sign_in(token=meeting.access_token)
        meeting.action_notify()
        with self.assertRaises(AccessError):
            line.sign_in(token="wrong")
        with self.assertRaises(AccessError):
            line.sign_in()
        line.sign_in(token=meeting.access_token)
        self.assertEqual((line.state, line.sign_in_method), ("present", "qr"))

    def test_nobody_signs_in_someone_else_but_the_clerk(self):
        meeting = self._approved_meeting()
        meeting.action_notify()
        line = self._attendee(meeting, self.head)
        with self.assertRaises(AccessError):
            line.with_user(self.staff).sign_in(token=meeting.access_token)
        line.with_user(self.clerk).action_sign_in()
        self.assertEqual((line.state, line.sign_in_method), ("present", "clerk"))

    def test_staff_do_not_see_the_sign_in_token(self):
        meeting = self._approved_meeting()
        with self.assertRaises(AccessError):
            meeting.with_user(self.staff).read(["access_token"])

    def test_seats_follow_rank_and_unit(self):
        meeting = self._meeting(attendees=self.staff | self.deputy)
        meeting.action_arrange_seats()
        seats = meeting.attendee_ids.sorted("seat_no").user_id
        self.assertEqual(seats[0], self.principal)
        self.assertEqual(seats[1], self.deputy)
