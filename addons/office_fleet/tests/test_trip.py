import io
import zipfile

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import OfficeFleetCase
from .test_accident import AccidentTests
from .test_fuel import FuelTests


@tagged("post_install", "-at_install")
class TestTrip(FuelTests, AccidentTests, OfficeFleetCase):
    allow_inherited_tests_method = True  # the mixed-in tests share this set-up

    def test_trip_records_odometer_entries_in_fleet(self):
        request, trip = self._dispatched_trip()
        self.assertEqual(trip.state, "planned")
        self.assertEqual((trip.vehicle_id, trip.driver_id), (self.car1, self.driver))
        trip.with_user(self.driver_user).depart(10050)
        self.assertEqual(self.car1.office_state, "dispatched")
        trip.with_user(self.driver_user).register_return(10180, 9.5, 20, 5)
        self.assertEqual(trip.state, "done")
        self.assertEqual(trip.distance, 130)
        self.assertEqual(request.state, "done")
        self.assertEqual(self.car1.office_state, "available")
        self.assertEqual(trip.parked_at, self.car1.parking_place)
        odometers = self.env["fleet.vehicle.odometer"].search(
            [("vehicle_id", "=", self.car1.id)], order="value"
        )
        self.assertEqual(odometers.mapped("value"), [10000, 10050, 10180])
        self.assertEqual(trip.odometer_ids, odometers[1:])
        self.assertEqual(self.car1.odometer, 10180)
        self.assertFalse(trip.sealed_violation)
        self.assertFalse(trip.unapproved)

    def test_backwards_odometer_is_refused(self):
        _request, trip = self._dispatched_trip()
        with self.assertRaises(ValidationError):
            trip.with_user(self.driver_user).depart(9999)
        self.assertEqual(trip.state, "planned")
        trip.with_user(self.driver_user).depart(10000)
        with self.assertRaises(ValidationError):
            trip.with_user(self.driver_user).register_return(9990)
        self.assertEqual(trip.state, "out")
        with self.assertRaises(ValidationError):
            trip.sudo().write({"odometer_in": 9000})

    def test_tolls_parking_and_rent_are_costs_under_the_vehicle_account(self):
        _request, trip = self._dispatched_trip()
        trip.with_user(self.driver_user).depart(10000)
        trip.with_user(self.driver_user).register_return(10100, 0, 30, 8)
        account = self.env.ref("office_fleet.analytic_account_vehicle_running")
        costs = trip.cost_ids
        self.assertEqual(sorted(costs.mapped("cost_type")), ["parking", "toll"])
        self.assertEqual(costs.analytic_account_id, account)
        self.assertEqual(sum(costs.analytic_line_id.mapped("amount")), -38)
        self.assertEqual(costs.analytic_line_id.auto_account_id, account)
        rented_request = self._approved_request(user=self.staff2)
        trip2 = self.env["office.fleet.trip"].browse(
            rented_request.with_user(self.dispatcher).dispatch(self.rented.id)
        )
        trip2.with_user(self.dispatcher).depart(500)
        trip2.with_user(self.dispatcher).register_return(600)
        rent = trip2.cost_ids
        self.assertEqual(rent.cost_type, "rental")
        self.assertEqual(rent.amount, 200)

    def test_only_the_driver_or_the_dispatcher_records_the_trip(self):
        _request, trip = self._dispatched_trip()
        with self.assertRaises(AccessError):
            trip.with_user(self.driver_user2).depart(10000)
        with self.assertRaises(UserError):
            trip.with_user(self.driver_user).write({"vehicle_id": self.car2.id})
        trip.with_user(self.dispatcher).depart(10000)
        self.assertEqual(trip.state, "out")

    def test_drivers_see_their_trips_and_applicants_theirs(self):
        _request, trip = self._dispatched_trip()
        Trip = self.env["office.fleet.trip"]
        self.assertEqual(
            Trip.with_user(self.driver_user).search([("id", "=", trip.id)]), trip
        )
        self.assertEqual(
            Trip.with_user(self.staff).search([("id", "=", trip.id)]), trip
        )
        self.assertFalse(
            Trip.with_user(self.driver_user2).search([("id", "=", trip.id)])
        )
        self.assertFalse(Trip.with_user(self.staff2).search([("id", "=", trip.id)]))

    def test_returned_trip_is_not_changed(self):
        _request, trip = self._dispatched_trip()
        trip.with_user(self.driver_user).depart(10000)
        trip.with_user(self.driver_user).register_return(10020)
        with self.assertRaises(UserError):
            trip.with_user(self.dispatcher).write({"odometer_in": 10500})
        with self.assertRaises(UserError):
            trip.with_user(self.dispatcher).unlink()

    def test_a_trip_without_request_is_flagged_unapproved(self):
        trip = (
            self.env["office.fleet.trip"]
            .with_user(self.dispatcher)
            .create(
                {
                    "vehicle_id": self.car2.id,
                    "driver_id": self.driver.id,
                    "reason": "临时送文件",
                    "destination": "市政府",
                    "company_id": self.company.id,
                }
            )
        )
        self.assertTrue(trip.unapproved)

    def test_monthly_publication_pdf_and_xlsx(self):
        _request, trip = self._dispatched_trip()
        # the trip is driven on Monday: the ledger takes the clock's times
        with freeze_time(self.MONDAY):
            trip.with_user(self.driver_user).depart(10000)
            trip.with_user(self.driver_user).register_return(10130, 10, 15, 0)
        self.assertEqual((trip.date_out, trip.date_in), (self.MONDAY, self.MONDAY))
        wizard = (
            self.env["office.fleet.publication.wizard"]
            .with_user(self.dispatcher)
            .create(
                {"year": 2026, "month": "11", "vehicle_ids": [(6, 0, self.car1.ids)]}
            )
        )
        [block] = wizard._publication_data(2026, 11, self.car1.ids)
        self.assertEqual(block["distance"], 130)
        self.assertEqual(block["costs"], 15)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "office_fleet.action_report_office_fleet_publication", wizard.ids
            )[0]
            .decode()
        )
        self.assertIn("测A·T0001", html)
        self.assertIn("下乡调研", html)
        content, kind = self.env["ir.actions.report"]._render(
            "office_fleet.action_report_office_fleet_publication_xlsx", wizard.ids
        )
        self.assertEqual(kind, "xlsx")
        with zipfile.ZipFile(io.BytesIO(content)) as book:
            strings = book.read("xl/sharedStrings.xml").decode()
            sheet = book.read("xl/worksheets/sheet1.xml").decode()
        self.assertIn("测A·T0001", strings)
        self.assertIn("下乡调研", strings)
        self.assertIn("<v>130</v>", sheet)
        empty = self.env["office.fleet.publication.wizard"].create(
            {"year": 2025, "month": "1"}
        )
        with self.assertRaises(UserError):
            empty.action_print_pdf()
