from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import OfficeSecrecyCase


@tagged("post_install", "-at_install")
class TestIncident(OfficeSecrecyCase):
    def test_reported_at_once_then_each_step_needs_its_record(self):
        incident = (
            self.env["office.secrecy.incident"]
            .with_user(self.staff)
            .create({"name": "涉密文件遗失", "description": "会议室遗留秘密级文件一份"})
        )
        self.assertEqual(incident.state, "reported")
        self.assertIn(
            self.officer_clerk, incident.sudo().activity_ids.user_id, "office alerted"
        )
        with self.assertRaises(UserError):
            incident.with_user(self.staff).action_contain()
        office = incident.with_user(self.officer_clerk)
        with self.assertRaises(UserError):
            office.action_contain()
        office.write({"exposed": "秘密级文件1份", "emergency_actions": "立即收回"})
        office.action_contain()
        office.write({"loss_assessment": "未扩散", "severity": "significant"})
        with self.assertRaises(UserError):
            office.action_assess()  # significant: report to the secrecy bureau
        office.reported_to_authority = True
        office.action_assess()
        self.assertTrue(incident.rectification_deadline, "due in 30 days by default")
        with self.assertRaises(UserError):
            office.action_rectify()
        office.write(
            {"rectification": "专题教育", "rectification_deadline": "2026-12-31"}
        )
        office.action_rectify()
        with self.assertRaises(UserError):
            office.action_close()
        office.write({"rectification_done": "已完成", "accountability": "批评教育"})
        office.action_close()
        self.assertEqual(incident.state, "closed")
        with self.assertRaises(UserError):
            office.write({"accountability": "改"})
        with self.assertRaises(UserError):
            incident.with_user(self.staff).write({"state": "reported"})

    def test_reporter_sees_own_reports(self):
        Incident = self.env["office.secrecy.incident"]
        mine = Incident.with_user(self.staff).create(
            {"name": "可疑外联", "description": "告警"}
        )
        other = Incident.with_user(self.principal).create(
            {"name": "另一事件", "description": "说明"}
        )
        self.assertEqual(Incident.with_user(self.staff).search([]), mine)
        self.assertIn(other, Incident.with_user(self.officer_clerk).search([]))

    def test_lost_carrier_opens_an_incident(self):
        carrier = self.env["office.secret.carrier"].create(
            {
                "name": "秘密文件",
                "secrecy_level": "secret",
                "custodian_id": self.staff.id,
                "location": "办公室",
            }
        )
        carrier.with_user(self.officer_clerk).action_report_lost()
        self.assertEqual(carrier.state, "lost")
        incident = self.env["office.secrecy.incident"].search(
            [("carrier_ids", "in", carrier.ids)]
        )
        self.assertEqual(incident.exposed_level, "secret")
