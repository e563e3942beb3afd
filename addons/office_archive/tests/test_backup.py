from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import OfficeArchiveCase


@tagged("post_install", "-at_install")
class TestElectronicBackup(OfficeArchiveCase):
    def test_second_copy_of_electronic_archives_on_other_media_003_30(self):
        # 003 第三十条（二）3: 电子档案采取不同介质存储副本…并对电子档案定期进行检查
        item = self._item()
        efile = self._efile(item, b"%PDF body")
        item.with_user(self.archivist).action_file()
        Backup = self.env["office.archive.backup"].with_user(self.archivist)
        same = Backup.create(
            {
                "medium": "server",
                "label": "同一存储",
                "efile_ids": [(6, 0, efile.ids)],
            }
        )
        with self.assertRaisesRegex(UserError, "003 第三十条"):
            same.action_make()
        self.assertEqual(same.state, "draft")
        disc = Backup.create(
            {
                "medium": "optical",
                "label": "DVD-2025-01",
                "made_on": "2025-10-01",
                "efile_ids": [(6, 0, efile.ids)],
            }
        )
        disc.action_make()
        self.assertEqual(disc.state, "kept")
        self.assertEqual(str(disc.next_check_on), "2026-10-01")
        with self.assertRaises(UserError):
            disc.write({"medium": "server"})
        # the check is due: the archivist who made the copy is reminded
        self.assertIn(disc, self.env["office.archive.backup"]._cron_remind_check())
        check = self.env.ref("office_archive.mail_act_office_archive_backup_check")
        activity = disc.activity_ids.filtered(lambda a: a.activity_type_id == check)
        self.assertEqual(activity.user_id, self.archivist)
        disc.action_check()
        self.assertEqual(disc.check_result, "ok")
        self.assertEqual(str(disc.last_check_on), "2026-11-18")
        self.assertEqual(str(disc.next_check_on), "2027-11-18")
        self.assertFalse(
            disc.activity_ids.filtered(lambda a: a.activity_type_id == check)
        )
        self.assertNotIn(disc, self.env["office.archive.backup"]._cron_remind_check())
