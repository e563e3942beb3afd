from datetime import timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import OfficeSealCase


@tagged("post_install", "-at_install")
class TestElectronicKey(OfficeSealCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = fields.Date.context_today(cls.env.user)
        cls.eseal = cls.env["office.seal"].create(
            {
                "name": "测试局电子公章",
                "kind": "electronic",
                "custodian_id": cls.keeper.id,
                "deputy_custodian_id": cls.keeper2.id,
            }
        )
        cls.key = cls.env["office.seal.key"].create(
            {
                "name": "电子公章UKey",
                "kind": "electronic_seal",
                "seal_id": cls.eseal.id,
                "holder_id": cls.keeper.id,
                "allowed_user_ids": [(6, 0, cls.staff.ids)],
                "certificate_number": "TEST-CA-1",
                "valid_to": cls.today + timedelta(days=200),
            }
        )

    def test_only_the_holder_and_allowed_users(self):
        self.key.with_user(self.keeper).use("网上申报")
        self.key.with_user(self.staff).use("电子签章")
        for intruder in (self.staff2, self.keeper2, self.director):
            with self.assertRaises(AccessError):
                self.key.with_user(intruder).use("越权使用")
        uses = self.key.sudo().use_ids
        self.assertEqual(uses.user_id, self.keeper | self.staff)
        self.assertEqual(self.key.use_count, 2)
        # the log cannot be rewritten
        with self.assertRaises(AccessError):
            uses.sudo().write({"purpose": "x"})
        with self.assertRaises(AccessError):
            self.env["office.seal.key.use"].with_user(self.keeper).create(
                {"key_id": self.key.id, "user_id": self.keeper.id, "purpose": "x"}
            )

    def test_expired_certificate_refused(self):
        self.key.valid_to = self.today - timedelta(days=1)
        self.assertEqual(self.key.state, "expired")
        with self.assertRaisesRegex(UserError, "not valid"):
            self.key.with_user(self.keeper).use("网上申报")
        self.assertFalse(self.key.sudo().use_ids)

    def test_stamping_an_electronic_seal(self):
        request = self._request(seal_ids=[(6, 0, self.eseal.ids)])
        self._approve(request, self.principal)
        # the deputy custodian keeps the seal but is not allowed on its key
        with self.assertRaisesRegex(AccessError, "not allowed"):
            request.with_user(self.keeper2).stamp(1)
        request.with_user(self.keeper).stamp(1)
        self.assertEqual(request.state, "done")
        self.assertEqual(self.key.sudo().use_ids.request_id, request)

    def test_expiry_reminders(self):
        self.key.valid_to = self.today + timedelta(days=40)
        activity_type = self.env.ref("office_seal.mail_act_office_seal_key_expiry")

        def reminders():
            return self.key.activity_ids.filtered(
                lambda a: a.activity_type_id == activity_type
            )

        Key = self.env["office.seal.key"]
        Key._cron_remind_expiry()
        self.assertFalse(reminders())
        with freeze_time(self.today + timedelta(days=11)):
            Key._cron_remind_expiry()
            Key._cron_remind_expiry()
        self.assertEqual(len(reminders()), 1)
        self.assertEqual(reminders().user_id, self.keeper)
        # the second reminder comes once the first one is done
        reminders().action_feedback("已申请续期")
        with freeze_time(self.today + timedelta(days=34)):
            Key._cron_remind_expiry()
            Key._cron_remind_expiry()
        self.assertEqual(len(reminders()), 1)
        self.assertEqual(self.key.expiry_reminder, "7")

    def test_keys_are_seen_by_their_users_only(self):
        Key = self.env["office.seal.key"]
        self.assertEqual(Key.with_user(self.keeper).search([]), self.key)
        # an allowed user who is no seal keeper reads the key and its uses
        self.assertEqual(Key.with_user(self.staff).search([]), self.key)
        self.assertFalse(Key.with_user(self.staff2).search([]))
        self.assertFalse(Key.with_user(self.other_keeper).search([]))
        with self.assertRaises(AccessError):
            self.key.with_user(self.keeper).write({"holder_id": self.keeper2.id})
