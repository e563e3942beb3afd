from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import OfficeSealCase

# AccessError is a UserError
REFUSED = UserError


@tagged("post_install", "-at_install")
class TestSealWorkflow(OfficeSealCase):
    """The workflow kernel in office_seal: every state change is a declared
    transition checked for the acting user (superuser or not), no state is
    written directly, no context key lets a guarded write through, and the
    approvers come from the tier definitions only."""

    def _refused(self, record, method, *args, state=None):
        """`method` is refused to the record's user, also through sudo(),
        and nothing is written."""
        state = state or record.sudo().state
        for variant in (record, record.sudo()):
            with self.assertRaises(REFUSED):
                getattr(variant, method)(*args)
            self.assertEqual(record.sudo().state, state)

    def test_transitions_refused_without_the_right(self):
        # seal states: the office director only
        self._refused(self.seal.with_user(self.keeper), "change_state", "suspend", "x")
        self._refused(self.seal.with_user(self.keeper), "action_suspend")
        # use requests: the applicant submits, cancels; a keeper of the seal
        # stamps or refuses to stamp
        draft = self._request(submit=False)
        self._refused(draft.with_user(self.staff2), "action_submit")
        request = self._approved_request()
        self._refused(request.with_user(self.staff2), "action_cancel")
        self._refused(request.with_user(self.other_keeper), "stamp", 1, [self.seal.id])
        self._refused(request.with_user(self.other_keeper), "keeper_refuse", "不清楚")
        self._refused(request.with_user(self.staff), "stamp", 1, [self.seal.id])
        self.assertFalse(request.sudo().ledger_ids)
        # reviewers' transitions cannot be run by hand
        with self.assertRaises(REFUSED):
            request.sudo()._workflow_run("refuse")
        self.assertEqual(request.state, "approved")

    def test_takeout_handover_loan_refused_without_the_right(self):
        now = fields.Datetime.now()
        takeout = (
            self.env["office.seal.takeout"]
            .with_user(self.staff)
            .create(
                {
                    "seal_id": self.seal.id,
                    "companion_ids": [(6, 0, (self.staff | self.staff2).ids)],
                    "purpose": "办理业务",
                    "date_out": now,
                    "expected_return": now + timedelta(hours=2),
                }
            )
        )
        takeout.action_submit()
        self._approve(takeout, self.principal)
        self._refused(takeout.with_user(self.staff), "action_hand_out")
        self.assertEqual(self.seal.state, "active")
        handover = (
            self.env["office.seal.handover"]
            .with_user(self.keeper)
            .create(
                {
                    "seal_id": self.seal.id,
                    "to_user_id": self.other_keeper.id,
                    "reason": "调整",
                }
            )
        )
        # the deputy custodian sees it but does not ask for it
        self._refused(handover.with_user(self.keeper2), "action_submit")
        self.assertEqual(self.seal.custodian_id, self.keeper)
        licence = self.env["office.licence"].create(
            {"name": "测试证照", "custodian_id": self.keeper.id}
        )
        loan = (
            self.env["office.licence.loan"]
            .with_user(self.staff)
            .create(
                {
                    "licence_id": licence.id,
                    "purpose": "投标",
                    "date_out": now,
                    "expected_return": now + timedelta(days=1),
                }
            )
        )
        loan.action_submit()
        self._approve(loan, self.director)
        self._refused(loan.with_user(self.staff), "action_hand_out")
        self.assertFalse(licence.is_out)

    def test_states_are_never_written_directly(self):
        request = self._request()
        admin = self.env.ref("base.user_admin")
        for record in (
            request.with_user(admin),
            request.sudo(),
            self.seal.with_user(admin),
            self.seal.sudo(),
        ):
            with self.assertRaises(UserError):
                record.write({"state": "done" if record == request else "lost"})
        self.assertEqual(request.state, "to_approve")
        self.assertEqual(self.seal.state, "active")
        with self.assertRaises(UserError):
            self.env["office.seal"].sudo().create(
                {
                    "name": "伪造的章",
                    "custodian_id": self.keeper.id,
                    "state": "destroyed",
                }
            )
        with self.assertRaises(UserError):
            self.env["office.seal.use.request"].sudo().create(
                {
                    "seal_ids": [(6, 0, self.seal.ids)],
                    "use_category": "cat1",
                    "summary": "直接批准",
                    "state": "approved",
                }
            )

    def test_old_context_keys_change_nothing(self):
        keys = {
            "office_seal_state_change": True,
            "office_seal_handover": True,
            "office_licence_loan": True,
            "office_seal_ledger_append": True,
        }
        licence = self.env["office.licence"].create(
            {"name": "测试证照", "custodian_id": self.keeper.id}
        )
        for user in (self.staff, self.director, self.keeper):
            seal = self.seal.with_user(user).with_context(**keys)
            with self.assertRaises(REFUSED):
                seal.write({"state": "lost"})
            with self.assertRaises(REFUSED):
                seal.write({"custodian_id": self.keeper2.id})
            with self.assertRaises(REFUSED):
                seal.sudo().write({"custodian_id": self.keeper2.id})
            loan_licence = licence.with_user(user).with_context(**keys)
            with self.assertRaises(REFUSED):
                loan_licence.write({"current_loan_id": False})
        self.assertEqual(self.seal.state, "active")
        self.assertEqual(self.seal.custodian_id, self.keeper)

    def test_category_2_routing_follows_the_tier_definition(self):
        # an admin routes category ② to the principal leader instead of the
        # leader in charge named on the request
        definition = self.env.ref("office_seal.tier_definition_use_request_leader")
        definition.write(
            {
                "review_type": "group",
                "reviewer_group_id": self.env.ref(
                    "office_base.group_office_principal"
                ).id,
            }
        )
        request = self._request(use_category="cat2")
        self.assertEqual(request.state, "to_approve")
        self.assertIn(self.principal, self._pending_review(request).reviewer_ids)
        self.assertNotIn(self.deputy, self._pending_review(request).reviewer_ids)
        self._approve(request, self.principal)
        self.assertEqual(request.state, "approved")

    def test_expiring_days_are_a_company_setting(self):
        today = self.env["office.calendar"].today()
        licence = self.env["office.licence"].create(
            {
                "name": "测试证照",
                "custodian_id": self.keeper.id,
                "expiry_date": today + timedelta(days=20),
            }
        )
        self.assertEqual(licence.state, "expiring")
        self.env.company.office_licence_expiring_days = 10
        licence.invalidate_recordset(["state"])
        self.assertEqual(licence.state, "valid")
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(settings.office_licence_expiring_days, 10)
        self.assertEqual(settings.office_seal_key_expiring_days, 30)
