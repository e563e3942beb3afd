import datetime

from odoo.tests import tagged

from odoo.addons.office_fleet.tests.common import OfficeFleetCase


@tagged("post_install", "-at_install")
class TestTravelByOfficialCar(OfficeFleetCase):
    """A business trip and the traveller's official car: the day the car was
    out gives no local transport allowance."""

    def _travel(self):
        return (
            self.env["office.expense.travel"]
            .with_user(self.staff)
            .create(
                {
                    "purpose": "参加会议",
                    "destination": "乌鲁木齐",
                    "region_id": self.env.ref("office_expense.region_xj").id,
                    "date_start": datetime.date(2026, 11, 16),
                    "date_end": datetime.date(2026, 11, 18),
                    "leader_id": self.deputy.id,
                }
            )
        )

    def _approved(self, travel):
        travel.with_user(self.staff).action_submit()
        self._approve(travel, self.director)
        self._approve(travel, self.deputy)
        self._approve(travel, self.principal)
        self.assertEqual(travel.state, "approved")
        return travel

    def test_3_days_in_xinjiang_with_one_day_by_official_car(self):
        travel = self._approved(self._travel())
        self.assertEqual(travel.fleet_car_days, 0)
        self.assertEqual(travel.transport_allowance, 240)
        _request, trip = self._dispatched_trip()
        # out and back on Wednesday 2026-11-18 (TEST_NOW)
        trip.with_user(self.dispatcher).depart(10010)
        trip.with_user(self.dispatcher).register_return(10060)
        sheet = self.env["hr.expense.sheet"].browse(
            travel.with_user(self.staff).claim()
        )
        self.assertEqual(travel.fleet_car_days, 1)
        self.assertEqual(travel.meal_allowance, 360)
        self.assertEqual(travel.transport_allowance, 160)
        self.assertEqual(sheet.total_amount, 520)

    def test_a_cancelled_car_request_leaves_the_allowance(self):
        travel = self._approved(self._travel())
        request = self._approved_request()
        request.with_user(self.staff).action_cancel()
        travel.with_user(self.staff).claim()
        self.assertEqual(travel.fleet_car_days, 0)
        self.assertEqual(travel.transport_allowance, 240)

    def test_days_typed_in_cannot_undercut_the_ledger(self):
        travel = self._travel()
        travel.with_user(self.staff).official_car_days = 2
        self._approved(travel)
        _request, trip = self._dispatched_trip()
        trip.with_user(self.dispatcher).depart(10010)
        trip.with_user(self.dispatcher).register_return(10060)
        travel.with_user(self.staff).claim()
        self.assertEqual(travel.fleet_car_days, 1)
        self.assertEqual(travel.transport_allowance, 80)
