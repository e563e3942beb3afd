from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import OfficeArchiveCase


@tagged("post_install", "-at_install")
class TestStatisticsReport(OfficeArchiveCase):
    def test_statistics_report_signed_and_approved_before_sent_002_6(self):
        # 002 篇6 机关档案统计制度 五: 填表人、审核人、单位公章、填报日期…都应填写齐全;
        # 六: 档案统计数据未经分管档案工作的领导批准，不得私自报送
        self._filed(title="统计测试", year=2025, pages=4)
        report = (
            self.env["office.archive.statistics"]
            .with_user(self.archivist)
            .create({"fonds_id": self.fonds.id})
        )
        self.assertEqual(report.year, 2025)
        report.action_count()
        self.assertGreaterEqual(report.item_total, 1)
        self.assertGreaterEqual(report.page_total, 4)
        # checked by a second person
        with self.assertRaisesRegex(UserError, "审核人"):
            report.action_submit()
        report.checked_by_id = self.archivist
        with self.assertRaisesRegex(UserError, "someone other"):
            report.action_submit()
        report.checked_by_id = self.office_head
        report.write({"stamped": True, "sent_to": "市档案局"})
        # not sent before it is approved
        with self.assertRaises(UserError):
            report.action_send()
        report.action_submit()
        self.assertEqual(report.state, "to_approve")
        self.assertEqual(report.leader_id, self.leader)
        with self.assertRaises(UserError):
            report.write({"state": "approved"})
        with self.assertRaises(AccessError):
            report.with_user(self.staff).action_send()
        self.assertEqual(self._approve_next(report), self.leader)
        self.assertEqual(report.state, "approved")
        report.action_send()
        self.assertEqual(report.state, "sent")
        self.assertEqual(str(report.sent_on), "2026-11-18")
