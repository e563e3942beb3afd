import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import OfficeRiskCase


@tagged("post_install", "-at_install")
class TestRectification(OfficeRiskCase):
    def setUp(self):
        super().setUp()
        self.event = self._walk_to_rectification(self._event())
        self.rect = self.event.rectification_ids
        self.rect.write(
            {"user_id": self.staff.id, "deadline": datetime.date(2026, 6, 30)}
        )

    def test_milestones_and_progress(self):
        rect = self.rect.with_user(self.staff)
        rect.write(
            {
                "milestone_ids": [
                    (0, 0, {"name": "整改方案", "deadline": "2026-06-10"}),
                    (0, 0, {"name": "完成整改", "deadline": "2026-06-30"}),
                ]
            }
        )
        self.assertEqual(rect.progress, 0)
        rect.milestone_ids[0].done = True
        self.assertEqual(rect.progress, 50)
        self.assertTrue(rect.milestone_ids[0].done_date)
        rect.done_note = "已完成"
        with self.assertRaises(UserError):
            rect.action_submit()  # a milestone is open
        rect.milestone_ids[1].done = True
        rect.action_submit()
        self.assertEqual(rect.state, "submitted")
        self.assertEqual(rect.progress, 100)

    def test_progress_reports_and_bounds(self):
        rect = self.rect.with_user(self.staff)
        rect.write({"progress_ids": [(0, 0, {"note": "已整改一半", "percent": 40})]})
        self.assertEqual(rect.progress, 40)
        with self.assertRaises(ValidationError):
            rect.write({"progress_ids": [(0, 0, {"note": "错误", "percent": 140})]})

    def test_verification(self):
        rect = self.rect
        with self.assertRaises(UserError):
            rect.with_user(self.staff).action_submit()  # no done note
        with self.assertRaises(AccessError):
            rect.with_user(self.staff_legal).action_submit()
        rect.with_user(self.staff).write({"done_note": "已完成"})
        rect.with_user(self.staff).action_submit()
        with self.assertRaises(AccessError):
            rect.with_user(self.staff).action_verify()
        with self.assertRaises(UserError):
            rect.with_user(self.internal_control).action_reject()  # no reason
        rect.with_user(self.internal_control).write({"verification_note": "证据不足"})
        rect.with_user(self.internal_control).action_reject()
        self.assertEqual(rect.state, "open")
        rect.with_user(self.staff).action_submit()
        rect.with_user(self.internal_control).action_verify()
        self.assertEqual(rect.state, "verified")

    def test_rectification_is_verified_only_by_the_internal_control_office(self):
        # 003 第六条; a department head may not close it by writing
        head = self._user(
            "risk_budget_head", "office_base.group_office_dept_head", self.dep_budget
        )
        rect = self.rect
        rect.with_user(self.staff).write({"done_note": "已完成"})
        rect.with_user(self.staff).action_submit()
        for forged in (
            {"state": "verified"},
            {"verified_by_id": head.id},
            {"verified_at": "2026-06-01 08:00:00"},
        ):
            for target in (rect.with_user(head), rect.with_user(head).sudo()):
                with self.assertRaises(UserError):
                    target.write(forged)
        with self.assertRaises(AccessError):
            rect.with_user(head).action_verify()
        with self.assertRaises(UserError):
            self.env["office.risk.rectification"].with_user(
                self.internal_control
            ).create(
                {
                    "name": "伪造",
                    "measures": "无",
                    "deadline": "2026-06-30",
                    "verified_by_id": head.id,
                }
            )
        self.assertEqual(rect.state, "submitted")
        self.assertFalse(rect.verified_by_id)
        rect.with_user(self.internal_control).action_verify()
        self.assertEqual(rect.verified_by_id, self.internal_control)

    def test_reminders_before_and_after_deadline(self):
        acts = self.env.ref(
            "office_risk.mail_act_office_risk_rectification_reminder"
        ) | self.env.ref("office_risk.mail_act_office_risk_rectification_overdue")

        def reminders():
            return self.env["mail.activity"].search(
                [
                    ("res_model", "=", "office.risk.rectification"),
                    ("res_id", "=", self.rect.id),
                    ("activity_type_id", "in", acts.ids),
                ]
            )

        Rect = self.env["office.risk.rectification"]
        with freeze_time("2026-06-01"):
            Rect._cron_remind()
            self.assertFalse(reminders())
        with freeze_time("2026-06-28"):
            Rect._cron_remind()
            Rect._cron_remind()
            self.assertEqual(len(reminders()), 1)
            self.assertEqual(reminders().user_id, self.staff)
        with freeze_time("2026-07-02"):
            self.assertTrue(self.rect.is_overdue)
            self.assertIn(self.rect, Rect.search([("is_overdue", "=", True)]))
            Rect._cron_remind()
            Rect._cron_remind()
            self.assertEqual(len(reminders()), 2)

    def test_the_reminder_days_are_a_company_setting(self):
        """003 第五条(二): the reminder comes the company's number of days
        before the deadline (3 by default, 5 here)."""
        act = self.env.ref("office_risk.mail_act_office_risk_rectification_reminder")
        self.assertEqual(self.env.company.office_risk_remind_days, 3)
        settings = self.env["res.config.settings"].create({})
        settings.office_risk_remind_days = 5
        settings.execute()
        self.assertEqual(self.env.company.office_risk_remind_days, 5)
        Rect = self.env["office.risk.rectification"]
        with freeze_time("2026-06-26"):
            Rect._cron_remind()
        reminded = self.env["mail.activity"].search(
            [
                ("res_model", "=", "office.risk.rectification"),
                ("res_id", "=", self.rect.id),
                ("activity_type_id", "=", act.id),
            ]
        )
        self.assertEqual(reminded.user_id, self.staff)
        self.assertEqual(reminded.date_deadline, datetime.date(2026, 6, 30))

    def test_the_rectification_period_is_a_company_setting(self):
        self.env.company.office_risk_rectification_days = 10
        event = self._walk_to_rectification(self._event())
        self.assertEqual(
            event.rectification_ids.deadline,
            self.env["office.calendar"].today() + datetime.timedelta(days=10),
        )
