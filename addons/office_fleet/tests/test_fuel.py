from odoo.exceptions import UserError, ValidationError


class FuelTests:
    """Mixed into a test case of common.OfficeFleetCase (one set-up for both)."""

    def _log(self, odometer, liters, car=None, user=None, **vals):
        car = car or self.car1
        log = (
            self.env["office.fleet.fuel.log"]
            .with_user(user or self.driver_user)
            .create(
                {
                    "vehicle_id": car.id,
                    "driver_id": self.driver.id,
                    "card_no": car.fuel_card_no,
                    "liters": liters,
                    "amount": liters * 7.8,
                    "odometer": odometer,
                    "date": "2026-11-01",
                    "company_id": self.company.id,
                    **vals,
                }
            )
        )
        log.with_user(user or self.driver_user).action_confirm()
        return log

    def test_consumption_and_anomaly_over_30_percent(self):
        self._log(10000, 40)
        second = self._log(10500, 40)  # 8 L/100 km
        self.assertEqual(second.distance, 500)
        self.assertAlmostEqual(second.consumption, 8.0)
        self.assertFalse(second.anomaly)
        third = self._log(11000, 50)  # 10 L/100 km: 25 % over 8
        self.assertAlmostEqual(third.rolling_average, 8.0)
        self.assertFalse(third.anomaly)
        fourth = self._log(11500, 60)  # 12 L/100 km: 33 % over 9
        self.assertAlmostEqual(fourth.rolling_average, 9.0)
        self.assertTrue(fourth.anomaly)
        self.assertIn(
            self.env.ref("office_fleet.mail_act_office_fleet_review"),
            fourth.sudo().activity_ids.activity_type_id,
        )
        self.assertAlmostEqual(self.car1.fuel_consumption_avg, 150 / 1500 * 100)
        fourth.with_user(self.dispatcher).action_mark_reviewed()
        self.assertTrue(fourth.anomaly_reviewed)
        self.assertTrue(fourth.anomaly, "the flag stays for the record")

    def test_one_card_per_car(self):
        with self.assertRaises(ValidationError):
            self._log(10000, 40, card_no=self.car2.fuel_card_no)

    def test_odometer_never_goes_backwards(self):
        self._log(10000, 40)
        with self.assertRaises(ValidationError):
            self._log(9990, 40)

    def test_confirmed_log_is_a_cost_and_is_not_changed(self):
        log = self._log(10000, 40)
        self.assertEqual(log.cost_id.cost_type, "fuel")
        self.assertEqual(log.cost_id.amount, 312)
        self.assertTrue(log.cost_id.analytic_line_id)
        with self.assertRaises(UserError):
            log.with_user(self.driver_user).write({"liters": 10})
        with self.assertRaises(UserError):
            log.with_user(self.driver_user).write({"anomaly": False})

    def test_drivers_see_their_logs_only(self):
        log = self._log(10000, 40)
        Log = self.env["office.fleet.fuel.log"]
        self.assertFalse(Log.with_user(self.driver_user2).search([("id", "=", log.id)]))
        self.assertEqual(Log.with_user(self.finance).search([("id", "=", log.id)]), log)
