from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import OfficeFleetCase


@tagged("post_install", "-at_install")
class TestFleetWeb(OfficeFleetCase, HttpCase):
    """Request on a desktop, approve, dispatch and record the trip on a phone."""

    # Chrome's idle preconnect sockets are closed by the test server after 5 s
    # and werkzeug logs that as an error ("Request timed out") on a loaded
    # machine; a real failure still fails the tour.
    @mute_logger("werkzeug")
    def test_request_approve_dispatch_trip(self):
        # the dates typed in the tour are in the Chinese format
        (self.staff | self.principal | self.dispatcher).lang = "zh_CN"
        self.start_tour(
            "/odoo/action-office_fleet.office_fleet_request_action",
            "office_fleet_request_submit",
            login=self.staff.login,
        )
        request = self.env["office.fleet.request"].search(
            [("reason", "=", "浏览器测试用车")]
        )
        self.assertEqual(request.applicant_id, self.staff)
        self.assertEqual(request.state, "to_approve")
        self._approve(request, self.director)
        self.browser_size = "390x844"
        self.touch_enabled = True
        self.start_tour(
            "/odoo/action-office_base.tier_review_action_office_inbox",
            "office_fleet_phone_approve",
            login=self.principal.login,
        )
        self.assertEqual(request.state, "approved")
        # only our car is free for the dispatcher to choose first
        self.env["fleet.vehicle"].search(
            [("id", "!=", self.car1.id), ("is_rented", "=", False)]
        ).office_state = "repair"
        self.start_tour(
            f"/odoo/action-office_fleet.office_fleet_request_action/{request.id}",
            "office_fleet_phone_dispatch",
            login=self.dispatcher.login,
        )
        self.assertEqual(request.state, "dispatched")
        trip = request.trip_ids
        self.driver_user.lang = "zh_CN"
        self.start_tour(
            f"/odoo/action-office_fleet.office_fleet_trip_action/{trip.id}",
            "office_fleet_phone_trip",
            login=self.driver_user.login,
        )
        self.assertEqual(request.state, "done")
        self.assertEqual(
            (trip.vehicle_id, trip.state, trip.distance), (self.car1, "done", 66)
        )
        self.assertEqual(trip.toll_amount, 15)
        odometers = self.env["fleet.vehicle.odometer"].search(
            [("vehicle_id", "=", self.car1.id)]
        )
        self.assertIn(10086, odometers.mapped("value"))
