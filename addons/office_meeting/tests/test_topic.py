from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import OfficeMeetingCase


@tagged("post_install", "-at_install")
class TestTopic(OfficeMeetingCase):
    def test_an_item_is_passed_by_the_leader_in_charge(self):
        topic = (
            self.env["office.meeting.topic"]
            .with_user(self.staff)
            .create({"title": "关于政府采购意向公开的议题"})
        )
        self.assertEqual(topic.department_id, self.dep_budget)
        with self.assertRaisesRegex(UserError, "leader in charge"):
            topic.action_submit()
        topic.leader_id = self.deputy2
        topic.action_submit()
        self.assertEqual(self._pending_review(topic).reviewer_ids, self.deputy2)
        self._approve(topic, self.deputy2)
        self.assertEqual(topic.state, "approved")

    def test_the_chair_or_the_organizer_places_an_item(self):
        meeting = self._meeting()
        topic = self._topic()
        with self.assertRaises(AccessError):
            topic.with_user(self.staff).schedule(meeting.id)
        topic.with_user(self.principal).schedule(meeting.id)
        self.assertEqual((topic.state, topic.meeting_id), ("scheduled", meeting))
        topic.with_user(self.clerk).action_unschedule()
        self.assertEqual((topic.state, topic.meeting_id.id), ("approved", False))

    def test_a_draft_item_is_not_placed(self):
        meeting = self._meeting()
        topic = (
            self.env["office.meeting.topic"]
            .with_user(self.staff)
            .create({"title": "未审议题", "leader_id": self.deputy.id})
        )
        with self.assertRaises(UserError):
            topic.with_user(self.clerk).schedule(meeting.id)

    def test_secret_materials_are_recalled_after_the_meeting(self):
        cleared = self.staff | self.clerk | self.deputy | self.principal
        cleared.office_clearance = "important"
        meeting = self._meeting()
        topic = self._topic(
            secrecy_level="secret",
            need_to_know_user_ids=[(6, 0, cleared.ids)],
        )
        topic.with_user(self.clerk).schedule(meeting.id)
        meeting.action_submit()
        self._approve(meeting, self.principal)
        meeting.action_notify()
        meeting.action_hold()
        meeting.minutes = "<p>纪要</p>"
        meeting.with_user(self.principal).action_close()
        topic = topic.with_user(self.clerk)
        self.assertEqual(topic.state, "discussed")
        self.assertTrue(topic.recall_needed)
        recall = self.env.ref("office_meeting.mail_act_office_meeting_recall")
        self.assertEqual(
            topic.sudo()
            .activity_ids.filtered(lambda a: a.activity_type_id == recall)
            .user_id,
            self.clerk,
        )
        with self.assertRaises(AccessError):
            topic.with_user(self.staff).action_recall_materials()
        topic.action_recall_materials()
        self.assertTrue(topic.materials_recalled)
        self.assertFalse(topic.recall_needed)

    def test_staff_read_their_own_items_only(self):
        mine = self._topic()
        other = self._topic(user=self.staff2)
        Topic = self.env["office.meeting.topic"].with_user(self.staff)
        self.assertEqual(Topic.search([("id", "in", (mine | other).ids)]), mine)
        head_sees = (
            self.env["office.meeting.topic"]
            .with_user(self.head)
            .search([("id", "in", (mine | other).ids)])
        )
        self.assertEqual(head_sees, mine | other)
