import datetime

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import OfficeFleetCase
from .test_vehicle import VehicleTests


@tagged("post_install", "-at_install")
class TestRequest(VehicleTests, OfficeFleetCase):
    allow_inherited_tests_method = True  # the mixed-in tests share this set-up

    def test_staff_request_goes_to_the_director_then_the_principal(self):
        request = self._request()
        self.assertEqual(request.state, "to_approve")
        self.assertIn(self.director, self._pending_review(request).reviewer_ids)
        with self.assertRaises(AccessError):
            self._pending_review(request).with_user(
                self.principal
            ).action_office_approve()
        self._approve(request, self.director)
        self.assertEqual(request.state, "to_approve")
        self.assertIn(self.principal, self._pending_review(request).reviewer_ids)
        self._approve(request, self.principal)
        self.assertEqual(request.state, "approved")
        self.assertEqual(request.approver_ids, self.director | self.principal)

    def test_leaders_business_needs_only_the_director_and_comes_first(self):
        request = self._request(user=self.deputy, leader_business=True)
        self._approve(request, self.director)
        self.assertEqual(request.state, "approved")
        normal = self._request(submit=False)
        urgent = self._request(submit=False, urgent=True)
        ordered = self.env["office.fleet.request"].search(
            [("id", "in", (request | normal | urgent).ids)]
        )
        self.assertEqual(ordered[0], request)
        self.assertEqual(ordered[1], urgent)

    def test_non_working_day_needs_the_leader_beforehand(self):
        saturday = datetime.datetime(2026, 11, 21, 1, 0)
        request = self._request(start=saturday, submit=False)
        self.assertTrue(request.non_working_day)
        with self.assertRaises(UserError):
            request.action_submit()
        request.leader_id = self.deputy
        request.action_submit()
        self._approve(request, self.director)
        self.assertIn(self.deputy, self._pending_review(request).reviewer_ids)
        self._approve(request, self.deputy)
        self._approve(request, self.principal)
        self.assertEqual(request.state, "approved")
        # and the filing with the discipline commission before dispatch
        with self.assertRaises(UserError):
            request.with_user(self.dispatcher).dispatch(self.car1.id, self.driver.id)
        request.with_user(self.dispatcher).discipline_filed = True
        request.with_user(self.dispatcher).dispatch(self.car1.id, self.driver.id)
        self.assertEqual(request.state, "dispatched")

    def test_national_day_is_a_non_working_day(self):
        request = self._request(
            start=datetime.datetime(2026, 10, 2, 1, 0), submit=False
        )
        self.assertTrue(request.non_working_day)
        make_up = self._request(
            start=datetime.datetime(2026, 10, 10, 1, 0), submit=False
        )
        self.assertFalse(make_up.non_working_day)

    def test_overlapping_booking_is_refused(self):
        first, _trip = self._dispatched_trip()
        self.assertEqual(first.state, "dispatched")
        second = self._approved_request(
            user=self.staff2, start=self.MONDAY + datetime.timedelta(hours=2)
        )
        with (
            self.assertRaisesRegex(ValidationError, "重叠时段已被"),
            self.env.cr.savepoint(),
        ):
            second.with_user(self.dispatcher).dispatch(self.car1.id, self.driver2.id)
        self.env.invalidate_all()
        self.assertEqual(second.state, "approved")
        # the same driver is not in two cars at once either
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            second.with_user(self.dispatcher).dispatch(self.car2.id, self.driver.id)
        self.env.invalidate_all()
        # and writing the booking directly is refused as well (the state
        # changes through the dispatch only, even as superuser)
        with self.assertRaises(UserError), self.env.cr.savepoint():
            second.sudo().write(
                {
                    "state": "dispatched",
                    "vehicle_id": self.car1.id,
                    "driver_id": self.driver2.id,
                }
            )
        self.env.invalidate_all()
        self.assertEqual(second.state, "approved")
        second.with_user(self.dispatcher).dispatch(self.car2.id, self.driver2.id)
        self.assertEqual(second.vehicle_id, self.car2)

    def test_back_to_back_bookings_do_not_overlap(self):
        self._dispatched_trip()
        later = self._approved_request(start=self.MONDAY + datetime.timedelta(hours=4))
        later.with_user(self.dispatcher).dispatch(self.car1.id, self.driver.id)
        self.assertEqual(later.state, "dispatched")

    def test_free_cars_are_offered_then_a_rental(self):
        self._dispatched_trip(car=self.car1, driver=self.driver)
        request = self._approved_request(user=self.staff2)
        free = request.get_free_vehicles()
        self.assertNotIn(self.car1.id, free)
        self.assertIn(self.car2.id, free)
        self.assertNotIn(self.rented.id, free)
        self.assertIn(self.rented.id, request.get_free_vehicles(rented=True))
        self.assertIn(self.driver2.id, request.get_free_drivers())
        self.assertNotIn(self.driver.id, request.get_free_drivers())
        self.car2.office_state = "repair"
        self.car3.office_state = "sealed"
        self.env["fleet.vehicle"].search(
            [("id", "in", free), ("id", "not in", (self.car2 | self.car3).ids)]
        ).office_state = "repair"
        self.assertFalse(request.get_free_vehicles())
        wizard = (
            self.env["office.fleet.dispatch.wizard"]
            .with_user(self.dispatcher)
            .with_context(default_request_id=request.id)
            .create({})
        )
        self.assertTrue(wizard.no_official_car)
        self.assertTrue(wizard.use_rental)
        self.assertTrue(wizard.vehicle_id.is_rented)
        wizard.vehicle_id = self.rented
        wizard.driver_id = False
        wizard.action_confirm()
        self.assertEqual(request.vehicle_id, self.rented)
        self.assertTrue(request.is_rented)

    def test_sealed_or_repaired_cars_are_not_dispatched(self):
        request = self._approved_request()
        self.car1.office_state = "sealed"
        with self.assertRaises(UserError):
            request.with_user(self.dispatcher).dispatch(self.car1.id, self.driver.id)

    def test_driver_needs_a_valid_licence(self):
        request = self._approved_request()
        self.driver.office_licence_expiry = "2026-01-01"
        with self.assertRaises(UserError):
            request.with_user(self.dispatcher).dispatch(self.car1.id, self.driver.id)
        with self.assertRaises(UserError):
            request.with_user(self.dispatcher).dispatch(self.car1.id, False)

    def test_only_the_dispatcher_dispatches_an_approved_request(self):
        draft = self._request(submit=False)
        with self.assertRaises(UserError):
            draft.with_user(self.dispatcher).dispatch(self.car1.id, self.driver.id)
        request = self._approved_request()
        with self.assertRaises(AccessError):
            request.with_user(self.staff).dispatch(self.car1.id, self.driver.id)

    def test_staff_see_their_own_requests_only(self):
        mine = self._request(submit=False)
        other = self._request(user=self.staff2, submit=False)
        Request = self.env["office.fleet.request"]
        visible = Request.with_user(self.staff).search(
            [("id", "in", (mine | other).ids)]
        )
        self.assertEqual(visible, mine)
        everything = Request.with_user(self.dispatcher).search(
            [("id", "in", (mine | other).ids)]
        )
        self.assertEqual(everything, mine | other)

    def test_nothing_changes_after_submission(self):
        request = self._request()
        with self.assertRaises(UserError):
            request.with_user(self.staff).write({"destination": "长沙"})
        with self.assertRaises(UserError):
            request.with_user(self.staff).write({"state": "approved"})
        with self.assertRaises(UserError):
            request.with_user(self.staff).write({"vehicle_id": self.car1.id})
        with self.assertRaises(AccessError):
            request.with_user(self.staff).write({"discipline_filed": True})

    def test_refusal_then_new_round(self):
        request = self._request()
        self._pending_review(request).with_user(self.director).office_refuse("请拼车")
        self.assertEqual(request.state, "refused")
        request.with_user(self.staff).action_draft()
        self.assertEqual(request.state, "draft")
        self.assertFalse(request.review_ids)

    def test_cancel_frees_the_car(self):
        request, trip = self._dispatched_trip()
        request.with_user(self.staff).action_cancel()
        self.assertEqual(trip.state, "cancel")
        other = self._approved_request(user=self.staff2)
        other.with_user(self.dispatcher).dispatch(self.car1.id, self.driver.id)
        self.assertEqual(other.state, "dispatched")

    def test_dispatch_activity_and_slip(self):
        request = self._approved_request()
        activity_type = self.env.ref("office_fleet.mail_act_office_fleet_dispatch")
        self.assertIn(activity_type, request.activity_ids.activity_type_id)
        request.with_user(self.dispatcher).dispatch(self.car1.id, self.driver.id)
        self.assertNotIn(activity_type, request.activity_ids.activity_type_id)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "office_fleet.action_report_office_fleet_request", request.ids
            )[0]
            .decode()
        )
        self.assertIn("测A·T0001", html)
        self.assertIn(self.driver.name, html)
        self.assertIn(request.name, html)
