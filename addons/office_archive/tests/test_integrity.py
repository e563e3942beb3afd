import hashlib
import uuid

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import OfficeArchiveCase


@tagged("post_install", "-at_install")
class TestIntegrity(OfficeArchiveCase):
    def setUp(self):
        super().setUp()
        self.content = f"电子公文正文 {uuid.uuid4()}".encode()
        self.item = self._item(carrier="electronic")
        self.efile = self._efile(self.item, self.content)

    def test_digest_is_recorded_at_filing(self):
        self.assertFalse(self.efile.sha256)
        self.item.with_user(self.archivist).action_file()
        self.assertEqual(self.efile.sha256, hashlib.sha256(self.content).hexdigest())
        self.assertEqual(self.efile.state, "ok")
        with self.assertRaises(UserError):
            self.efile.with_user(self.archivist).unlink()
        with self.assertRaises(UserError):
            self.efile.with_user(self.archivist).write({"sha256": "0" * 64})

    def test_tampered_file_is_reported_by_the_scheduled_check(self):
        self.item.with_user(self.archivist).action_file()
        other = self._filed(title="另一件")
        self._efile(other, f"另一份 {uuid.uuid4()}".encode())
        Item = self.env["office.archive.item"]
        Item._cron_check_integrity()
        self.assertEqual(self.item.integrity_state, "ok")
        self.assertEqual(other.integrity_state, "ok")
        # someone alters the stored file behind Odoo's back
        attachment = self.efile.attachment_id
        path = attachment._full_path(attachment.store_fname)
        with open(path, "wb") as stored:
            stored.write(b"tampered")
        checked = Item._cron_check_integrity()
        self.assertIn(self.item, checked)
        self.assertEqual(self.item.integrity_state, "mismatch")
        self.assertEqual(self.efile.state, "mismatch")
        self.assertEqual(
            self.efile.current_sha256, hashlib.sha256(b"tampered").hexdigest()
        )
        self.assertEqual(other.integrity_state, "ok")
        activity_type = self.env.ref("office_archive.mail_act_office_archive_integrity")
        self.assertEqual(self.item.activity_ids.activity_type_id, activity_type)
        # a second run reports it once only
        Item._cron_check_integrity()
        self.assertEqual(len(self.item.activity_ids), 1)

    def test_a_missing_file_is_reported(self):
        self.item.with_user(self.archivist).action_file()
        self.efile.attachment_id.sudo().write({"raw": b""})
        self.item.with_user(self.archivist).action_check_integrity()
        self.assertEqual(self.item.integrity_state, "mismatch")

    def test_staff_cannot_check(self):
        self.item.with_user(self.archivist).action_file()
        from odoo.exceptions import AccessError

        with self.assertRaises(AccessError):
            self.item.with_user(self.staff).action_check_integrity()
