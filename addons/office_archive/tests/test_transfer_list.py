import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import OfficeArchiveCase


@tagged("post_install", "-at_install")
class TestTransferList(OfficeArchiveCase):
    def _list(self, items=2, **values):
        vals = {
            "department_id": self.dep_budget.id,
            "year": 2025,
            "fonds_id": self.fonds.id,
            "category_id": self.ws.id,
            "unit_id": self.unit_ysk.id,
            "filing_note": "预算科2025年文书档案",
        }
        vals.update(values)
        record = (
            self.env["office.archive.transfer.list"].with_user(self.staff).create(vals)
        )
        for i in range(items):
            self.env["office.archive.item"].with_user(self.staff).create(
                {
                    "transfer_list_id": record.id,
                    "title": f"预算文件{i + 1}",
                    "fonds_id": self.fonds.id,
                    "category_id": self.ws.id,
                    "year": record.year,
                    "retention_id": self.ret_y.id,
                    "unit_id": record.unit_id.id,
                    "department_id": record.department_id.id,
                    "document_date": datetime.date(record.year, 12 - i, 1),
                    "pages": 5,
                }
            )
        return record

    def test_default_deadlines_of_the_next_year(self):
        record = self._list(items=0)
        self.assertEqual(record.organize_deadline, datetime.date(2026, 3, 31))
        self.assertEqual(record.deadline, datetime.date(2026, 6, 30))
        self.fonds.transfer_month = 5
        self.fonds.transfer_day = 31
        record = self._list(items=0, year=2024)
        self.assertEqual(record.deadline, datetime.date(2025, 5, 31))

    def test_accepting_files_the_items_after_counting(self):
        record = self._list(year=2023)
        record.with_user(self.staff).action_submit()
        self.assertEqual(record.state, "submitted")
        self.assertEqual(record.submitted_by_id, self.staff)
        with self.assertRaises(UserError):
            record.with_user(self.staff).write({"filing_note": "改"})
        with self.assertRaises(AccessError):
            record.with_user(self.staff).action_accept(2)
        # 账实相符: one file short
        with self.assertRaises(UserError):
            record.with_user(self.archivist).action_accept(1)
        self.assertEqual(record.item_ids.mapped("state"), ["draft", "draft"])
        record.with_user(self.archivist).action_accept(2)
        self.assertEqual(record.state, "accepted")
        self.assertEqual(record.accepted_by_id, self.archivist)
        self.assertTrue(record.accepted_at)
        items = record.item_ids.sorted("item_number")
        self.assertEqual(
            items.mapped("name"), ["Z109-WS·2023-Y-YSK-0001", "Z109-WS·2023-Y-YSK-0002"]
        )
        # numbered by date: the November file first
        self.assertEqual(items[0].title, "预算文件2")
        self.assertEqual(set(items.mapped("state")), {"in_stock"})
        with self.assertRaises(UserError):
            record.unlink()

    def test_one_open_list_then_a_supplementary_one(self):
        record = self._list(year=2022)
        with (
            self.assertRaisesRegex(ValidationError, "supplementary"),
            self.cr.savepoint(),
        ):
            self._list(items=0, year=2022)
        record.with_user(self.staff).action_submit()
        record.with_user(self.archivist).action_accept(2)
        supplement = self._list(items=1, year=2022, filing_note="补充移交")
        supplement.with_user(self.staff).action_submit()
        supplement.with_user(self.archivist).action_accept(1)
        self.assertEqual(supplement.item_ids.name, "Z109-WS·2022-Y-YSK-0003")

    def test_returned_with_comments_and_resubmitted(self):
        record = self._list()
        with self.assertRaises(UserError):
            record.with_user(self.archivist).return_list("未提交")
        record.with_user(self.staff).action_submit()
        with self.assertRaises(UserError):
            record.with_user(self.archivist).return_list(" ")
        record.with_user(self.archivist).return_list("缺少第2件原件")
        self.assertEqual(record.state, "returned")
        self.assertEqual(record.return_comment, "缺少第2件原件")
        record.with_user(self.staff).write({"remarks": "第2件原件已补齐"})
        record.with_user(self.staff).action_submit()
        record.with_user(self.archivist).action_accept(2)
        self.assertEqual(record.state, "accepted")

    def test_an_empty_or_foreign_list_is_refused(self):
        record = self._list(items=0)
        with self.assertRaises(UserError):
            record.with_user(self.staff).action_submit()
        record = self._list(items=1, year=2024)
        record.item_ids.write({"year": 2023})
        with self.assertRaises(UserError):
            record.with_user(self.staff).action_submit()

    def test_other_departments_do_not_see_the_list(self):
        record = self._list(items=0)
        Lists = self.env["office.archive.transfer.list"]
        self.assertFalse(
            Lists.with_user(self.legal_staff).search([("id", "=", record.id)])
        )
        self.assertTrue(
            Lists.with_user(self.archivist).search([("id", "=", record.id)])
        )

    def test_late_lists_are_reminded_once(self):
        record = self._list(items=1, year=2024, department_id=self.dep_legal.id)
        done = self._list(items=1, year=2023, department_id=self.dep_legal.id)
        done.with_user(self.staff).action_submit()
        done.with_user(self.archivist).action_accept(1)
        activity_type = self.env.ref(
            "office_archive.mail_act_office_archive_transfer_late"
        )
        Lists = self.env["office.archive.transfer.list"]
        with freeze_time("2025-06-30"):
            self.assertNotIn(record, Lists._cron_remind_late())
            self.assertFalse(record.is_late)
        with freeze_time("2025-07-01"):
            record.invalidate_recordset(["is_late"])
            self.assertTrue(record.is_late)
            self.assertIn(record, Lists.search([("is_late", "=", True)]))
            self.assertNotIn(done, Lists.search([("is_late", "=", True)]))
            self.assertIn(record, Lists._cron_remind_late())
            Lists._cron_remind_late()
        activities = record.activity_ids.filtered(
            lambda a: a.activity_type_id == activity_type
        )
        self.assertEqual(len(activities), 1)
        self.assertEqual(activities.user_id, self.staff)
