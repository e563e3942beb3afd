from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import OfficeArchiveCase


@tagged("post_install", "-at_install")
class TestStorageRoom(OfficeArchiveCase):
    def _read(self, temperature, humidity, **values):
        return (
            self.env["office.archive.room.reading"]
            .with_user(self.archivist)
            .create(
                {
                    "room_id": self.room.id,
                    "temperature": temperature,
                    "humidity": humidity,
                    **values,
                }
            )
        )

    def test_readings_out_of_range_are_flagged(self):
        self.assertFalse(self._read(14, 45).out_of_range)
        self.assertFalse(self._read(24, 60).out_of_range)
        hot = self._read(24.5, 50)
        self.assertTrue(hot.out_of_range)
        self.assertIn("24.5", hot.deviation)
        self.assertTrue(self._read(20, 44.9).out_of_range)
        self.assertTrue(self._read(13.9, 61, source="sensor").out_of_range)
        climate = self.env.ref("office_archive.mail_act_office_archive_climate")
        activities = self.room.activity_ids.filtered(
            lambda a: a.activity_type_id == climate
        )
        self.assertEqual(len(activities), 1)
        self.assertEqual(activities.user_id, self.archivist)
        self.assertTrue(self.room.last_out_of_range)

    def test_readings_are_checked_and_never_changed(self):
        with self.assertRaises(ValidationError):
            self._read(20, 120)
        with self.assertRaises(ValidationError):
            self._read(120, 50)
        reading = self._read(20, 50)
        with self.assertRaises(UserError):
            reading.with_user(self.archivist).write({"temperature": 30})
        with self.assertRaises(AccessError):
            self.env["office.archive.room.reading"].with_user(self.staff).create(
                {"room_id": self.room.id, "temperature": 20, "humidity": 50}
            )

    def test_eight_protections_inspection(self):
        inspection = (
            self.env["office.archive.inspection"]
            .with_user(self.archivist)
            .create({"room_id": self.room.id, "pests_ok": False, "damp_ok": False})
        )
        self.assertEqual(inspection.problem_count, 2)
        with self.assertRaises(UserError):
            inspection.action_done()
        inspection.findings = "发现书虱，墙角返潮"
        inspection.action_done()
        self.assertEqual(inspection.state, "done")
        with self.assertRaises(UserError):
            inspection.with_user(self.archivist).write({"pests_ok": True})

    def test_access_log(self):
        Access = self.env["office.archive.room.access"].with_user(self.archivist)
        with self.assertRaises(ValidationError):
            Access.create(
                {
                    "room_id": self.room.id,
                    "person": "张三",
                    "purpose": "查档",
                    "entered_at": "2026-05-01 02:00:00",
                    "left_at": "2026-05-01 01:00:00",
                }
            )
        entry = Access.create(
            {"room_id": self.room.id, "person": "张三", "purpose": "查档"}
        )
        self.assertEqual(entry.accompanied_by_id, self.archivist)
        self.assertEqual(entry.state, "draft")

    def test_two_people_enter_archive_room_002_9(self):
        # 002 公文处理制度 九: 进档案室调阅公文资料，需两名工作人员同行
        Access = self.env["office.archive.room.access"].with_user(self.archivist)
        alone = Access.create(
            {
                "room_id": self.room.id,
                "person": "档案员",
                "purpose": "调阅公文",
                "user_id": self.archivist.id,
            }
        )
        self.assertEqual(alone.present_count, 1)
        with self.assertRaisesRegex(UserError, "002 公文处理制度 九"):
            alone.action_enter()
        self.assertEqual(alone.state, "draft")
        with self.assertRaises(UserError):
            alone.write({"state": "in"})
        alone.write({"user_id": self.office_head.id})
        alone.action_enter()
        self.assertEqual(alone.state, "in")
        with self.assertRaises(UserError):
            alone.write({"accompanied_by_id": self.office_head.id})
        alone.action_leave()
        self.assertEqual(alone.state, "out")
        self.assertTrue(alone.left_at)
        # an agency asking for three: a third person must be named
        self.env.company.archive_room_entry_people = 3
        pair = Access.create(
            {
                "room_id": self.room.id,
                "person": "档案员",
                "purpose": "调阅公文",
                "user_id": self.office_head.id,
            }
        )
        with self.assertRaises(UserError):
            pair.action_enter()
        pair.companion_ids = self.clerk
        pair.action_enter()
        self.assertEqual(pair.present_count, 3)

    def test_security_inspection_before_holidays_002_6(self):
        # 002 篇6 机关档案保密制度 八: 重大节假日，
        # 档案工作人员要对各项安全防范措施进行全面检查
        # today is Wednesday 2026-11-18; a day off on Monday 23rd makes a
        # holiday period from Saturday 21st, the last working day is Friday
        self.env["office.holiday"].create(
            {
                "date": "2026-11-23",
                "name": "测试节",
                "company_id": self.env.company.id,
            }
        )
        Inspection = self.env["office.archive.inspection"]
        self.env.company.archive_holiday_inspection_days = 1
        self.assertFalse(Inspection._cron_holiday_inspection())
        self.env.company.archive_holiday_inspection_days = 3
        inspections = Inspection._cron_holiday_inspection()
        mine = inspections.filtered(lambda i: i.room_id == self.room)
        self.assertEqual(len(mine), 1)
        self.assertEqual(str(mine.holiday_start), "2026-11-21")
        self.assertEqual(str(mine.date), "2026-11-20")
        self.assertEqual(mine.holiday_name, "测试节")
        self.assertEqual(mine.inspector_id, self.archivist)
        holiday = self.env.ref(
            "office_archive.mail_act_office_archive_holiday_inspection"
        )
        activity = mine.activity_ids.filtered(lambda a: a.activity_type_id == holiday)
        self.assertEqual(activity.user_id, self.archivist)
        self.assertEqual(str(activity.date_deadline), "2026-11-20")
        # the next run adds nothing
        self.assertFalse(
            Inspection._cron_holiday_inspection().filtered(
                lambda i: i.room_id == self.room
            )
        )
