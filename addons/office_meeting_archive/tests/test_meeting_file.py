import datetime

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.office_archive.tests.common import OfficeArchiveCase


@tagged("post_install", "-at_install")
class TestMeetingFile(OfficeArchiveCase):
    """一会一档: one archive item per closed meeting of the department."""

    def _closed_meeting(self, subject):
        start = datetime.datetime(2026, 11, 20, 1, 0)
        meeting = (
            self.env["office.meeting"]
            .with_user(self.office_head)
            .create(
                {
                    "subject": subject,
                    "kind_id": self.env.ref("office_meeting.kind_bureau").id,
                    "chair_id": self.principal.id,
                    "date_start": start,
                    "date_end": start + datetime.timedelta(hours=2),
                    "location": "第一会议室",
                    "attendee_ids": [
                        Command.create({"user_id": self.principal.id, "role": "chair"}),
                        Command.create({"user_id": self.staff.id}),
                    ],
                }
            )
        )
        meeting.action_submit()
        review = meeting.sudo().review_ids.filtered(lambda r: r.status == "pending")
        review.with_user(self.principal).action_office_approve()
        meeting.action_notify()
        meeting.action_hold()
        meeting.attendee_ids.action_sign_in()
        meeting.minutes = "<p>会议研究了档案工作。</p>"
        meeting.with_user(self.principal).action_close()
        return meeting

    def test_each_closed_meeting_becomes_one_item_with_its_minutes(self):
        meeting = self._closed_meeting("局务会议（档案测试）")
        transfer = (
            self.env["office.archive.transfer.list"]
            .with_user(self.office_head)
            .create(
                {
                    "department_id": self.dep_office.id,
                    "year": 2026,
                    "fonds_id": self.fonds.id,
                    "category_id": self.ws.id,
                    "unit_id": self.unit_bgs.id,
                }
            )
        )
        self.assertEqual(transfer.action_fill_from_meetings(), 1)
        item = transfer.item_ids
        self.assertEqual(item.meeting_id, meeting)
        self.assertIn("局务会议（档案测试）", item.title)
        self.assertEqual(item.retention_id, self.env.ref("office_archive.retention_y"))
        self.assertIn("2 present", item.note)
        self.assertTrue(item.efile_ids)
        # one meeting, one file
        self.assertEqual(transfer.action_fill_from_meetings(), 0)

    def test_staff_of_another_department_cannot_fill_the_list(self):
        transfer = self.env["office.archive.transfer.list"].create(
            {
                "department_id": self.dep_office.id,
                "year": 2026,
                "fonds_id": self.fonds.id,
                "category_id": self.ws.id,
                "unit_id": self.unit_bgs.id,
            }
        )
        with self.assertRaises(AccessError):
            transfer.with_user(self.legal_staff).action_fill_from_meetings()
