from datetime import timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import OfficeSealCase


@tagged("post_install", "-at_install")
class TestLicence(OfficeSealCase):
    def _licence(self, **vals):
        return (
            self.env["office.licence"]
            .with_user(self.keeper)
            .create(
                {
                    "name": "统一社会信用代码证书",
                    "kind": "credit_code",
                    "number": "TEST-11430900000000001",
                    "custodian_id": self.keeper.id,
                    **vals,
                }
            )
        )

    def _reminders(self, licence):
        activity_type = self.env.ref("office_seal.mail_act_office_licence_expiry")
        return licence.sudo().activity_ids.filtered(
            lambda a: a.activity_type_id == activity_type
        )

    def test_state_follows_the_dates(self):
        today = fields.Date.context_today(self.env.user)
        valid = self._licence(number="A1", expiry_date=today + timedelta(days=90))
        expiring = self._licence(number="A2", expiry_date=today + timedelta(days=20))
        inspection_soon = self._licence(
            number="A3",
            expiry_date=today + timedelta(days=900),
            inspection_date=today + timedelta(days=5),
        )
        expired = self._licence(number="A4", expiry_date=today - timedelta(days=1))
        uninspected = self._licence(
            number="A5", inspection_date=today - timedelta(days=3)
        )
        no_dates = self._licence(number="A6")
        self.assertEqual(
            [
                r.state
                for r in (
                    valid,
                    expiring,
                    inspection_soon,
                    expired,
                    uninspected,
                    no_dates,
                )
            ],
            ["valid", "expiring", "expiring", "expired", "expired", "valid"],
        )
        Licence = self.env["office.licence"]
        mine = [("custodian_id", "=", self.keeper.id)]
        self.assertEqual(
            Licence.search(mine + [("state", "=", "expiring")]),
            expiring | inspection_soon,
        )
        self.assertEqual(
            Licence.search(mine + [("state", "=", "expired")]), expired | uninspected
        )
        self.assertEqual(
            Licence.search(mine + [("state", "=", "valid")]), valid | no_dates
        )
        self.assertEqual(
            Licence.search(mine + [("state", "!=", "valid")]),
            expiring | inspection_soon | expired | uninspected,
        )

    def test_cron_reminds_the_custodian_7_days_before_expiry(self):
        today = fields.Date.context_today(self.env.user)
        licence = self._licence(
            custodian_id=self.keeper2.id, expiry_date=today + timedelta(days=7)
        )
        far = self._licence(number="B2", expiry_date=today + timedelta(days=60))
        Licence = self.env["office.licence"]
        Licence._cron_remind_expiry()
        reminders = self._reminders(licence)
        self.assertEqual(len(reminders), 1)
        self.assertEqual(reminders.user_id, self.keeper2)
        self.assertEqual(reminders.date_deadline, licence.expiry_date)
        self.assertFalse(self._reminders(far))
        # idempotent: no second activity for the same licence, user and date
        Licence._cron_remind_expiry()
        self.assertEqual(self._reminders(licence), reminders)
        # done: not sent again for the same date
        reminders.action_feedback("已启动换证")
        Licence._cron_remind_expiry()
        self.assertFalse(self._reminders(licence))

    def test_30_then_7_days_before(self):
        today = fields.Date.context_today(self.env.user)
        expiry = today + timedelta(days=30)
        licence = self._licence(expiry_date=expiry)
        Licence = self.env["office.licence"]
        Licence._cron_remind_expiry()
        first = self._reminders(licence)
        self.assertEqual(len(first), 1)
        self.assertEqual(licence.expiry_reminder, "30")
        with freeze_time(today + timedelta(days=10)):
            Licence._cron_remind_expiry()
            self.assertEqual(self._reminders(licence), first)
        first.action_feedback("已提交换证申请")
        with freeze_time(today + timedelta(days=23)):
            Licence._cron_remind_expiry()
            second = self._reminders(licence)
            self.assertEqual(len(second), 1)
            self.assertEqual(licence.expiry_reminder, "7")
            Licence._cron_remind_expiry()
            self.assertEqual(self._reminders(licence), second)

    def test_inspection_reminder_and_record(self):
        today = fields.Date.context_today(self.env.user)
        licence = self._licence(inspection_date=today + timedelta(days=3))
        self.env["office.licence"]._cron_remind_expiry()
        self.assertEqual(len(self._reminders(licence)), 1)
        licence.action_record_inspection()
        self.assertEqual(
            licence.inspection_date.year, (today + timedelta(days=3)).year + 1
        )
        self.assertFalse(licence.inspection_reminder)
        self.assertEqual(licence.state, "valid")

    def test_staff_read_keepers_keep(self):
        licence = self._licence()
        self.assertEqual(licence.with_user(self.staff).name, "统一社会信用代码证书")
        with self.assertRaises(AccessError):
            licence.with_user(self.staff).write({"number": "X"})
        with self.assertRaises(AccessError):
            licence.with_user(self.keeper).unlink()
        licence.with_user(self.director).unlink()
