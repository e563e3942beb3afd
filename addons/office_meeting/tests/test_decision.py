import datetime

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import OfficeMeetingCase


@tagged("post_install", "-at_install")
class TestDecision(OfficeMeetingCase):
    def _decide(self, meeting, text="预算科牵头清理结转资金", days=5):
        meeting.decision_ids = [
            Command.create(
                {
                    "name": text,
                    "department_id": self.dep_budget.id,
                    "owner_id": self.head.id,
                    "deadline_days": days,
                }
            )
        ]
        return meeting.decision_ids[-1:]

    def _close_meeting(self, meeting):
        meeting.minutes = "<p>纪要</p>"
        meeting.with_user(self.principal).action_close()

    def test_the_deadline_counts_working_days_of_the_office_calendar(self):
        meeting = self._held_meeting()
        decision = self._decide(meeting, days=5)
        # Friday 2026-11-20 + 5 working days = Friday 2026-11-27
        self.assertEqual(decision.date_deadline, datetime.date(2026, 11, 27))
        activity = decision.sudo().activity_ids
        self.assertEqual(activity.user_id, self.head)
        self.assertEqual(activity.date_deadline, datetime.date(2026, 11, 27))

    def test_decisions_are_recorded_while_the_meeting_is_in_session(self):
        meeting = self._approved_meeting()
        with self.assertRaises(UserError):
            self._decide(meeting)

    def test_an_open_decision_appears_in_the_next_meeting_until_closed(self):
        # March's 局务会 decides; April's lists the decision with its state
        march = self._held_meeting(start=self.FRIDAY)
        decision = self._decide(march)
        done_early = self._decide(march, text="办公室修订会议制度")
        self._close_meeting(march)
        with freeze_time("2026-12-01 02:00:00"):
            done_early.with_user(self.head).close("制度已修订印发")
        april = self._meeting(
            start=self.FRIDAY + datetime.timedelta(days=28), room_id=self.hall.id
        )
        self.assertIn(decision, april.followup_decision_ids)
        self.assertIn(done_early, april.followup_decision_ids)
        self.assertEqual(decision.state, "open")
        html = (
            self.env.ref("office_meeting.action_report_office_meeting_minutes")
            ._render_qweb_html(
                "office_meeting.office_meeting_minutes_document", april.ids
            )[0]
            .decode()
        )
        self.assertIn("预算科牵头清理结转资金", html)
        with freeze_time("2026-12-02 02:00:00"):
            decision.with_user(self.head).close("已清理结转资金1200万元")
        self.assertEqual(decision.state, "done")
        self.assertEqual(decision.result, "已清理结转资金1200万元")
        april.invalidate_recordset(["followup_decision_ids"])
        self.assertIn(decision, april.followup_decision_ids)
        # the next meeting after April no longer lists what closed before it
        self._close_after(april)
        may = self._meeting(
            start=self.FRIDAY + datetime.timedelta(days=56), room_id=self.hall.id
        )
        self.assertNotIn(decision, may.followup_decision_ids)

    def _close_after(self, meeting):
        meeting.action_submit()
        self._approve(meeting, self.principal)
        meeting.action_notify()
        with freeze_time(meeting.date_end + datetime.timedelta(days=1)):
            meeting.action_hold()
            self._close_meeting(meeting)

    def test_the_owner_or_the_office_closes_a_decision_with_its_result(self):
        meeting = self._held_meeting()
        decision = self._decide(meeting)
        with self.assertRaises(AccessError):
            decision.with_user(self.staff2).close("越权办结")
        action = decision.with_user(self.head).action_close()
        self.assertEqual(action["res_model"], "office.reason.wizard")
        decision.with_user(self.clerk).close("已办结")
        self.assertEqual(decision.state, "done")
        self.assertEqual(decision.date_done, datetime.date(2026, 11, 18))

    def test_the_director_hears_of_overdue_decisions(self):
        meeting = self._held_meeting()
        decision = self._decide(meeting, days=1)
        Decision = self.env["office.meeting.decision"]
        self.assertNotIn(decision.id, Decision._cron_overdue())
        with freeze_time("2026-12-01 02:00:00"):
            self.assertTrue(decision.is_overdue)
            self.assertIn(decision.id, Decision._cron_overdue())
            self.assertIn(decision, Decision.search([("is_overdue", "=", True)]))
        overdue = self.env.ref("office_meeting.mail_act_office_meeting_overdue")
        users = (
            decision.sudo()
            .activity_ids.filtered(lambda a: a.activity_type_id == overdue)
            .user_id
        )
        self.assertIn(self.director, users)
