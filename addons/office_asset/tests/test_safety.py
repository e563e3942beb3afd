import datetime

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import OfficeAssetCase


@tagged("post_install", "-at_install")
class TestSafety(OfficeAssetCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.area = cls.env["office.safety.area"].create(
            {
                "name": "三楼办公室（测试）",
                "kind": "office",
                "responsible_id": cls.staff.id,
            }
        )
        cls.Round = cls.env["office.safety.round"]

    def test_a_missed_round_is_visible_the_next_morning(self):
        # TEST_NOW is Wednesday 2026-11-18: Tuesday's round was not recorded
        missed = self.Round._cron_missed_rounds()
        tuesday = datetime.date(2026, 11, 17)
        this_area = missed.filtered(lambda r: r.area_id == self.area)
        self.assertEqual((this_area.date, this_area.state), (tuesday, "missed"))
        self.assertTrue(this_area.has_finding)
        self.assertIn(self.staff, this_area.activity_ids.user_id)
        self.assertIn(self.director, this_area.activity_ids.user_id)
        # run again: nothing new
        self.assertFalse(
            self.Round._cron_missed_rounds().filtered(lambda r: r.area_id == self.area)
        )

    def test_a_recorded_round_is_not_missed(self):
        round_ = self.Round.with_user(self.staff).create(
            {
                "area_id": self.area.id,
                "date": "2026-11-17",
                "lights_off": True,
                "computers_off": True,
                "ac_off": True,
                "windows_closed": True,
                "door_locked": True,
            }
        )
        round_.with_user(self.staff).action_done()
        self.assertFalse(round_.has_finding)
        missed = self.Round._cron_missed_rounds()
        self.assertNotIn(self.area, missed.area_id)

    def test_something_left_on_needs_findings(self):
        round_ = self.Round.with_user(self.staff).create(
            {"area_id": self.area.id, "lights_off": True}
        )
        with self.assertRaises(UserError):
            round_.with_user(self.staff).action_done()
        round_.findings = "电脑未关，已关闭"
        round_.with_user(self.staff).action_done()
        self.assertTrue(round_.has_finding)

    def test_air_conditioning_below_26_in_summer_is_a_finding(self):
        values = {
            "area_id": self.area.id,
            "lights_off": True,
            "computers_off": True,
            "ac_off": True,
            "windows_closed": True,
            "door_locked": True,
            "ac_setpoint": 22,
        }
        with freeze_time("2026-07-15 10:00:00"):
            summer = self.Round.with_user(self.staff).create(values)
            with self.assertRaises(UserError):
                summer.with_user(self.staff).action_done()
        november = self.Round.with_user(self.staff).create(values)
        november.with_user(self.staff).action_done()
        self.assertFalse(november.has_finding)
