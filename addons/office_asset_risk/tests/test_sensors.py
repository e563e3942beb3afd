from odoo.tests import tagged

from odoo.addons.office_asset.tests.common import OfficeAssetCase


@tagged("post_install", "-at_install")
class TestAssetSensors(OfficeAssetCase):
    def _events(self, xmlid, record):
        sensor = self.env.ref(f"office_asset_risk.{xmlid}")
        sensor._run()
        return self.env["office.risk.event"].search(
            [("sensor_id", "=", sensor.id), ("res_id", "=", record.id)]
        )

    def _missing(self, asset):
        take = (
            self.env["office.asset.stocktake"]
            .with_user(self.finance)
            .create({"department_ids": [(6, 0, asset.department_id.ids)]})
        )
        take.with_user(self.finance).action_start()
        take.with_user(self.finance).action_done()
        self.assertEqual(asset.state, "missing")
        return take

    def test_stocktake_variance_raises_a_significant_event(self):
        asset = self._asset(cost=3000)
        self.assertFalse(self._events("sensor_asset_missing", asset))
        self._missing(asset)
        event = self._events("sensor_asset_missing", asset)
        self.assertEqual(len(event), 1)
        self.assertEqual(event.level, "significant")
        self.assertFalse(self._events("sensor_asset_major_loss", asset))

    def test_loss_of_an_asset_above_30000_is_a_major_risk(self):
        asset = self._asset(cost=45000)
        self._missing(asset)
        event = self._events("sensor_asset_major_loss", asset)
        self.assertEqual(event.level, "major")

    def test_a_missed_safety_round_raises_an_event(self):
        area = self.env["office.safety.area"].create(
            {
                "name": "会议室（传感器测试）",
                "kind": "common",
                "responsible_id": self.staff.id,
            }
        )
        missed = self.env["office.safety.round"]._cron_missed_rounds()
        round_ = missed.filtered(lambda r: r.area_id == area)
        self.assertTrue(self._events("sensor_safety_round_missed", round_))
