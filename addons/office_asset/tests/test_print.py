from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import OfficeAssetCase


@tagged("post_install", "-at_install")
class TestPrint(OfficeAssetCase):
    def _job(self, user=None, **vals):
        user = user or self.manager
        return (
            self.env["office.print.job"]
            .with_user(user)
            .create({"title": "材料", "pages": 10, "copies": 3, **vals})
        )

    def test_in_house_job_needs_no_approval_and_is_double_sided(self):
        job = self._job(user=self.staff)
        self.assertTrue(job.duplex)
        self.assertEqual(job.sheets, 15)
        job.with_user(self.staff).action_submit()
        self.assertEqual(job.state, "approved")
        self.assertIn(
            self.manager, job.activity_ids.user_id, "the print room prints it"
        )
        with self.assertRaises(AccessError):
            job.with_user(self.staff).action_print()
        job.with_user(self.manager).action_print()
        self.assertEqual((job.state, job.printed_by_id), ("printed", self.manager))
        self.assertFalse(job.copy_ids, "an ordinary job has no numbered copies")

    def test_outside_job_needs_a_reason_and_the_deputy_in_charge(self):
        job = self._job(user=self.staff, outside=True, colour=True)
        with self.assertRaises(UserError):
            job.with_user(self.staff).action_submit()
        job.with_user(self.staff).outside_reason = "colour"
        job.with_user(self.staff).action_submit()
        self.assertEqual(job.state, "to_approve")
        self.assertEqual(job.print_shop_id, self.print_shop)
        self._approve(job, self.deputy)
        self.assertEqual(job.state, "approved")
        self.assertEqual(job.approver_ids, self.deputy)

    def test_secret_job_shows_its_copy_numbers_and_flags_copies_not_recalled(self):
        self.manager.office_clearance = "important"
        job = self._job(
            copies=3,
            secrecy_level="secret",
            need_to_know_user_ids=[(6, 0, self.manager.ids)],
        )
        job.with_user(self.manager).action_submit()
        job.with_user(self.manager).action_print()
        self.assertEqual(job.copy_ids.mapped("number"), ["000001", "000002", "000003"])
        self.assertTrue(job.recall_deadline)
        job.copy_ids[0].with_user(self.manager).recipient_id = self.staff
        job.copy_ids[:2].with_user(self.manager).action_recall()
        self.assertEqual(job.unrecalled_count, 1)
        self.assertFalse(job.recall_overdue)
        with self.assertRaises(UserError):
            job.copy_ids[0].with_user(self.manager).action_recall()
        with self.assertRaises(UserError):
            job.copy_ids[2].with_user(self.manager).write({"recalled": True})
        with freeze_time("2026-12-31 02:00:00"):
            job.invalidate_recordset(["recall_overdue"])
            self.assertTrue(job.recall_overdue)
            self.assertEqual(job.copy_ids.filtered("overdue").number, "000003")
            found = self.env["office.print.job"].search([("recall_overdue", "=", True)])
            self.assertIn(job, found)
            reminded = self.env["office.print.job"]._cron_recall_reminders()
            self.assertIn(job, reminded)
        # a staff member without clearance does not see the job
        self.assertFalse(
            self.env["office.print.job"]
            .with_user(self.staff)
            .search([("id", "=", job.id)])
        )
