"""Query budget of logging a trip (issue: performance), at small scale so
that a regression fails the ordinary test run; bench/ measures the same
operation on 50,000 trips."""

from odoo.tests import tagged

from odoo.addons.office_base.tests.common import QueryCountMixin

from .common import OfficeFleetCase


@tagged("post_install", "-at_install")
class TestQueryCounts(QueryCountMixin, OfficeFleetCase):
    def _log_trip(self):
        """The dispatcher records a trip: the car leaves and comes back."""
        Trip = self.env["office.fleet.trip"].with_user(self.dispatcher)
        odometer = Trip._last_odometer(self.car2)
        trip = Trip.create(
            {"vehicle_id": self.car2.id, "reason": "查询计数", "destination": "市政府"}
        )
        trip.depart(odometer + 10)
        trip.register_return(odometer + 40, fuel_liters=3.0, toll_amount=10.0)

    def test_trip_logging_queries_do_not_grow_with_the_ledger(self):
        few = self._queries(self._log_trip)
        for _i in range(30):
            self._log_trip()
        many = self._queries(self._log_trip)
        self.assertEqual(few, many)
        self.assertLessEqual(many, 120)
