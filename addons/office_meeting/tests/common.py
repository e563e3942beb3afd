import datetime

from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.office_base.tests.common import OfficeTestCase


class OfficeMeetingCase(OfficeTestCase):
    """Users with the fewest groups that suffice, two rooms and helpers to
    walk a meeting from its plan to its minutes. No demo data is used.

    TEST_NOW is Wednesday 2026-11-18 10:00 in China; the meetings of the
    helpers are on Friday 2026-11-20 (times in UTC, China - 8 h)."""

    FRIDAY = datetime.datetime(2026, 11, 20, 1, 0)

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        Department = cls.env["hr.department"]
        cls.dep_office = Department.create({"name": "办公室（会议测试）"})
        cls.dep_budget = Department.create({"name": "预算科（会议测试）"})
        cls.clerk = cls._user(
            "mt_clerk", "office_base.group_office_clerk", cls.dep_office
        )
        cls.director = cls._user(
            "mt_director", "office_base.group_office_director", cls.dep_office
        )
        cls.principal = cls._user("mt_principal", "office_base.group_office_principal")
        cls.deputy = cls._user("mt_deputy", "office_base.group_office_leader")
        cls.deputy2 = cls._user("mt_deputy2", "office_base.group_office_leader")
        cls.head = cls._user(
            "mt_head", "office_base.group_office_dept_head", cls.dep_budget
        )
        cls.staff = cls._user(
            "mt_staff", "office_base.group_office_user", cls.dep_budget
        )
        cls.staff2 = cls._user(
            "mt_staff2", "office_base.group_office_user", cls.dep_budget
        )
        Room = cls.env["office.meeting.room"]
        cls.room = Room.create({"name": "第一会议室（测试）", "capacity": 20})
        cls.hall = Room.create(
            {"name": "报告厅（测试）", "capacity": 150, "needs_seating_chart": True}
        )
        # a kind of its own: the demo's 局务会 (dated from the install day) must
        # not fall between the tests' meetings on any day the tests run
        cls.kind_bureau = cls.env.ref("office_meeting.kind_bureau").copy(
            {"code": "TJW", "name": "局务会议（测试）"}
        )
        cls.kind_office = cls.env.ref("office_meeting.kind_director_office")
        cls.kind_special = cls.env.ref("office_meeting.kind_special")
        cls.kind_staff = cls.env.ref("office_meeting.kind_staff")

    @classmethod
    def _user(cls, login, groups, department=None):
        user = new_test_user(
            cls.env,
            login=login,
            groups=groups,
            name=login.replace("_", " ").title(),
            email=f"{login}@example.com",
        )
        cls.env["hr.employee"].create(
            {
                "name": user.name,
                "user_id": user.id,
                "department_id": department.id if department else False,
            }
        )
        return user

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------

    def _meeting(self, kind=None, chair=None, attendees=None, start=None, **vals):
        kind = kind or self.kind_bureau
        chair = chair or self.principal
        start = start or self.FRIDAY
        attendees = attendees if attendees is not None else (self.staff | self.head)
        values = {
            "subject": "测试会议",
            "kind_id": kind.id,
            "chair_id": chair.id,
            "date_start": start,
            "date_end": start + datetime.timedelta(hours=2),
            "room_id": self.room.id,
            "attendee_ids": [
                Command.create({"user_id": chair.id, "role": "chair"}),
                *(
                    Command.create({"user_id": user.id, "role": "member"})
                    for user in attendees
                ),
            ],
            **vals,
        }
        return self.env["office.meeting"].with_user(self.clerk).create(values)

    def _pending_review(self, record):
        return record.sudo().review_ids.filtered(lambda r: r.status == "pending")

    def _approve(self, record, user):
        review = self._pending_review(record)
        self.assertEqual(len(review), 1, "one step waits for a decision")
        self.assertIn(user, review.reviewer_ids)
        review.with_user(user).action_office_approve()
        return record

    def _approved_meeting(self, **vals):
        meeting = self._meeting(**vals)
        meeting.action_submit()
        self._approve(meeting, meeting.plan_leader_id)
        self.assertEqual(meeting.state, "approved")
        return meeting

    def _held_meeting(self, **vals):
        meeting = self._approved_meeting(**vals)
        meeting.action_notify()
        meeting.action_hold()
        self.assertEqual(meeting.state, "held")
        return meeting

    def _attendee(self, meeting, user):
        return meeting.attendee_ids.filtered(lambda a: a.user_id == user)

    def _topic(self, user=None, leader=None, **vals):
        user = user or self.staff
        topic = (
            self.env["office.meeting.topic"]
            .with_user(user)
            .create(
                {
                    "title": "关于调整预算执行进度的议题",
                    "leader_id": (leader or self.deputy).id,
                    **vals,
                }
            )
        )
        topic.action_submit()
        self._approve(topic, leader or self.deputy)
        self.assertEqual(topic.state, "approved")
        return topic
