import base64
import io
from datetime import timedelta

from PIL import Image

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import OfficeSealCase


def _photo():
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, format="PNG")
    return base64.b64encode(buffer.getvalue()).decode()


PHOTO = _photo()


@tagged("post_install", "-at_install")
class TestSmartSeal(OfficeSealCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # what the device writes (reasons, errors) is in its account's language
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.device_user = new_test_user(
            cls.env,
            login="seal_device",
            groups="office_seal.group_seal_device",
            lang="zh_CN",
        )
        cls.device = cls.env["office.seal.device"].create(
            {
                "serial": "TEST-ZNYZ-1",
                "seal_id": cls.seal.id,
                "user_id": cls.device_user.id,
                "token": "secret-token",
            }
        )
        cls.api = cls.env["office.seal.device"].with_user(cls.device_user)

    def _fetch(self):
        return self.api.device_fetch("TEST-ZNYZ-1", "secret-token")

    def _report(self, **kw):
        return self.api.device_report("TEST-ZNYZ-1", "secret-token", **kw)

    def _violations(self):
        return self.env["office.seal.ledger"].search(
            [("seal_id", "=", self.seal.id), ("violation", "=", True)]
        )

    def test_authentication(self):
        with self.assertRaises(AccessError):
            self.api.device_fetch("TEST-ZNYZ-1", "wrong")
        with self.assertRaises(AccessError):
            self.api.device_fetch("NO-SUCH", "secret-token")
        # the keeper, the director cannot act as a device
        for user in (self.keeper, self.director):
            with self.assertRaises(AccessError):
                self.env["office.seal.device"].with_user(user).device_report(
                    "TEST-ZNYZ-1", "secret-token"
                )
        # the token is for the director's eyes only
        with self.assertRaises(AccessError):
            self.device.with_user(self.keeper).read(["token"])
        # nobody unlocks a device by hand
        with self.assertRaises(UserError):
            self.device.with_user(self.director).write({"state": "unlocked"})
        with self.assertRaises(UserError):
            self.env["office.seal.device"].with_user(self.director).create(
                {
                    "serial": "TEST-ZNYZ-2",
                    "seal_id": self.seal.id,
                    "user_id": self.device_user.id,
                    "state": "unlocked",
                }
            )

    def test_approved_use_then_locked_then_violation(self):
        status = self._fetch()
        self.assertEqual(status["state"], "locked")
        self.assertFalse(status["request_id"])
        request = self._approved_request(stamp_count=2)
        status = self._fetch()
        self.assertEqual(status["state"], "unlocked")
        self.assertEqual(status["request_id"], request.id)
        self.assertEqual(status["remaining"], 2)
        when = fields.Datetime.now() - timedelta(minutes=5)
        first = self._report(stamped_at=fields.Datetime.to_string(when), photo=PHOTO)
        self.assertFalse(first["violation"])
        self.assertEqual(first["remaining"], 1)
        self.assertEqual(request.state, "approved", "the device is still open")
        # the keeper cannot stamp by hand what the device is stamping
        with self.assertRaises(UserError):
            request.with_user(self.keeper).stamp(1)
        second = self._report()
        self.assertEqual(second["state"], "locked")
        self.assertEqual(request.state, "done")
        entries = request.sudo().ledger_ids.sorted("sequence")
        self.assertEqual(len(entries), 2)
        self.assertEqual(entries.mapped("impressions"), [1, 1])
        self.assertEqual(entries.device_id, self.device)
        self.assertEqual(entries[0].stamped_at, when.replace(microsecond=0))
        self.assertTrue(entries[0].photo_checksum)
        self.assertTrue(entries[0].photo)
        self.assertEqual(entries.keeper_id, self.keeper)
        self.assertEqual(entries.approver_ids, self.principal)
        self.assertFalse(any(entries.mapped("violation")))
        # one impression too many
        third = self._report()
        self.assertTrue(third["violation"])
        violation = self.env["office.seal.ledger"].browse(third["entry_id"])
        self.assertEqual(violation.request_id, request)
        self.assertEqual(
            violation.violation_reason, f"超出 {request.name} 批准的 2 次盖印"
        )
        self.assertIn(violation.violation_reason, self.seal.message_ids[:1].body)
        self.assertEqual(self.seal.violation_count, 1)
        self.assertTrue(self.seal.verify_chain()["ok"])
        # the fields added for the devices are hashed only when set: the
        # entries chained before them still verify
        canonical = entries[0]._canonical_values()
        self.assertIn('"device_id"', canonical)
        self.assertNotIn('"violation"', canonical)
        self.assertIn('"violation":true', violation._canonical_values())
        # the violation stays in the ledger
        with self.assertRaises(AccessError):
            violation.sudo().write({"violation": False})
        with self.assertRaises(AccessError):
            violation.sudo().unlink()

    def test_a_violation_erased_in_sql_is_detected(self):
        entry = self.env["office.seal.ledger"].browse(self._report()["entry_id"])
        self.assertTrue(self.seal.verify_chain()["ok"])
        self.env.cr.execute(
            "UPDATE office_seal_ledger SET violation = false WHERE id = %s",
            (entry.id,),
        )
        result = self.seal.verify_chain()
        self.assertFalse(result["ok"])
        self.assertEqual(result["broken"][0]["entry_id"], entry.id)

    def test_without_any_request(self):
        result = self._report()
        self.assertTrue(result["violation"])
        entry = self.env["office.seal.ledger"].browse(result["entry_id"])
        self.assertFalse(entry.request_id)
        self.assertFalse(entry.applicant_id)
        self.assertEqual(entry.keeper_id, self.keeper)
        self.assertEqual(entry.summary, "无批准申请的盖印")
        self.assertEqual(self._violations(), entry)
        self.assertIn("无批准申请的盖印", self.seal.message_ids[:1].body)

    def test_bad_input_writes_nothing(self):
        self._approved_request(stamp_count=1)
        self._fetch()
        with self.assertRaisesRegex(UserError, "盖印时间 yesterday 无效"):
            self._report(stamped_at="yesterday")
        with self.assertRaisesRegex(UserError, "base64 编码的图片"):
            self._report(photo="not base64 !!")
        with self.assertRaises(UserError):
            self._report(photo=base64.b64encode(b"no image").decode())
        self.assertFalse(self.seal.ledger_ids)
        self.assertEqual(self.device.state, "unlocked")

    def test_keeper_locks_and_a_void_seal_locks(self):
        request = self._approved_request(stamp_count=3)
        self._fetch()
        self._report()
        with self.assertRaises(AccessError):
            self.device.with_user(self.other_keeper).action_lock()
        self.device.with_user(self.keeper).action_lock()
        self.assertEqual(self.device.state, "locked")
        self.assertEqual(request.state, "done")
        self.assertTrue(self._report()["violation"])
        # a suspended seal does not unlock
        request2 = self._approved_request(stamp_count=1)
        self.seal.with_user(self.director).change_state("suspend", "检修")
        self.assertEqual(self._fetch()["state"], "locked")
        self.assertTrue(self._report()["violation"])
        self.assertEqual(request2.state, "approved")
