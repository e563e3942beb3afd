from odoo.exceptions import UserError


class AccidentTests:
    """Mixed into a test case of common.OfficeFleetCase (one set-up for both)."""

    def test_accident_with_injuries_is_a_major_risk(self):
        _request, trip = self._dispatched_trip()
        accident = (
            self.env["office.fleet.accident"]
            .with_user(self.driver_user)
            .create({"trip_id": trip.id, "place": "银城大道", "injuries": True})
        )
        self.assertEqual(accident.vehicle_id, self.car1)
        self.assertEqual(accident.driver_id, self.driver)
        self.assertEqual(accident.risk_level, "major")
        with self.assertRaises(UserError):
            accident.with_user(self.driver_user).action_report()
        accident.with_user(self.driver_user).injury_note = "乘客轻微擦伤"
        accident.with_user(self.driver_user).action_report()
        self.assertEqual(accident.state, "reported")
        with self.assertRaises(UserError):
            accident.with_user(self.driver_user).action_close()
        accident.with_user(self.dispatcher).responsibility = "none"
        accident.with_user(self.dispatcher).action_close()
        self.assertEqual(accident.state, "closed")

    def test_accident_liability_withholds_safety_bonus_002_car_8(self):
        # 002 公车管理制度 八: 造成事故、损失的…
        # 责任概由公车驾驶员承担，并扣发全年安全奖金
        _request, trip = self._dispatched_trip()
        Accident = self.env["office.fleet.accident"].with_user(self.dispatcher)
        accident = Accident.create({"trip_id": trip.id, "place": "银城大道"})
        accident.action_report()
        # closed only once the share of responsibility is recorded
        with self.assertRaisesRegex(UserError, "002 公车管理制度 八"):
            accident.action_close()
        accident.responsibility = "none"
        self.assertFalse(accident.safety_bonus_forfeited)
        accident.responsibility = "minor"
        self.assertTrue(accident.safety_bonus_forfeited)
        self.assertEqual(accident.safety_bonus_year, 2026)
        accident.action_close()
        # the decision is fixed once closed
        with self.assertRaises(UserError):
            accident.responsibility = "none"
        self.assertIn(
            accident,
            self.env["office.fleet.accident"].search(
                [
                    ("safety_bonus_forfeited", "=", True),
                    ("driver_id", "=", self.driver.id),
                    ("safety_bonus_year", "=", 2026),
                ]
            ),
        )
        # an agency withholding it from the main responsibility only
        self.company.office_fleet_bonus_forfeit_from = "main"
        other = Accident.create(
            {"vehicle_id": self.car2.id, "driver_id": self.driver2.id, "place": "路口"}
        )
        other.responsibility = "minor"
        self.assertFalse(other.safety_bonus_forfeited)
        # misconduct costs the bonus whatever the share
        other.driver_misconduct = True
        self.assertTrue(other.safety_bonus_forfeited)

    def test_minor_accident(self):
        accident = self.env["office.fleet.accident"].create(
            {"vehicle_id": self.car2.id, "place": "停车场", "damage_amount": 300}
        )
        self.assertEqual(accident.risk_level, "general")
