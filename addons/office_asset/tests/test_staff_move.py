from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import OfficeAssetCase


@tagged("post_install", "-at_install")
class TestStaffMove(OfficeAssetCase):
    def _move(self, user):
        move = (
            self.env["office.staff.move"]
            .with_user(self.manager)
            .create({"employee_id": user.employee_id.id, "kind": "transfer"})
        )
        move.with_user(self.manager).action_start()
        return move

    def test_cannot_be_marked_moved_while_holding_an_asset(self):
        asset = self._asset(holder=self.staff)
        move = self._move(self.staff)
        self.assertEqual(move.held_count, 1)
        with self.assertRaises(UserError):
            move.with_user(self.manager).action_done()
        self.assertEqual(move.state, "handover")
        asset.with_user(self.manager).assign(False, "交回")
        move.with_user(self.manager).action_done()
        self.assertEqual(move.state, "done")

    def test_cannot_be_marked_moved_while_holding_a_secret_copy(self):
        self.manager.office_clearance = "important"
        job = (
            self.env["office.print.job"]
            .with_user(self.manager)
            .create(
                {
                    "title": "涉密材料",
                    "pages": 2,
                    "copies": 1,
                    "secrecy_level": "secret",
                    "need_to_know_user_ids": [(6, 0, self.manager.ids)],
                }
            )
        )
        job.with_user(self.manager).action_submit()
        job.with_user(self.manager).action_print()
        job.copy_ids.with_user(self.manager).recipient_id = self.staff
        move = self._move(self.staff)
        held = move.line_ids.filtered("held_count")
        self.assertEqual(
            held.source_id, self.env.ref("office_asset.handover_source_print_copy")
        )
        job.copy_ids.with_user(self.manager).action_recall()
        move.with_user(self.manager).action_done()

    def test_keepers_hand_over_too_and_absent_addons_are_skipped(self):
        self._asset()
        move = self._move(self.staff2)
        self.assertEqual(move.held_count, 1, "the keeper of the department's assets")
        sources = move.line_ids.source_id
        for model in ("office.seal", "office.archive.loan", "office.secret.carrier"):
            source = self.env["office.handover.source"].search(
                [("model_name", "=", model)]
            )
            self.assertTrue(source, "the checklist knows the other addons")
            self.assertEqual(source <= sources, model in self.env)

    def test_departure_wizard_is_refused_while_assets_are_held(self):
        self._asset(holder=self.staff)
        wizard = self.env["hr.departure.wizard"].create(
            {"employee_id": self.staff.employee_id.id}
        )
        with self.assertRaises(UserError):
            wizard.action_register_departure()

    def test_a_move_is_cancelled_with_a_reason(self):
        move = self._move(self.staff)
        action = move.with_user(self.manager).action_cancel()
        self.assertEqual(action["res_model"], "office.reason.wizard")
        self.assertEqual(move.state, "handover")
        wizard = (
            self.env["office.reason.wizard"]
            .with_user(self.manager)
            .with_context(**action["context"])
            .create({"reason": "调动取消"})
        )
        wizard.action_confirm()
        self.assertEqual(move.state, "cancel")
        self.assertIn("调动取消", move.message_ids[:1].body)
