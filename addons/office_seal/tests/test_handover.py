from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import OfficeSealCase


@tagged("post_install", "-at_install")
class TestSealHandover(OfficeSealCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.new_keeper = cls._user("seal_new_keeper", "office_seal.group_seal_keeper")

    def _handover(self, user=None, submit=True, **vals):
        handover = (
            self.env["office.seal.handover"]
            .with_user(user or self.keeper)
            .create(
                {
                    "seal_id": self.seal.id,
                    "to_user_id": self.new_keeper.id,
                    "reason": "工作调整",
                    **vals,
                }
            )
        )
        if submit:
            handover.action_submit()
        return handover

    def test_transfer_after_the_principal_leaders_approval(self):
        handover = self._handover()
        self.assertEqual(handover.from_user_id, self.keeper)
        review = self._pending_review(handover)
        for intruder in (self.deputy, self.director, self.keeper):
            with self.assertRaises(AccessError):
                review.with_user(intruder).action_office_approve()
        self.assertEqual(self.seal.custodian_id, self.keeper)
        review.with_user(self.principal).action_office_approve()
        self.assertEqual(handover.state, "done")
        self.assertEqual(self.seal.custodian_id, self.new_keeper)
        entry = handover.sudo().ledger_ids
        self.assertRecordValues(
            entry,
            [
                {
                    "sequence": 1,
                    "kind": "transfer",
                    "from_user_id": self.keeper.id,
                    "to_user_id": self.new_keeper.id,
                    "reason": "工作调整",
                }
            ],
        )
        self.assertEqual(entry.approver_ids, self.principal)
        self.assertTrue(self.seal.verify_chain()["ok"])
        # the former custodian no longer stamps with it
        request = self._approved_request()
        with self.assertRaises(AccessError):
            request.with_user(self.keeper).stamp(1)
        request.with_user(self.new_keeper).stamp(1)

    def test_temporary_custody_and_its_end(self):
        today = fields.Date.context_today(self.env.user)
        handover = self._handover(
            kind="temporary", date_end=today + timedelta(days=5), submit=False
        )
        handover.date_end = False
        with self.assertRaises(UserError):
            handover.action_submit()
        handover.date_end = today + timedelta(days=5)
        handover.action_submit()
        self._approve(handover, self.principal)
        self.assertEqual(handover.state, "approved")
        self.assertEqual(self.seal.custodian_id, self.new_keeper)
        with self.assertRaises(AccessError):
            handover.with_user(self.other_keeper).action_end()
        handover.with_user(self.new_keeper).action_end()
        self.assertEqual(handover.state, "done")
        self.assertEqual(self.seal.custodian_id, self.keeper)
        kinds = handover.sudo().ledger_ids.sorted("sequence").mapped("kind")
        self.assertEqual(kinds, ["temporary", "return"])
        self.assertTrue(self.seal.verify_chain()["ok"])

    def test_late_temporary_custody_is_reminded_once(self):
        today = fields.Date.context_today(self.env.user)
        handover = self._handover(
            kind="temporary",
            date_from=today - timedelta(days=10),
            date_end=today - timedelta(days=1),
        )
        self._approve(handover, self.principal)
        Handover = self.env["office.seal.handover"]
        Handover._cron_remind_custody_end()
        Handover._cron_remind_custody_end()
        activity_type = self.env.ref("office_seal.mail_act_office_seal_custody_end")
        activities = handover.sudo().activity_ids.filtered(
            lambda a: a.activity_type_id == activity_type
        )
        self.assertEqual(activities.user_id, self.new_keeper)

    def test_only_the_custodian_or_the_director_asks(self):
        handover = self._handover(user=self.keeper2, submit=False)
        with self.assertRaises(AccessError):
            handover.action_submit()
        self._handover(user=self.director)

    def test_custodian_changes_only_by_a_handover(self):
        with self.assertRaises(UserError):
            self.seal.with_user(self.director).write(
                {"custodian_id": self.new_keeper.id}
            )
        with self.assertRaises(UserError):
            self.seal.write({"custodian_id": self.new_keeper.id})
        self.assertEqual(self.seal.custodian_id, self.keeper)

    def test_receiver_must_be_a_keeper(self):
        handover = self._handover(to_user_id=self.staff.id, submit=False)
        with self.assertRaises(UserError):
            handover.action_submit()

    def test_handover_ledger_is_append_only(self):
        handover = self._approve(self._handover(), self.principal)
        entry = handover.sudo().ledger_ids
        admin = self.env.ref("base.user_admin")
        with self.assertRaises(AccessError):
            entry.with_user(admin).write({"reason": "改写"})
        with self.assertRaises(AccessError):
            entry.sudo().unlink()
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE office_seal_handover_ledger SET reason = '改写' WHERE id = %s",
            [entry.id],
        )
        broken = self.seal.verify_chain()["broken"]
        self.assertEqual(broken[0]["model"], "office.seal.handover.ledger")
        self.assertEqual(broken[0]["entry_id"], entry.id)
