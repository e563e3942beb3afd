import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import OfficeFleetCase


@tagged("post_install", "-at_install")
class TestWorkflow(OfficeFleetCase):
    """The records of office_fleet change state only through the transitions
    of office_base's workflow kernel, checked for the acting user whether
    sudo or not; no context key grants anything; the routing of approvals,
    the fuel and sealing numbers come from data."""

    def _sealing_plan(self):
        Plan = self.env["office.fleet.sealing.plan"].with_user(self.dispatcher)
        [(first, last)] = Plan.find_breaks("2026-09-28", "2026-10-02", self.company.id)
        Plan.sudo().search([("date_from", "=", first)]).unlink()
        return Plan.propose(first, last, self.company.id)

    def _assert_refused(self, records, call, state, exception=AccessError):
        """`call(records)` is refused for the given user, sudo or not, and
        the state of the records stays `state`."""
        for env_records in (records, records.sudo()):
            with self.assertRaises(exception), self.env.cr.savepoint():
                call(env_records)
            self.env.invalidate_all()
            self.assertEqual(set(records.sudo().mapped("state")), {state})

    # ------------------------------------------------------------------
    # (a) each transition is refused to a user without the right
    # ------------------------------------------------------------------

    def test_request_transitions_refused_without_the_right(self):
        draft = self._request(submit=False)
        self._assert_refused(
            draft.with_user(self.staff2), lambda r: r.action_submit(), "draft"
        )
        approved = self._approved_request()
        self._assert_refused(
            approved.with_user(self.staff),
            lambda r: r.dispatch(self.car1.id, self.driver.id),
            "approved",
        )
        self.assertFalse(approved.vehicle_id)
        self._assert_refused(
            approved.with_user(self.staff2), lambda r: r.action_cancel(), "approved"
        )
        # approving or refusing is the reviewers' decision, not a button
        self._assert_refused(
            approved.with_user(self.staff),
            lambda r: r._workflow_run("refuse"),
            "approved",
            UserError,
        )
        pending = self._request()
        self._assert_refused(
            pending.with_user(self.director),
            lambda r: r._workflow_run("approve"),
            "to_approve",
            UserError,
        )
        _request, trip = self._dispatched_trip(start=self.MONDAY.replace(hour=6))
        self._assert_refused(
            trip.request_id.with_user(self.driver_user2),
            lambda r: r._workflow_run("done"),
            "dispatched",
            UserError,
        )

    def test_repair_transitions_refused_without_the_right(self):
        repair = (
            self.env["office.fleet.repair"]
            .with_user(self.driver_user)
            .create(
                {
                    "vehicle_id": self.car1.id,
                    "description": "异响",
                    "estimated_amount": 300,
                    "leader_id": self.deputy.id,
                    "company_id": self.company.id,
                }
            )
        )
        self._assert_refused(
            repair.with_user(self.staff), lambda r: r.action_submit(), "draft"
        )
        repair.with_user(self.driver_user).action_submit()
        self._approve(repair, self.director)
        self._approve(repair, self.deputy)
        self._assert_refused(
            repair.with_user(self.driver_user), lambda r: r.action_start(), "approved"
        )
        self.assertEqual(self.car1.office_state, "available")
        repair.with_user(self.dispatcher).action_start()
        self._assert_refused(
            repair.with_user(self.driver_user),
            lambda r: r.register_done(100),
            "in_repair",
        )
        self.assertFalse(repair.service_log_id)

    def test_trip_transitions_refused_without_the_right(self):
        _request, trip = self._dispatched_trip()
        self._assert_refused(
            trip.with_user(self.driver_user2), lambda t: t.depart(10000), "planned"
        )
        self._assert_refused(
            trip.with_user(self.driver_user2), lambda t: t.action_cancel(), "planned"
        )
        self.assertFalse(trip.odometer_ids)
        trip.with_user(self.driver_user).depart(10000)
        self._assert_refused(
            trip.with_user(self.driver_user2),
            lambda t: t.register_return(10100),
            "out",
        )
        self.assertFalse(trip.odometer_in)

    def test_sealing_fuel_and_accident_transitions_refused_without_the_right(self):
        plan = self._sealing_plan()
        self._assert_refused(
            plan.with_user(self.staff), lambda p: p.action_seal(), "draft"
        )
        self._assert_refused(
            plan.with_user(self.staff), lambda p: p.action_cancel(), "draft"
        )
        self.assertFalse(plan.line_ids.filtered("sealed_at"))
        plan.with_user(self.dispatcher).action_seal()
        self._assert_refused(
            plan.with_user(self.driver_user), lambda p: p.action_unseal(), "sealed"
        )
        Log = self.env["office.fleet.fuel.log"].with_user(self.driver_user)
        values = {
            "vehicle_id": self.car2.id,
            "driver_id": self.driver.id,
            "card_no": self.car2.fuel_card_no,
            "date": "2026-11-01",
            "company_id": self.company.id,
        }
        for odometer, liters in ((20000, 40), (20500, 40), (21000, 80)):
            log = Log.create(
                {**values, "odometer": odometer, "liters": liters, "amount": 300}
            )
            log.action_confirm()
        self.assertTrue(log.anomaly)
        self._assert_refused(
            log.with_user(self.driver_user),
            lambda lg: lg.action_mark_reviewed(),
            "confirmed",
        )
        self.assertFalse(log.anomaly_reviewed)
        accident = (
            self.env["office.fleet.accident"]
            .with_user(self.driver_user)
            .create({"vehicle_id": self.car2.id, "place": "车库"})
        )
        accident.action_report()
        self._assert_refused(
            accident.with_user(self.driver_user),
            lambda a: a.action_close(),
            "reported",
        )

    # ------------------------------------------------------------------
    # (b) nobody writes a state, not even the administrator or superuser
    # ------------------------------------------------------------------

    def test_nobody_writes_a_state_directly(self):
        request, trip = self._dispatched_trip()
        plan = self._sealing_plan()
        accident = self.env["office.fleet.accident"].create(
            {"vehicle_id": self.car2.id, "place": "车库"}
        )
        admin = self.env.ref("base.user_admin")
        for record, state in (
            (request, "done"),
            (trip, "done"),
            (plan, "sealed"),
            (accident, "closed"),
        ):
            before = record.state
            for env_record in (record.with_user(admin), record.sudo()):
                with self.assertRaises(UserError), self.env.cr.savepoint():
                    env_record.write({"state": state})
            self.assertEqual(record.state, before)
        for model, values in (
            (
                "office.fleet.request",
                {
                    "reason": "直接批准",
                    "destination": "市里",
                    "date_start": self.MONDAY,
                    "date_end": self.MONDAY + datetime.timedelta(hours=1),
                    "state": "approved",
                },
            ),
            (
                "office.fleet.trip",
                {
                    "vehicle_id": self.car2.id,
                    "reason": "补录",
                    "destination": "市里",
                    "state": "done",
                },
            ),
        ):
            with self.assertRaises(UserError), self.env.cr.savepoint():
                self.env[model].sudo().create(values)
        # nor the flag of a trip used while sealed
        with self.assertRaises(UserError), self.env.cr.savepoint():
            trip.sudo().write({"sealed_violation": True})
        self.assertFalse(trip.sealed_violation)

    # ------------------------------------------------------------------
    # (c) the removed context keys change nothing
    # ------------------------------------------------------------------

    def test_context_keys_grant_nothing(self):
        keys = {
            "office_fleet_now": "2026-09-30 10:00:00",
            "skip_validation_check": True,
            "office_tier_decision": True,
            "office_workflow_transition": True,
        }
        request = self._request()
        with self.assertRaises(UserError), self.env.cr.savepoint():
            request.with_user(self.staff).with_context(**keys).write(
                {"state": "approved"}
            )
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self._approved_request(user=self.staff2).with_user(self.staff).with_context(
                **keys
            ).sudo().dispatch(self.car1.id, self.driver.id)
        self.assertEqual(request.state, "to_approve")
        # the sealing takes the clock's time, whatever the caller says
        plan = self._sealing_plan()
        plan.with_user(self.dispatcher).with_context(**keys).action_seal()
        sealed_at = set(plan.line_ids.filtered("sealed_at").mapped("sealed_at"))
        self.assertEqual(sealed_at, {datetime.datetime(2026, 11, 18, 2, 0)})
        keys_log = self.env["office.fleet.key.log"].search(
            [("sealing_line_id", "in", plan.line_ids.ids)]
        )
        self.assertEqual(set(keys_log.mapped("at")), sealed_at)

    # ------------------------------------------------------------------
    # Data, not code
    # ------------------------------------------------------------------

    def test_routing_follows_the_tier_definitions(self):
        """An admin who edits a step sees the next request routed the new
        way: no approver is hard-coded beside the definitions."""
        step = self.env.ref("office_fleet.tier_definition_request_director")
        step.write(
            {
                "review_type": "individual",
                "reviewer_id": self.finance.id,
                "reviewer_group_id": False,
            }
        )
        request = self._request()
        reviewers = self._pending_review(request).reviewer_ids
        self.assertIn(self.finance, reviewers)
        self.assertNotIn(self.director, reviewers)
        with self.assertRaises(AccessError):
            self._pending_review(request).with_user(
                self.director
            ).action_office_approve()
        self._approve(request, self.finance)
        self._approve(request, self.principal)
        self.assertEqual(request.state, "approved")
        # the principal's step no longer applies once its domain excludes staff
        self.env.ref("office_fleet.tier_definition_request_principal").write(
            {"definition_domain": "[('purpose', '=', 'reception')]"}
        )
        other = self._request(user=self.staff2)
        self._approve(other, self.finance)
        self.assertEqual(other.state, "approved")

    def test_fuel_anomaly_numbers_are_company_settings(self):
        self.company.write(
            {
                "office_fleet_fuel_anomaly_ratio": 1.2,
                "office_fleet_fuel_rolling_logs": 1,
            }
        )
        Log = self.env["office.fleet.fuel.log"].with_user(self.driver_user)
        logs = Log
        for odometer, liters in ((10000, 40), (10500, 40), (11000, 50), (11500, 50)):
            log = Log.create(
                {
                    "vehicle_id": self.car1.id,
                    "driver_id": self.driver.id,
                    "card_no": self.car1.fuel_card_no,
                    "liters": liters,
                    "amount": liters * 7.8,
                    "odometer": odometer,
                    "date": "2026-11-01",
                    "company_id": self.company.id,
                }
            )
            log.action_confirm()
            logs |= log
        # 10 L/100 km is 25 % over 8: flagged with a ratio of 1.2
        self.assertEqual(logs.mapped("anomaly"), [False, False, True, False])
        # the average is over the last log only
        self.assertAlmostEqual(logs[3].rolling_average, 10.0)

    def test_sealing_numbers_are_company_settings(self):
        Plan = self.env["office.fleet.sealing.plan"]
        self.company.office_fleet_sealing_min_days = 4
        breaks = Plan.find_breaks("2026-09-20", "2026-10-10", self.company.id)
        self.assertEqual(breaks, [("2026-10-01", "2026-10-07")])
        self.company.office_fleet_sealing_min_days = 3
        self.company.office_fleet_sealing_lookahead_days = 6
        domain = [("company_id", "=", self.company.id)]
        Plan.search(domain + [("date_from", ">=", "2026-09-25")]).unlink()
        with freeze_time("2026-09-20 02:00:00"):
            created = Plan.browse(Plan._cron_propose_plans())
        # Mid-Autumn (from 9/25) is within 6 days, National Day (10/1) is not
        self.assertEqual(
            created.filtered_domain(domain).mapped("date_from"),
            [datetime.date(2026, 9, 25)],
        )

    def test_demo_helpers_are_not_on_production_models(self):
        for model in (
            "office.fleet.request",
            "office.fleet.repair",
            "office.fleet.trip",
            "office.fleet.sealing.plan",
        ):
            helpers = [
                name for name in dir(self.env[model]) if name.startswith("_demo")
            ]
            self.assertFalse(helpers, model)
