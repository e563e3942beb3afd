from datetime import date

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import SCAN, OfficeSecrecyCase


@tagged("post_install", "-at_install")
class TestSecrecyWorkflow(OfficeSecrecyCase):
    """The workflow kernel in office_secrecy: each step refused, with nothing
    written, to a user without the right (through ``sudo()`` too); states
    never written directly; no context key grants anything; routing and
    seed numbers are data."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.admin = cls.env.ref("base.user_admin")
        Carrier = cls.env["office.secret.carrier"].with_user(cls.officer_clerk)
        cls.carrier = Carrier.create(
            {
                "name": "秘密测算表",
                "secrecy_level": "secret",
                "custodian_id": cls.drafter.id,
                "department_id": cls.dep_budget.id,
                "location": "预算科保密柜",
            }
        )
        cls.person = (
            cls.env["office.secrecy.person"]
            .with_user(cls.officer_clerk)
            .create(
                {
                    "user_id": cls.staff.id,
                    "secrecy_class": "general",
                    "post": "资料员",
                    "on_post_commitment": SCAN,
                    "on_post_signed": "2026-01-05",
                }
            )
        )
        cls.incident = (
            cls.env["office.secrecy.incident"]
            .with_user(cls.staff)
            .create(
                {
                    "name": "文件遗失",
                    "description": "会议室遗留文件",
                    "exposed": "秘密级文件1份",
                    "emergency_actions": "立即收回",
                }
            )
        )

    def _request(self, operation="copy", user=None, carriers=None, **vals):
        user = user or self.drafter
        return (
            self.env["office.secret.carrier.request"]
            .with_user(user)
            .create(
                {
                    "operation": operation,
                    "carrier_ids": [(6, 0, (carriers or self.carrier).ids)],
                    "purpose": "测试",
                    **vals,
                }
            )
        )

    def _assert_refused(self, record, user, method, state, *args):
        """`method` refused to `user`, directly and through sudo(); the
        record keeps its state."""
        for env_record in (record.with_user(user), record.with_user(user).sudo()):
            with self.assertRaises(UserError):
                getattr(env_record, method)(*args)
            record.invalidate_recordset()
            self.assertEqual(record.state, state)

    # ------------------------------------------------------------------
    # (a) each step for the right people only
    # ------------------------------------------------------------------

    def test_register_steps_are_the_secrecy_office_s(self):
        self._assert_refused(self.person, self.dept_head, "action_start_post", "draft")
        self.assertEqual(self.staff.office_clearance, "none", "nothing granted")
        self._assert_refused(self.person, self.staff, "action_cancel", "draft")
        self._assert_refused(self.incident, self.staff, "action_contain", "reported")
        self.assertFalse(self.incident.contained_at)
        self._assert_refused(self.incident, self.staff, "action_cancel", "reported")
        self._assert_refused(
            self.carrier, self.drafter, "action_report_lost", "in_custody"
        )
        self.assertFalse(
            self.env["office.secrecy.incident"].search(
                [("carrier_ids", "in", self.carrier.ids)]
            ),
            "no incident opened",
        )
        training = (
            self.env["office.secrecy.training"]
            .with_user(self.officer_clerk)
            .create({"name": "保密培训", "date": "2026-12-01"})
        )
        self._assert_refused(training, self.staff, "action_cancel", "planned")
        inspection = (
            self.env["office.secrecy.inspection"]
            .with_user(self.officer_clerk)
            .create({"name": "保密检查"})
        )
        self._assert_refused(inspection, self.staff, "action_start", "draft")

    def test_movement_confirmed_by_the_secrecy_office_only(self):
        movement = (
            self.env["office.secret.carrier.movement"]
            .with_user(self.officer_clerk)
            .create(
                {
                    "kind": "dispatch",
                    "carrier_ids": [(6, 0, self.carrier.ids)],
                    "count": 1,
                    "counterpart": "市政府办",
                    "signed_by": "张三",
                }
            )
        )
        self._assert_refused(movement, self.drafter, "action_confirm", "draft")
        self.assertEqual(self.carrier.state, "in_custody")
        movement.action_confirm()
        self.assertEqual(self.carrier.state, "dispatched")

    def test_carriers_move_only_through_an_approved_request(self):
        request = self._request(
            "carry_out", destination="省厅", date_return="2026-12-01"
        )
        # another staff member cannot act on the drafter's request
        request_other = request.with_user(self.staff)
        with self.assertRaises(UserError):
            request_other.sudo().action_submit()
        self.assertEqual(request.state, "draft")
        request.action_submit()
        self._approve(request, self.officer_clerk)
        self.assertEqual(request.state, "approved")
        self._assert_refused(request, self.staff, "action_execute", "approved")
        self.assertEqual(self.carrier.state, "in_custody", "nothing carried out")
        # the carrier's own steps are not reachable without the request
        with self.assertRaises(UserError):
            self.carrier.with_user(self.officer_clerk)._workflow_run("carry_out")
        with self.assertRaises(UserError):
            self.carrier._workflow_run("carry_out", request=self._request("copy"))
        self.assertEqual(self.carrier.state, "in_custody")
        request.action_execute()
        self.assertEqual(self.carrier.state, "out")
        self._assert_refused(request, self.staff, "action_return", "in_progress")
        request.action_return()
        self.assertEqual((request.state, self.carrier.state), ("done", "in_custody"))

    def test_destruction_list_is_printed_from_the_approved_request(self):
        request = self._request("destroy", user=self.officer_clerk, facility="销毁中心")
        with self.assertRaises(UserError):
            request.action_print_destruction_list()  # not approved
        self.assertFalse(request.destruction_list_id)
        request.action_submit()
        self._approve(request, self.officer_clerk)
        self._approve(request, self.principal)
        self._assert_refused(
            request, self.staff, "action_print_destruction_list", "approved"
        )
        self.assertFalse(request.destruction_list_id)
        # nobody attaches a list of their own
        attachment = self.env["ir.attachment"].create({"name": "伪造清单.pdf"})
        with self.assertRaises(UserError):
            request.write({"destruction_list_id": attachment.id})

    def test_classification_steps_for_the_proposer_and_the_officer(self):
        doc = self.Document.with_user(self.drafter).create(
            {"name": "机密草案", "secrecy_level": "confidential"}
        )
        decision = self._decisions(doc)
        self.assertEqual(decision.state, "to_approve")
        self._assert_refused(decision, self.staff, "action_cancel", "to_approve")
        # the approval comes from the reviews only
        for user in (self.drafter, self.officer_clerk):
            with self.assertRaises(UserError):
                decision.with_user(user).sudo()._workflow_run("approve")
        self.assertEqual(decision.state, "to_approve")
        self.assertFalse(decision.is_current)
        self._approve(decision, self.principal)
        self.assertEqual(decision.state, "approved")

    def test_trip_briefing_by_the_secrecy_office_only(self):
        self.person.action_start_post()
        trip = (
            self.env["office.secrecy.trip"]
            .with_user(self.staff)
            .create(
                {
                    "person_id": self.person.id,
                    "destination": "新加坡",
                    "purpose": "培训",
                    "date_from": "2026-12-07",
                    "date_to": "2026-12-14",
                    "briefing_note": "不得携带涉密载体出境",
                }
            )
        )
        trip.action_submit()
        self._approve(trip, self.principal)
        self._assert_refused(trip, self.staff, "action_record_briefing", "approved")
        self.assertFalse(trip.briefing_date)
        with self.assertRaises(UserError):
            trip.with_user(self.staff).write({"briefing_date": "2026-12-01"})
        trip.with_user(self.officer_clerk).action_record_briefing()
        self.assertEqual(trip.briefing_date, date(2026, 11, 18))
        self.assertEqual(trip.briefing_by_id, self.officer_clerk)

    def test_finding_rectified_by_its_responsible(self):
        inspection = (
            self.env["office.secrecy.inspection"]
            .with_user(self.officer_clerk)
            .create(
                {
                    "name": "保密检查",
                    "finding_ids": [
                        (
                            0,
                            0,
                            {
                                "name": "U盘未登记",
                                "notice": "建立登记簿",
                                "responsible_id": self.drafter.id,
                                "deadline": "2026-12-15",
                            },
                        )
                    ],
                }
            )
        )
        finding = inspection.finding_ids
        self._assert_refused(finding, self.drafter, "action_notice", "draft")
        finding.with_user(self.officer_clerk).action_notice()
        activity = finding.sudo().activity_ids
        self.assertEqual(activity.user_id, self.drafter)
        self.assertEqual(activity.date_deadline, date(2026, 12, 15))
        finding.with_user(self.drafter).rectification = "已建立"
        self._assert_refused(finding, self.staff, "action_rectified", "noticed")
        finding.with_user(self.drafter).action_rectified()
        self.assertEqual(finding.state, "rectified")
        self.assertFalse(finding.sudo().activity_ids)

    # ------------------------------------------------------------------
    # (b) no direct write of a state
    # ------------------------------------------------------------------

    def test_state_is_never_written_directly(self):
        doc = self.Document.with_user(self.drafter).create(
            {"name": "秘密草案", "secrecy_level": "secret"}
        )
        records = {
            self.person: "on_post",
            self.incident: "closed",
            self.carrier: "destroyed",
            self._request(): "approved",
            self._decisions(doc): "approved",
        }
        for record, state in records.items():
            before = record.state
            for env_record in (record.with_user(self.admin), record.sudo()):
                with self.assertRaises(UserError):
                    env_record.write({"state": state})
            record.invalidate_recordset()
            self.assertEqual(record.state, before)
        with self.assertRaises(UserError):
            self.env["office.secrecy.person"].sudo().create(
                {"user_id": self.dept_head.id, "post": "机要员", "state": "on_post"}
            )

    # ------------------------------------------------------------------
    # (c) context keys grant nothing
    # ------------------------------------------------------------------

    def test_decision_context_key_grants_nothing(self):
        doc = self.Document.with_user(self.drafter).create(
            {"name": "机密草案", "secrecy_level": "confidential"}
        )
        self._approve(self._decisions(doc), self.principal)
        forged = {"office_classification_decision": True}
        for env_doc in (
            doc.with_user(self.drafter).with_context(**forged),
            doc.with_user(self.drafter).with_context(**forged).sudo(),
            doc.with_user(self.admin).with_context(**forged),
            doc.sudo().with_context(**forged),
        ):
            with self.assertRaises(UserError):
                env_doc.write({"secrecy_level": "none"})
        doc.invalidate_recordset()
        self.assertEqual(doc.secrecy_level, "confidential")
        # nor are the register columns of a decision written by hand
        decision = self._decisions(doc)
        for vals in ({"is_current": False}, {"expiry_date": "2026-01-01"}):
            with self.assertRaises(UserError):
                decision.with_user(self.drafter).write(vals)
            with self.assertRaises(UserError):
                decision.sudo().write(vals)
        self.assertTrue(decision.is_current)
        with self.assertRaises(UserError):
            self.env["office.classification.decision"].with_user(self.drafter).create(
                {
                    "kind": "classify",
                    "res_model": doc._name,
                    "res_id": doc.id,
                    "secrecy_level": "secret",
                    "is_initial": True,
                }
            )

    # ------------------------------------------------------------------
    # Routing and seed numbers are data
    # ------------------------------------------------------------------

    def test_editing_a_definition_routes_the_next_request(self):
        first = self._request()
        first.action_submit()
        self._approve(first, self.officer_clerk)
        self.assertEqual(first.state, "approved", "秘密 copy: the secrecy office only")
        self.env.ref("office_secrecy.tier_definition_carrier_principal").write(
            {"definition_domain": "[]"}
        )
        second = self._request()
        second.action_submit()
        self._approve(second, self.officer_clerk)
        self.assertEqual(second.state, "to_approve", "now the principal leader too")
        self.assertIn(self.principal, self._pending_review(second).reviewer_ids)
        self._approve(second, self.principal)
        self.assertEqual(second.state, "approved")

    def test_rectification_days_and_copies_come_from_the_company(self):
        self.env.company.office_secrecy_rectification_days = 10
        office = self.incident.with_user(self.officer_clerk)
        office.action_contain()
        office.write({"loss_assessment": "未扩散", "severity": "general"})
        office.action_assess()
        self.assertEqual(self.incident.rectification_deadline, date(2026, 11, 28))
        self.env.company.office_secrecy_max_copies = 3
        with self.assertRaises(UserError):
            self._request(copies=4)
        self.assertEqual(self._request(copies=3).copies, 3)
