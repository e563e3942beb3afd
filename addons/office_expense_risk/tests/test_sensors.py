from odoo.tests import tagged

from odoo.addons.office_expense.tests.common import OfficeExpenseCase


@tagged("post_install", "-at_install")
class TestSpendingSensors(OfficeExpenseCase):
    def _events(self, sensor, record):
        return self.env["office.risk.event"].search(
            [
                ("sensor_id", "=", sensor.id),
                ("res_model", "=", record._name),
                ("res_id", "=", record.id),
            ]
        )

    def test_a_trip_not_claimed_in_time_raises_an_event(self):
        sensor = self.env.ref("office_expense_risk.sensor_travel_claim_late")
        calendar = self.env["office.calendar"]
        late = self._travel(
            region=self.region_hn,
            start=calendar.add_working_days(self.TODAY, -11),
            days=1,
        )
        recent = self._travel(region=self.region_hn, days=1)
        for travel in late | recent:
            travel.with_user(self.staff).action_submit()
            self._approve(travel, self.director)
            self._approve(travel, self.admin_leader)
            self._approve(travel, self.principal)
        sensor._run()
        event = self._events(sensor, late)
        self.assertEqual(len(event), 1)
        self.assertEqual(event.responsible_user_ids, self.staff)
        self.assertFalse(self._events(sensor, recent))

    def test_cash_above_the_limit_raises_an_event(self):
        sensor = self.env.ref("office_expense_risk.sensor_spending_cash")
        request = self._spending(300, payment_method="cash")
        request.with_user(self.staff).action_submit()
        sensor._run()
        self.assertFalse(self._events(sensor, request))
        # the limit lowered after the submission
        self.company.office_expense_cash_limit = 200
        sensor._run()
        self.assertEqual(len(self._events(sensor, request)), 1)
