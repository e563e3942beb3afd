import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import OfficeFleetCase


@tagged("post_install", "-at_install")
class TestSealing(OfficeFleetCase):
    def _plan(self):
        Plan = self.env["office.fleet.sealing.plan"].with_user(self.dispatcher)
        [(first, last)] = Plan.find_breaks("2026-09-28", "2026-10-02", self.company.id)
        # a plan kept from earlier (demo data) makes way for the test's own
        Plan.sudo().search([("date_from", "=", first)]).unlink()
        return Plan.propose(first, last, self.company.id)

    def test_breaks_of_three_days_or_more_from_the_calendar(self):
        Plan = self.env["office.fleet.sealing.plan"]
        breaks = Plan.find_breaks("2026-09-20", "2026-10-10", self.company.id)
        # Mid-Autumn Festival and National Day 2026; 9/20 and 10/10 are make-up days
        self.assertEqual(
            breaks, [("2026-09-25", "2026-09-27"), ("2026-10-01", "2026-10-07")]
        )
        calendar = self.env["office.calendar"]
        self.assertTrue(
            calendar.is_working_day(datetime.date(2026, 10, 8), self.company)
        )
        # an ordinary weekend is not a break
        self.assertFalse(Plan.find_breaks("2026-11-16", "2026-11-22", self.company.id))

    def test_national_day_seals_every_car_without_an_approved_trip(self):
        start = datetime.datetime(2026, 10, 2, 1, 0)
        request = self._approved_request(
            start=start, leader_id=self.deputy.id, leader_business=False
        )
        request.with_user(self.dispatcher).discipline_filed = True
        request.with_user(self.dispatcher).dispatch(self.car3.id, self.driver.id)
        plan = self._plan()
        self.assertEqual(
            (plan.date_from, plan.date_to),
            (datetime.date(2026, 10, 1), datetime.date(2026, 10, 7)),
        )
        self.assertLessEqual(
            self.car1 | self.car2 | self.car3, plan.line_ids.vehicle_id
        )
        self.assertNotIn(self.rented, plan.line_ids.vehicle_id)
        plan.with_user(self.dispatcher).action_seal()
        self.assertEqual(plan.state, "sealed")
        self.assertEqual(
            (self.car1 | self.car2).mapped("office_state"), ["sealed", "sealed"]
        )
        self.assertEqual(self.car3.office_state, "available")
        self.assertTrue(
            plan.line_ids.filtered(lambda ln: ln.vehicle_id == self.car3).exempt
        )
        self.assertEqual(self.rented.office_state, "available")
        keys = self.env["office.fleet.key.log"].search(
            [("vehicle_id", "in", (self.car1 | self.car2).ids)]
        )
        self.assertEqual(len(keys), 2)
        self.assertEqual(keys.to_user_id, self.dispatcher)
        self.assertEqual(plan.keeper_id, self.dispatcher)
        with self.assertRaises(UserError):
            keys[0].write({"note": "改"})
        with self.assertRaises(UserError):
            keys.unlink()
        # the exempt car still goes out on its approved trip
        trip = request.trip_ids
        trip.with_user(self.driver_user).depart(30000)
        self.assertFalse(trip.sealed_violation)

    def test_a_trip_logged_on_a_sealed_car_is_flagged(self):
        plan = self._plan()
        plan.with_user(self.dispatcher).action_seal()
        trip = (
            self.env["office.fleet.trip"]
            .with_user(self.dispatcher)
            .create(
                {
                    "vehicle_id": self.car1.id,
                    "driver_id": self.driver.id,
                    "reason": "私自出车",
                    "destination": "景区",
                    "company_id": self.company.id,
                }
            )
        )
        self.assertFalse(trip.sealed_violation, "not yet out")
        trip.with_user(self.driver_user).depart(10000)
        self.assertTrue(trip.sealed_violation)
        self.assertEqual(self.car1.office_state, "sealed", "still sealed")
        trip.with_user(self.driver_user).register_return(10080)
        plan.with_user(self.dispatcher).action_unseal()
        self.assertEqual(self.car1.office_state, "available")
        line = plan.line_ids.filtered(lambda ln: ln.vehicle_id == self.car1)
        self.assertTrue(line.odometer_moved)
        flagged = self.env["office.fleet.trip"].search(
            [("vehicle_id", "=", self.car1.id), ("sealed_violation", "=", True)]
        )
        self.assertEqual(flagged, trip, "the recorded trip explains the distance")

    def test_an_odometer_moved_while_sealed_is_flagged(self):
        plan = self._plan()
        plan.with_user(self.dispatcher).action_seal()
        self.env["fleet.vehicle.odometer"].create(
            {"vehicle_id": self.car2.id, "value": 20150, "date": "2026-10-03"}
        )
        plan.with_user(self.dispatcher).action_unseal()
        [gap] = self.env["office.fleet.trip"].search(
            [("vehicle_id", "=", self.car2.id), ("sealed_violation", "=", True)]
        )
        self.assertEqual(gap.distance, 150)
        self.assertTrue(gap.unapproved)
        self.assertEqual(self.car1.office_state, "available")

    def test_only_the_dispatcher_seals(self):
        plan = self._plan()
        with self.assertRaises(AccessError):
            plan.with_user(self.staff).action_seal()
        with self.assertRaises(AccessError):
            plan.with_user(self.staff).write({"name": "x"})

    @freeze_time("2026-09-15")
    def test_cron_proposes_each_break_once(self):
        Plan = self.env["office.fleet.sealing.plan"]
        Plan._cron_propose_plans()
        domain = [
            ("company_id", "=", self.company.id),
            ("date_from", "in", ("2026-09-25", "2026-10-01")),
        ]
        plans = Plan.search(domain)
        self.assertEqual(
            sorted(plans.mapped("date_from")),
            [datetime.date(2026, 9, 25), datetime.date(2026, 10, 1)],
        )
        self.assertEqual(
            plans[0].date_to - plans[0].date_from,
            datetime.timedelta(days=2)
            if plans[0].date_from.day == 25
            else plans[0].date_to - plans[0].date_from,
        )
        Plan._cron_propose_plans()
        self.assertEqual(Plan.search(domain), plans)
