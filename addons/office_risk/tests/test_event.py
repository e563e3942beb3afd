from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import OfficeRiskCase


@tagged("post_install", "-at_install")
class TestEvent(OfficeRiskCase):
    def _bodies(self, event):
        return " ".join(event.sudo().message_ids.mapped("body"))

    def test_workflow_with_chatter(self):
        event = self._event(discovery="leader")
        self.assertEqual(event.state, "reported")
        self.assertTrue(event.name.startswith("风险"))
        self.assertEqual(event.domain_id, self.point.domain_id)
        self.assertEqual(event.proposed_level, "significant")
        event = self._walk_to_rectification(event, level="major")
        self.assertEqual(event.state, "rectification")
        self.assertEqual(event.level, "major")
        self.assertEqual(event.decided_by_id, self.committee)
        rect = event.rectification_ids
        self.assertEqual(len(rect), 1)
        self.assertEqual(rect.department_id, self.dep_budget)
        self.assertTrue(rect.measures)
        rect.with_user(self.staff).write({"done_note": "已补登记"})
        rect.with_user(self.staff).action_submit()
        event.with_user(self.staff).action_submit_verification()
        self.assertEqual(event.state, "verification")
        event.with_user(self.internal_control).action_verify()
        self.assertEqual(event.state, "closed")
        self.assertEqual(rect.state, "verified")
        self.assertEqual(rect.verified_by_id, self.internal_control)
        bodies = self._bodies(event)
        # the users work in Chinese: so does what their steps write
        for text in (
            "开始调查",
            "调查结果已报内控委",
            "内控委决定",
            "已报告整改完成",
            "事件关闭",
        ):
            self.assertIn(text, bodies)

    def test_roles(self):
        event = self._event()
        with self.assertRaises(AccessError):
            event.with_user(self.staff).action_investigate()
        with self.assertRaises(AccessError):
            event.with_user(self.committee).action_investigate()
        event.with_user(self.internal_control).action_investigate()
        with self.assertRaises(UserError):
            event.with_user(self.internal_control).action_propose()  # no findings
        event.with_user(self.internal_control).write({"investigation": "属实"})
        event.with_user(self.internal_control).action_propose()
        with self.assertRaises(AccessError):
            event.with_user(self.internal_control).action_decide()
        with self.assertRaises(UserError):
            event.with_user(self.committee).action_decide()  # no level
        event.with_user(self.committee).write({"decided_level": "general"})
        event.with_user(self.committee).action_decide()
        with self.assertRaises(UserError):
            event.with_user(self.staff).action_submit_verification()
        with self.assertRaises(UserError):
            event.with_user(self.internal_control).write(
                {"point_id": self.env.ref("office_risk.risk_point_01_02").id}
            )

    def test_departments_see_their_events(self):
        event = self._event()
        Event = self.env["office.risk.event"]
        self.assertIn(event, Event.with_user(self.staff).search([]))
        self.assertNotIn(event, Event.with_user(self.staff_legal).search([]))
        with self.assertRaises(AccessError):
            event.with_user(self.staff_legal).read(["title"])
        for user in (self.internal_control, self.committee, self.director):
            self.assertIn(event, Event.with_user(user).search([]))
        rect = self._walk_to_rectification(event).rectification_ids
        Rect = self.env["office.risk.rectification"]
        self.assertIn(rect, Rect.with_user(self.staff).search([]))
        self.assertNotIn(rect, Rect.with_user(self.staff_legal).search([]))

    def test_reporting_department_by_default(self):
        event = (
            self.env["office.risk.event"]
            .with_user(self.staff_legal)
            .create({"title": "法规科自报异常"})
        )
        self.assertEqual(event.department_ids, self.dep_legal)
        self.assertEqual(event.reporter_id, self.staff_legal)
        self.assertFalse(event.point_version_id)

    def test_source_record(self):
        partner = self.env["res.partner"].create({"name": "来文单位甲"})
        event = self._event(res_model="res.partner", res_id=partner.id)
        self.assertEqual(event.source_name, "来文单位甲")
        action = event.action_open_source()
        self.assertEqual(
            (action["res_model"], action["res_id"]), ("res.partner", partner.id)
        )
        with self.assertRaises(ValidationError):
            self._event(res_model="no.such.model", res_id=1)

    def test_cancel_and_delete(self):
        event = self._event()
        with self.assertRaises(AccessError):
            event.with_user(self.staff).action_cancel()
        # the reason is asked by the one reason wizard of the suite
        action = event.with_user(self.internal_control).action_cancel()
        self.assertEqual(action["res_model"], "office.reason.wizard")
        self.assertEqual(event.state, "reported")
        wizard = (
            self.env["office.reason.wizard"]
            .with_user(self.internal_control)
            .with_context(**action["context"])
            .create({"reason": "误报"})
        )
        wizard.action_confirm()
        self.assertEqual(event.state, "cancel")
        self.assertEqual(event.cancel_reason, "误报")
        self.assertIn("误报", self._bodies(event))
        with self.assertRaises(UserError):
            event.sudo().unlink()
        draft = self._event()
        with self.assertRaises(AccessError):
            draft.with_user(self.staff).unlink()
        draft.with_user(self.internal_control).unlink()
        self.assertFalse(draft.exists())
