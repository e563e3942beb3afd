from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import OfficeArchiveCase


@tagged("post_install", "-at_install")
class TestArchiveItem(OfficeArchiveCase):
    def test_archival_code_follows_da_t_22(self):
        first = self._filed(title="关于2026年部门预算的通知")
        second = self._filed(title="第二件")
        self.assertEqual(first.name, "Z109-WS·2026-Y-BGS-0001")
        self.assertEqual(second.name, "Z109-WS·2026-Y-BGS-0002")
        self.assertEqual(first.state, "in_stock")
        self.assertEqual(first.filed_by_id, self.archivist)
        # each filing unit has its own numbers
        other = self._filed(retention_id=self.ret_d10.id)
        self.assertEqual(other.name, "Z109-WS·2026-D10-BGS-0001")
        budget = self._filed(unit_id=self.unit_ysk.id, year=2023)
        self.assertEqual(budget.name, "Z109-WS·2023-Y-YSK-0001")

    def test_items_filed_together_are_numbered_by_date(self):
        late = self._item(title="后", document_date="2026-05-01")
        early = self._item(title="前", document_date="2026-01-01")
        (late | early).with_user(self.archivist).action_file()
        self.assertEqual(early.item_number, 1)
        self.assertEqual(late.item_number, 2)

    def test_last_years_documents_filed_in_january_keep_their_year(self):
        with freeze_time("2027-01-04 01:00:00"):
            december = self._item(
                title="十二月的通知", year=None, document_date="2026-12-28"
            )
            undated = self._item(title="新年第一件", year=None)
            (december | undated).with_user(self.archivist).action_file()
        self.assertEqual(december.name, "Z109-WS·2026-Y-BGS-0001")
        # the new year's items start again at 1
        self.assertEqual(undated.name, "Z109-WS·2027-Y-BGS-0001")

    def test_the_year_is_chinas_even_before_eight_in_the_morning(self):
        # 2027-01-01 07:30 in Beijing is still 2026-12-31 in UTC
        with freeze_time("2026-12-31 23:30:00"):
            self.assertEqual(
                self.env["office.calendar"].today().isoformat(), "2027-01-01"
            )
            item = self._item(year=None)
        self.assertEqual(item.year, 2027)

    def test_a_rolled_back_filing_leaves_no_gap(self):
        item = self._item()
        with self.assertRaises(RuntimeError), self.env.cr.savepoint():
            item.with_user(self.archivist).action_file()
            raise RuntimeError("the filing is abandoned")
        self.assertEqual(item.state, "draft")
        item.invalidate_recordset()
        item.with_user(self.archivist).action_file()
        self.assertEqual(item.item_number, 1)

    def test_only_the_archivist_files_and_changes_custody(self):
        item = self._item(department_id=self.dep_budget.id)
        with self.assertRaises(AccessError):
            item.with_user(self.staff).action_file()
        with self.assertRaises(UserError):
            item.with_user(self.staff).write({"state": "in_stock"})
        with self.assertRaises(UserError):
            self.env["office.archive.item"].with_user(self.archivist).create(
                {
                    "title": "直接入库",
                    "fonds_id": self.fonds.id,
                    "category_id": self.ws.id,
                    "retention_id": self.ret_y.id,
                    "unit_id": self.unit_bgs.id,
                    "state": "in_stock",
                }
            )
        item.with_user(self.archivist).action_file()
        with self.assertRaises(UserError):
            item.with_user(self.archivist).write({"retention_id": self.ret_d10.id})
        with self.assertRaises(UserError):
            item.with_user(self.archivist).write({"name": "Z109-WS·2026-Y-BGS-9999"})
        with self.assertRaises(AccessError):
            item.with_user(self.staff).write({"title": "改标题"})
        with self.assertRaises(UserError):
            item.with_user(self.archivist).action_file()

    def test_filed_items_are_never_deleted(self):
        item = self._filed()
        with self.assertRaises(UserError):
            item.unlink()
        draft = self._item()
        draft.unlink()
        self.assertFalse(draft.exists())

    def test_departments_see_their_own_items(self):
        budget_item = self._filed(
            department_id=self.dep_budget.id, unit_id=self.unit_ysk.id
        )
        office_item = self._filed()
        Item = self.env["office.archive.item"]
        seen = Item.with_user(self.staff).search(
            [("id", "in", (budget_item | office_item).ids)]
        )
        self.assertEqual(seen, budget_item)
        seen = Item.with_user(self.archivist).search(
            [("id", "in", (budget_item | office_item).ids)]
        )
        self.assertEqual(seen, budget_item | office_item)

    def test_secret_items_follow_clearance_and_need_to_know(self):
        secret = self._filed(
            department_id=self.dep_budget.id, secrecy_level="secret", secrecy_years=10
        )
        self.assertIn(self.dep_office, secret.need_to_know_department_ids)
        self.assertIn(self.dep_budget, secret.need_to_know_department_ids)
        Item = self.env["office.archive.item"]
        # staff of the department without clearance do not see it
        self.assertFalse(Item.with_user(self.staff).search([("id", "=", secret.id)]))
        self.assertTrue(
            Item.with_user(self.budget_head).search([("id", "=", secret.id)])
        )
        self.assertTrue(Item.with_user(self.archivist).search([("id", "=", secret.id)]))

    def test_year_and_box_are_checked(self):
        with self.assertRaises(ValidationError):
            self._item(year=20266)
        box = self.env["office.archive.box"].create(
            {
                "number": "001",
                "room_id": self.room.id,
                "fonds_id": self.fonds.id,
                "year": 2019,
            }
        )
        with self.assertRaises(ValidationError):
            self._item(box_id=box.id)
        item = self._filed(year=2019)
        item.with_user(self.archivist).write({"box_id": box.id})
        self.assertEqual(item.room_id, self.room)
        self.assertIn("0001–0001", box.label)
        with self.assertRaises(AccessError):
            item.with_user(self.staff).write({"box_id": False})

    def test_physical_and_audio_visual_items(self):
        award = self._filed(
            title="先进集体奖牌",
            category_id=self.env.ref("office_archive.category_sw").id,
            carrier="physical",
            issuer="省财政厅",
            received_date="2026-01-10",
        )
        self.assertEqual(award.name, "Z109-SW·2026-Y-BGS-0001")
        photo = self._filed(
            title="发布会照片",
            category_id=self.env.ref("office_archive.category_sx").id,
            carrier="audiovisual",
            place="新闻发布厅",
            people="王建国",
            photographer="刘芳",
        )
        self.assertEqual(photo.name, "Z109-SX·2026-Y-BGS-0001")

    def test_the_older_retention_scheme_is_expressible(self):
        legacy = self.env.ref("office_archive.retention_c")
        item = self._filed(year=2004, retention_id=legacy.id)
        self.assertEqual(item.name, "Z109-WS·2004-C-BGS-0001")
        self.assertEqual(item.retention_until, 2054)

    def test_objects_handed_in_within_a_month_002_6(self):
        # 002 篇6 实物/声像档案归档制度: 一个月内向档案管理中心移交
        self.dep_budget.archive_lead_id = self.budget_head
        gift = self._item(
            carrier="physical",
            received_date="2026-10-10",
            department_id=self.dep_budget.id,
            unit_id=self.unit_ysk.id,
        )
        video = self._item(carrier="audiovisual", shot_at="2026-11-01 02:00:00")
        paper = self._item()
        self.assertEqual(str(gift.handover_deadline), "2026-11-10")
        self.assertEqual(str(video.handover_deadline), "2026-12-01")
        self.assertFalse(paper.handover_deadline)
        reminded = self.env["office.archive.item"]._cron_remind_handover()
        self.assertIn(gift, reminded)
        self.assertNotIn(paper, reminded)
        handover = self.env.ref("office_archive.mail_act_office_archive_handover")
        activity = gift.activity_ids.filtered(lambda a: a.activity_type_id == handover)
        self.assertEqual(activity.user_id, self.budget_head)
        self.assertEqual(str(activity.date_deadline), "2026-11-10")
        # an agency allowing two months
        self.env.company.archive_object_handover_months = 2
        late = self._item(carrier="physical", received_date="2026-10-10")
        self.assertEqual(str(late.handover_deadline), "2026-12-10")
        # filed: no more reminders
        video.with_user(self.archivist).action_file()
        self.assertNotIn(video, self.env["office.archive.item"]._cron_remind_handover())
