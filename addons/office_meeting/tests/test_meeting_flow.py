from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import OfficeMeetingCase


@tagged("post_install", "-at_install")
class TestMeetingFlow(OfficeMeetingCase):
    def test_the_plan_is_approved_by_its_leader_before_the_notices(self):
        meeting = self._meeting(chair=self.principal)
        with self.assertRaises(UserError):
            meeting.action_notify()
        meeting.action_submit()
        self.assertEqual(meeting.state, "to_approve")
        review = self._pending_review(meeting)
        self.assertEqual(review.reviewer_ids, self.principal)
        self._approve(meeting, self.principal)
        self.assertEqual(meeting.state, "approved")
        activity = meeting.activity_ids.filtered(
            lambda a: (
                a.activity_type_id
                == self.env.ref("office_meeting.mail_act_office_meeting_notify")
            )
        )
        self.assertEqual(activity.user_id, self.clerk)

    def test_more_than_ten_principal_heads_go_to_the_director_then_the_principal(self):
        meeting = self._meeting(summoned_heads=11)
        self.assertTrue(meeting.summons_many_heads)
        meeting.action_submit()
        review = self._pending_review(meeting)
        self.assertIn(self.director, review.reviewer_ids)
        self.assertNotIn(self.principal, review.reviewer_ids)
        self._approve(meeting, self.director)
        self.assertEqual(meeting.state, "to_approve")
        self._approve(meeting, self.principal)
        self.assertEqual(meeting.state, "approved")

    def test_ten_principal_heads_need_one_leader_only(self):
        meeting = self._meeting(summoned_heads=10)
        self.assertFalse(meeting.summons_many_heads)
        self.env.company.office_meeting_summons_threshold = 5
        self.assertTrue(meeting.summons_many_heads)

    def test_a_bureau_meeting_is_chaired_by_the_principal_leader(self):
        meeting = self._meeting(chair=self.deputy)
        with self.assertRaisesRegex(UserError, "chaired"):
            meeting.action_submit()
        self.assertEqual(meeting.state, "draft")

    def test_the_notice_is_a_calendar_event_for_every_participant(self):
        meeting = self._approved_meeting()
        meeting.action_notify()
        self.assertEqual(meeting.state, "notified")
        event = meeting.calendar_event_id
        self.assertTrue(event)
        self.assertEqual(
            set(event.partner_ids.ids),
            set(meeting.attendee_ids.user_id.partner_id.ids),
        )
        self.assertEqual(event.start, meeting.date_start)

    def test_staff_cannot_run_a_meeting(self):
        meeting = self._approved_meeting()
        with self.assertRaises(AccessError):
            meeting.with_user(self.staff).action_notify()
        meeting.action_notify()
        with self.assertRaises(AccessError):
            meeting.with_user(self.staff).action_hold()
        self.assertEqual(meeting.state, "notified")

    def test_a_meeting_closes_with_its_minutes_signed_by_the_chair(self):
        meeting = self._held_meeting()
        with self.assertRaisesRegex(UserError, "minutes"):
            meeting.with_user(self.principal).action_close()
        meeting.minutes = "<p>会议研究了预算调整事项。</p>"
        # the minutes of a 局务会议 are signed by its chair
        with self.assertRaises(AccessError):
            meeting.action_close()
        meeting.with_user(self.principal).action_close()
        self.assertEqual(meeting.state, "done")
        self.assertEqual(meeting.minutes_signed_by_id, self.principal)
        with self.assertRaises(UserError):
            meeting.minutes = "<p>改写</p>"

    def test_the_state_moves_through_its_actions_only(self):
        meeting = self._meeting()
        with self.assertRaises(UserError):
            meeting.state = "approved"
        with self.assertRaises(UserError):
            meeting.sudo().write({"state": "done"})
        self.assertEqual(meeting.state, "draft")

    def test_a_held_meeting_keeps_its_date_and_room(self):
        meeting = self._held_meeting()
        with self.assertRaises(UserError):
            meeting.room_id = self.hall
        with self.assertRaises(UserError):
            meeting.unlink()

    def test_cancelling_asks_a_reason_and_drops_the_calendar_event(self):
        meeting = self._approved_meeting()
        meeting.action_notify()
        event = meeting.calendar_event_id
        action = meeting.action_cancel()
        self.assertEqual(action["res_model"], "office.reason.wizard")
        meeting._workflow_run("cancel", reason="领导临时出差")
        self.assertEqual(meeting.state, "cancel")
        self.assertFalse(event.exists())

    def test_the_minutes_print_as_an_a4_pdf(self):
        meeting = self._held_meeting()
        meeting.minutes = "<p>会议研究了预算调整事项。</p>"
        report = self.env.ref("office_meeting.action_report_office_meeting_minutes")
        self.assertEqual(report.paperformat_id.format, "A4")
        html = report._render_qweb_html(report.report_name, meeting.ids)[0]
        self.assertIn("会议研究了预算调整事项", html.decode())
