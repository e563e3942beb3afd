import datetime

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import OfficeRiskCase


@tagged("post_install", "-at_install")
class TestRiskWorkflow(OfficeRiskCase):
    """The states of risk events, rectifications, inspections and the
    zero-error register change only through their declared transitions,
    checked for the acting user: superuser or not, context keys or not."""

    def _refused(self, records, method, users, *args):
        """`method` is refused to each of `users`, also through sudo(), and
        nothing is written."""
        before = [(r, r.state, r.write_date) for r in records.sudo()]
        for user in users:
            for env_records in (
                records.with_user(user),
                records.with_user(user).sudo(),
            ):
                with self.assertRaises(UserError, msg=user.login):
                    getattr(env_records, method)(*args)
        for record, state, write_date in before:
            self.assertEqual(record.state, state, method)
            self.assertEqual(record.write_date, write_date, method)

    def _inspection(self):
        template = self.env["office.risk.inspection.template"].create(
            {"name": "打分表", "item_ids": [(0, 0, {"name": "档案", "max_points": 10})]}
        )
        return (
            self.env["office.risk.inspection"]
            .with_user(self.internal_control)
            .create(
                {
                    "name": "检查",
                    "template_id": template.id,
                    "department_ids": [(6, 0, self.dep_budget.ids)],
                }
            )
        )

    def _error(self, **vals):
        return (
            self.env["office.risk.error"]
            .with_user(self.performance)
            .create(
                {
                    "user_id": self.staff.id,
                    "area_id": self.env.ref("office_risk.error_area_docs").id,
                    "description": "差错",
                    "date": datetime.date(2026, 3, 1),
                    **vals,
                }
            )
        )

    # ------------------------------------------------------------------
    # (a) every transition is refused to a user without the right
    # ------------------------------------------------------------------

    def test_event_transitions_are_refused_without_the_right(self):
        outsiders = self.staff | self.committee | self.director
        event = self._event()
        self._refused(event, "action_investigate", outsiders)
        self._refused(event, "action_cancel", outsiders, "误报")
        event.with_user(self.internal_control).action_investigate()
        event.with_user(self.internal_control).write(
            {"investigation": "属实", "proposed_level": "general"}
        )
        self._refused(event, "action_propose", outsiders)
        event.with_user(self.internal_control).action_propose()
        event.with_user(self.committee).write({"decided_level": "general"})
        self._refused(
            event, "action_decide", self.staff | self.internal_control | self.director
        )
        event.with_user(self.committee).action_decide()
        rect = event.rectification_ids
        rect.with_user(self.staff).write({"done_note": "已整改"})
        rect.with_user(self.staff).action_submit()
        # another department reports nothing rectified, sudo or not
        self._refused(event, "action_submit_verification", self.staff_legal)
        event.with_user(self.staff).action_submit_verification()
        self._refused(event, "action_verify", outsiders)
        self._refused(event, "action_close_resolved", outsiders)
        event.with_user(self.internal_control).action_verify()
        self.assertEqual((event.state, rect.state), ("closed", "verified"))

    def test_rectification_transitions_are_refused_without_the_right(self):
        rect = self._walk_to_rectification(self._event()).rectification_ids
        rect.with_user(self.staff).write({"done_note": "已整改"})
        self._refused(rect, "action_submit", self.staff_legal | self.committee)
        rect.with_user(self.staff).action_submit()
        rect.with_user(self.internal_control).write({"verification_note": "不足"})
        for method in ("action_verify", "action_reject"):
            self._refused(rect, method, self.staff | self.director | self.committee)
        rect.with_user(self.internal_control).action_verify()
        self.assertEqual(rect.state, "verified")

    def test_inspection_transitions_are_refused_without_the_right(self):
        inspection = self._inspection()
        self._refused(inspection, "action_start", self.staff | self.committee)
        self._refused(inspection, "action_cancel", self.staff, "不查了")
        self.assertFalse(inspection.result_ids)
        inspection.action_start()
        result = inspection.result_ids
        self._refused(result, "action_confirm_facts", self.staff | self.committee)
        self._refused(inspection, "action_done", self.staff | self.performance)
        result.with_user(self.director).action_confirm_facts()
        inspection.with_user(self.director).action_done()
        self.assertEqual((inspection.state, result.state), ("done", "confirmed"))

    def test_error_transitions_are_refused_without_the_right(self):
        error = self._error()
        outsiders = self.staff | self.leader | self.internal_control
        self._refused(error, "action_confirm", outsiders)
        self._refused(error, "action_cancel", outsiders)
        self.assertFalse(error.sudo().deduction_ids)
        error.with_user(self.director).action_confirm()
        self.assertEqual(error.occurrence, 1)
        self._refused(error, "action_cancel", outsiders)
        self.assertTrue(error.sudo().deduction_ids)

    # ------------------------------------------------------------------
    # (b) nobody writes a state directly
    # ------------------------------------------------------------------

    def test_states_are_not_written_directly_even_by_superuser(self):
        admin = self.env.ref("base.user_admin")
        event = self._event()
        rect = self._walk_to_rectification(self._event()).rectification_ids
        inspection = self._inspection()
        inspection.action_start()
        error = self._error()
        cases = [
            (event, "closed"),
            (rect, "verified"),
            (inspection, "done"),
            (inspection.result_ids, "confirmed"),
            (error, "confirmed"),
        ]
        for record, state in cases:
            before = record.state
            for env_record in (record.with_user(admin), record.sudo()):
                with self.assertRaises(UserError, msg=record._name):
                    env_record.write({"state": state})
            self.assertEqual(record.state, before)
        with self.assertRaises(UserError):
            self.env["office.risk.event"].sudo().create(
                {"title": "直接关闭", "state": "closed"}
            )
        with self.assertRaises(UserError):
            self._error(state="confirmed")

    def test_a_confirmed_error_is_locked_even_for_superuser(self):
        error = self._error()
        error.action_confirm()
        for env_error in (error, error.sudo()):
            with self.assertRaises(UserError):
                env_error.write({"classification": "serious"})
            with self.assertRaises(UserError):
                env_error.write({"occurrence": 7})
        self.assertEqual((error.classification, error.occurrence), ("general", 1))

    # ------------------------------------------------------------------
    # (c) the removed context keys change nothing
    # ------------------------------------------------------------------

    def test_the_old_error_workflow_key_lets_nothing_through(self):
        error = self._error()
        error.action_confirm()
        keyed = error.with_context(office_risk_error_workflow=True)
        with self.assertRaises(UserError):
            keyed.with_user(self.staff).write({"state": "cancel", "occurrence": 0})
        with self.assertRaises(UserError):
            keyed.with_user(self.performance).write({"state": "draft"})
        with self.assertRaises(UserError):
            keyed.sudo().write({"occurrence": 0, "classification": "serious"})
        self.assertEqual(
            (error.state, error.occurrence, error.classification),
            ("confirmed", 1, "general"),
        )

    def test_a_cancel_reason_in_the_context_cancels_nothing(self):
        event = self._event()
        keyed = event.with_context(cancel_reason="误报")
        with self.assertRaises(AccessError):
            keyed.with_user(self.staff).action_cancel()
        with self.assertRaises(AccessError):
            keyed.with_user(self.staff).sudo().action_cancel()
        # the context does not stand for the reason: the wizard is asked for
        action = keyed.with_user(self.internal_control).action_cancel()
        self.assertEqual(action["res_model"], "office.reason.wizard")
        self.assertEqual(event.state, "reported")
        self.assertFalse(event.cancel_reason)
        # over RPC the reason is an argument
        event.with_user(self.internal_control).action_cancel(reason="重复上报")
        self.assertEqual((event.state, event.cancel_reason), ("cancel", "重复上报"))
