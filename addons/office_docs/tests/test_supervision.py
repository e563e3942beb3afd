import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import OfficeDocsCase


@tagged("post_install", "-at_install")
class TestSupervision(OfficeDocsCase):
    """督办事项: from an instruction or a meeting, owner, deadline, feedback,
    completion, rating; the board's traffic light and the reminders."""

    def _instructed(self):
        doc = self._incoming(sender_id=self.district.id)
        doc.with_user(self.clerk).action_accept()
        doc.with_user(self.clerk).action_propose("拟请预算科办理。", self.leader.ids)
        doc.with_user(self.leader).action_instruct("请预算科抓紧办理。", "2026-03-20")
        return doc

    def _item(self, deadline, **vals):
        values = {
            "title": "局长办公会议定事项落实",
            "source": "meeting",
            "meeting_ref": "2026年第5次局长办公会",
            "owner_id": self.budget_staff.id,
            "department_id": self.dep_budget.id,
            "deadline": deadline,
        }
        values.update(vals)
        return self.env["office.supervision"].with_user(self.clerk).create(values)

    @freeze_time("2026-03-04 01:30:00")  # Wednesday
    def test_from_instruction_to_rating(self):
        doc = self._instructed()
        action = doc.with_user(self.clerk).action_create_supervision()
        form = Form(
            self.env["office.supervision"]
            .with_user(self.clerk)
            .with_context(**action["context"])
        )
        form.owner_id = self.budget_head
        item = form.save()
        self.assertRegex(item.name, r"^督办〔2026〕[1-9]\d*号$")
        self.assertEqual(item.incoming_document_id, doc)
        self.assertEqual(item.leader_id, self.leader)
        self.assertEqual(item.deadline, datetime.date(2026, 3, 20))
        self.assertEqual(item.department_id, self.env["hr.department"])
        self.assertEqual(item.status, "green")
        self.assertEqual(doc.supervision_count, 1)
        # the owner is chased until the deadline
        chase = self.env.ref("office_docs.mail_act_supervision_chase")
        self.assertEqual(
            item.activity_ids.filtered(lambda a: a.activity_type_id == chase).user_id,
            self.budget_head,
        )
        # the owner reports and completes; staff of another department cannot
        with self.assertRaises(AccessError):
            item.with_user(self.it_staff).action_add_feedback("无关")
        item.with_user(self.budget_head).action_add_feedback("已分解下达80%。")
        self.assertEqual(item.feedback_ids.user_id, self.budget_head)
        with self.assertRaises(UserError):
            item.feedback_ids.with_user(self.budget_head).note = "改写"
        with self.assertRaises(UserError):  # not done yet, and not hers to rate
            item.with_user(self.budget_head).action_rate("good")
        with self.assertRaises(UserError):
            item.with_user(self.budget_head).write({"state": "rated"})
        item.with_user(self.budget_head).action_complete("全部下达完毕。")
        self.assertEqual(item.state, "done")
        self.assertEqual(item.status, "closed")
        self.assertFalse(item.activity_ids)
        with self.assertRaises(UserError):
            item.with_user(self.clerk).write({"deadline": "2026-04-01"})
        item.with_user(self.leader).action_rate("excellent", "及时")
        self.assertEqual((item.state, item.rating), ("rated", "excellent"))
        self.assertEqual(item.rated_by_id, self.leader)
        self.assertIn("全部下达完毕", self._messages(item))

    def test_rules(self):
        with self.assertRaises(ValidationError):
            self._item("2026-03-20", meeting_ref=False)
        with self.assertRaises(ValidationError):
            self._item("2026-03-20", source="instruction")
        with self.assertRaises(AccessError):
            self._item("2026-03-20").with_user(self.budget_staff).copy()
        item = self._item("2026-03-20")
        # staff see their own and their department's items, not others'
        Supervision = self.env["office.supervision"]
        self.assertIn(item, Supervision.with_user(self.budget_staff).search([]))
        self.assertNotIn(item, Supervision.with_user(self.it_staff).search([]))
        with self.assertRaises(UserError):
            self.env["office.supervision"].with_user(self.clerk).create(
                {
                    "title": "x",
                    "source": "other",
                    "owner_id": self.budget_staff.id,
                    "deadline": "2026-03-20",
                    "rating": "good",
                }
            )

    def test_traffic_light_and_reminders(self):
        Supervision = self.env["office.supervision"]
        chase = self.env.ref("office_docs.mail_act_supervision_chase")
        with freeze_time("2026-03-02 01:00:00"):  # Monday
            late = self._item("2026-03-05")
            soon = self._item("2026-03-09")
            calm = self._item("2026-03-31")
            self.assertEqual(
                (late.status, soon.status, calm.status), ("green", "green", "green")
            )
        # Friday 03-06: 03-05 is past; 03-09 (Monday) is within 2 working days
        with freeze_time("2026-03-06 01:00:00"):
            (late | soon | calm).activity_ids.action_feedback("已知悉")
            Supervision._cron_refresh_and_remind()
            Supervision._cron_refresh_and_remind()
        self.assertEqual(
            (late.status, soon.status, calm.status), ("red", "yellow", "green")
        )
        groups = Supervision.with_user(self.clerk).read_group(
            [("id", "in", (late | soon | calm).ids)], ["status"], ["status"]
        )
        self.assertEqual(
            {g["status"]: g["status_count"] for g in groups},
            {"red": 1, "yellow": 1, "green": 1},
        )

        def chased(item):
            return item.activity_ids.filtered(lambda a: a.activity_type_id == chase)

        # overdue: the owner and the office; due soon: the owner; once each
        self.assertEqual(chased(late).user_id, self.budget_staff | self.clerk)
        self.assertEqual(chased(soon).user_id, self.budget_staff)
        self.assertFalse(chased(calm))
        self.assertIn("Overdue", chased(late)[0].summary)
        # the board shows the three colours even when empty
        empty = (
            Supervision.with_user(self.clerk)
            .with_context(read_group_expand=True)
            .read_group([("id", "=", 0)], ["status"], ["status"])
        )
        self.assertEqual([g["status"] for g in empty], ["red", "yellow", "green"])
