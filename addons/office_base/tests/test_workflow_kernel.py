from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import OfficeBaseCase


@tagged("post_install", "-at_install")
class TestWorkflowKernel(OfficeBaseCase):
    """office.workflow.mixin on a test request: states change only through
    declared transitions, checked for the acting user, superuser or not."""

    def _request(self, user=None, **values):
        user = user or self.staff
        return self.Workflow.with_user(user).create(
            {"name": "差旅申请", "amount": 100, **values}
        )

    def test_a_transition_moves_the_state_for_a_user_allowed(self):
        request = self._request()
        request.action_submit()
        self.assertEqual(request.state, "submitted")
        request.with_user(self.director).action_approve()
        self.assertEqual(request.state, "approved")
        self.assertEqual(request.note, "approved", "_do_approve wrote with the state")

    def test_the_check_runs_for_the_acting_user_even_as_superuser(self):
        request = self._request()
        with self.assertRaises(UserError):
            request.with_user(self.clerk).action_submit()
        request.action_submit()
        with self.assertRaises(AccessError):
            request.with_user(self.staff).action_approve()
        with self.assertRaises(AccessError):
            request.with_user(self.staff).sudo().action_approve()
        self.assertEqual(request.state, "submitted")

    def test_an_owner_verb_is_for_the_owner_or_the_owner_groups(self):
        request = self._request()
        with self.assertRaisesRegex(AccessError, "只有|Only the"):
            request.with_user(self.clerk).action_cancel(reason="不去了")
        with self.assertRaises(AccessError):
            request.with_user(self.clerk).sudo().action_cancel(reason="不去了")
        self.assertEqual(request.state, "draft")
        request.with_user(self.director).action_cancel(reason="行程取消")
        self.assertEqual(request.state, "cancel")

    def test_every_owner_rule_names_a_field_of_its_model(self):
        for name in self.env.registry:
            model = self.env[name]
            transitions = getattr(model, "_workflow_transitions", None)
            if model._abstract or not transitions:
                continue
            owned = [verb for verb, spec in transitions.items() if spec.get("owner")]
            if owned:
                with self.subTest(model=name):
                    self.assertIn(model._workflow_owner_field, model._fields, owned)

    def test_a_verb_from_the_wrong_state_is_refused(self):
        request = self._request()
        with self.assertRaisesRegex(UserError, "草稿|Draft"):
            request.with_user(self.director).action_approve()
        self.assertEqual(request.state, "draft")

    def test_nobody_writes_the_state_directly_not_even_superuser(self):
        request = self._request()
        for env_request in (
            request,
            request.with_user(self.director),
            request.sudo(),
            request.with_context(
                office_tier_decision=True, office_docs_workflow=True
            ).sudo(),
        ):
            with self.assertRaises(UserError):
                env_request.write({"state": "approved"})
        with self.assertRaises(UserError):
            self.Workflow.sudo().create({"name": "直接批准", "state": "approved"})
        self.assertEqual(request.state, "draft")

    def test_locked_fields_are_editable_in_draft_only(self):
        request = self._request()
        request.write({"amount": 200, "note": "改"})
        request.action_submit()
        with self.assertRaises(UserError):
            request.write({"amount": 300})
        with self.assertRaises(UserError):
            request.sudo().write({"name": "改名"})
        request.write({"note": "备注仍可改"})
        self.assertEqual(request.amount, 200)

    def test_a_verb_with_a_reason_asks_for_it_and_posts_it(self):
        request = self._request()
        action = request.action_cancel()
        self.assertEqual(action["res_model"], "office.reason.wizard")
        self.assertEqual(request.state, "draft")
        wizard = (
            self.env["office.reason.wizard"]
            .with_user(self.staff)
            .with_context(**action["context"])
            .create({"reason": "行程取消"})
        )
        wizard.action_confirm()
        self.assertEqual(request.state, "cancel")
        self.assertIn("行程取消", request.message_ids[:1].body)

    def test_the_reason_wizard_runs_only_declared_reason_verbs(self):
        request = self._request()
        Wizard = self.env["office.reason.wizard"].with_user(self.staff)
        for values in (
            {"res_model": "office.test.workflow", "verb": "submit"},
            {"res_model": "res.partner", "verb": "cancel"},
        ):
            wizard = Wizard.create({"res_id": request.id, "reason": "x", **values})
            with self.assertRaises(UserError):
                wizard.action_confirm()
        self.assertEqual(request.state, "draft")

    def test_only_draft_or_cancelled_requests_are_deleted(self):
        request = self._request()
        request.action_submit()
        with self.assertRaises(UserError):
            request.sudo().unlink()
        request.action_cancel(reason="不需要了")
        request.unlink()
        self.assertFalse(request.exists())

    def test_each_state_gives_its_activity_and_takes_it_back(self):
        request = self._request()
        request.action_submit()
        activity = request.activity_ids.filtered(lambda a: a.user_id == self.director)
        self.assertEqual(len(activity), 1)
        request.activity_update()
        self.assertEqual(
            len(request.activity_ids.filtered(lambda a: a.user_id == self.director)),
            1,
            "activity_update is idempotent",
        )
        request.with_user(self.director).action_approve()
        self.assertFalse(request.activity_ids)

    @freeze_time("2026-11-18 02:00:00")
    def test_the_reminder_helper_is_set_based_and_idempotent(self):
        late = self._request(due="2026-11-10")
        on_time = self._request(due="2026-12-10")
        domain = [("due", "<", "2026-11-18"), ("id", "in", (late | on_time).ids)]
        for _run in range(2):
            reminded = self.Workflow._office_remind(
                domain, "mail.mail_activity_data_warning", "requester_id", "due"
            )
        self.assertEqual(reminded, late)
        warning = late.activity_ids
        self.assertEqual(len(warning), 1)
        self.assertEqual(
            (warning.user_id, str(warning.date_deadline)), (self.staff, "2026-11-10")
        )
        self.assertFalse(on_time.activity_ids)
