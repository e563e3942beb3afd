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
        accident.with_user(self.dispatcher).action_close()
        self.assertEqual(accident.state, "closed")

    def test_minor_accident(self):
        accident = self.env["office.fleet.accident"].create(
            {"vehicle_id": self.car2.id, "place": "停车场", "damage_amount": 300}
        )
        self.assertEqual(accident.risk_level, "general")
