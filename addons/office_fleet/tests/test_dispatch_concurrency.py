import datetime
import threading
import time

import psycopg2.errors

from odoo import SUPERUSER_ID, Command, api
from odoo.exceptions import ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.office_base.tests.common import OfficeTestCase

MAIL_LOGGER = "odoo.addons.mail.models.mail_mail"


@tagged("post_install", "-at_install")
class TestDispatchConcurrency(OfficeTestCase):
    """Two dispatchers book the same car for overlapping periods at the same
    moment, each in a transaction of their own: the second one waits for the
    first (row lock on the car), then sees its booking and is refused.

    Both transactions must see the data, so it is committed from a cursor of
    its own and removed at the end."""

    def setUp(self):
        super().setUp()
        start = datetime.datetime(2031, 3, 3, 1, 0)
        # the reviewers' and the applicant's e-mails go out at each commit;
        # the test database has no sender address
        self.enterContext(mute_logger(MAIL_LOGGER))
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
            brand = env["fleet.vehicle.model.brand"].create({"name": "并发测试牌"})
            model = env["fleet.vehicle.model"].create(
                {"name": "并发测试型", "brand_id": brand.id}
            )
            car = env["fleet.vehicle"].create(
                {"model_id": model.id, "license_plate": "并发·0001"}
            )
            drivers = env["hr.employee"].create(
                [
                    {
                        "name": f"并发测试驾驶员{i}",
                        "office_is_driver": True,
                        "office_licence_class": "B1",
                        "office_licence_expiry": "2099-12-31",
                    }
                    for i in (1, 2)
                ]
            )
            # a director (who dispatches) and a leader (approved by the office
            # director only) applies, approves and dispatches: the requests
            # reach "approved" through their transitions
            user = (
                env["res.users"]
                .with_context(no_reset_password=True)
                .create(
                    {
                        "name": "并发测试调度员",
                        "login": "office_fleet_concurrency_dispatcher",
                        "groups_id": [
                            Command.set(
                                [
                                    env.ref("base.group_user").id,
                                    env.ref("office_base.group_office_director").id,
                                    env.ref("office_base.group_office_leader").id,
                                ]
                            )
                        ],
                    }
                )
            )
            requests = (
                env["office.fleet.request"]
                .with_user(user)
                .create(
                    [
                        {
                            "reason": f"并发派车测试{i}",
                            "destination": "测试",
                            "date_start": start + datetime.timedelta(hours=i),
                            "date_end": start + datetime.timedelta(hours=i + 3),
                        }
                        for i in (0, 1)
                    ]
                )
            )
            requests.action_submit()
            for request in requests:
                review = request.sudo().review_ids.filtered(
                    lambda r: r.status == "pending"
                )
                review.with_user(user).action_office_approve()
            assert requests.mapped("state") == ["approved", "approved"]
            self.ids = {
                "brand": brand.id,
                "model": model.id,
                "car": car.id,
                "drivers": drivers.ids,
                "requests": requests.ids,
                "user": user.id,
                "partner": user.partner_id.id,
            }
        self.addCleanup(self._cleanup)

    def _cleanup(self):
        ids = self.ids
        with self.registry.cursor() as cr:
            for table, column, values in (
                ("tier_review", "res_id", ids["requests"]),
                ("mail_message", "res_id", ids["requests"]),
                ("mail_followers", "res_id", ids["requests"]),
                ("mail_activity", "res_id", ids["requests"]),
                ("office_fleet_trip", "request_id", ids["requests"]),
                ("office_fleet_request", "id", ids["requests"]),
                ("hr_employee", "id", ids["drivers"]),
                ("fleet_vehicle", "id", [ids["car"]]),
                ("fleet_vehicle_model", "id", [ids["model"]]),
                ("fleet_vehicle_model_brand", "id", [ids["brand"]]),
                ("res_users", "id", [ids["user"]]),
                ("res_partner", "id", [ids["partner"]]),
            ):
                extra = ""
                if table in ("mail_message", "tier_review"):
                    extra = " AND model = 'office.fleet.request'"
                elif table.startswith("mail_"):
                    extra = " AND res_model = 'office.fleet.request'"
                cr.execute(
                    f"DELETE FROM {table} WHERE {column} = ANY(%s){extra}",  # noqa: S608
                    [values],
                )

    def _env(self, cr):
        """The dispatcher's environment (the kernel checks the acting user)."""
        return api.Environment(cr, self.ids["user"], {"tracking_disable": True})

    def _blocked(self, pid):
        """Whether the backend `pid` waits for another transaction's lock."""
        with self.registry.cursor() as cr:
            cr.execute("SELECT cardinality(pg_blocking_pids(%s)) > 0", [pid])
            return cr.fetchone()[0]

    def test_second_dispatcher_waits_then_is_refused(self):
        # No lock_timeout: PostgreSQL under a shifted clock (scripts/test-dates)
        # fires its timeouts late. The wait is read from pg_blocking_pids.
        first_id, second_id = self.ids["requests"]
        driver1, driver2 = self.ids["drivers"]
        car = self.ids["car"]
        outcome = {}
        with self.registry.cursor() as cr1, self.registry.cursor() as cr2:
            env1 = self._env(cr1)
            env1["office.fleet.request"].browse(first_id).dispatch(car, driver1)
            env1.flush_all()
            cr2.execute("SELECT pg_backend_pid()")
            pid2 = cr2.fetchone()[0]

            def dispatch_second():
                cr2.transaction = api.Transaction(self.registry)
                env2 = self._env(cr2)
                env2["office.fleet.request"].browse(second_id).dispatch(car, driver2)
                env2.flush_all()

            def second_dispatcher():
                try:
                    try:
                        dispatch_second()
                    except psycopg2.errors.SerializationFailure as exc:
                        # the row lock made it wait; once the first booking
                        # is committed the transaction fails to serialize and
                        # is retried, as odoo.service.model.retrying does
                        outcome["waited"] = exc
                        cr2.rollback()
                        dispatch_second()
                except Exception as exc:  # judged below
                    outcome["error"] = exc
                finally:
                    cr2.rollback()

            thread = threading.Thread(target=second_dispatcher)
            with mute_logger("odoo.sql_db"):
                thread.start()
                # the first booking is not committed yet: the second dispatcher
                # cannot book the car behind its back, it has to wait
                for _attempt in range(200):
                    if self._blocked(pid2):
                        break
                    time.sleep(0.05)
                self.assertTrue(self._blocked(pid2), outcome)
                self.assertTrue(thread.is_alive())
                cr1.commit()
                thread.join(30)
        self.assertFalse(thread.is_alive())
        self.assertIsInstance(outcome.get("error"), ValidationError)
        self.assertIn("并发·0001", str(outcome["error"]))
        with self.registry.cursor() as cr3:
            second = self._env(cr3)["office.fleet.request"].browse(second_id)
            self.assertEqual(second.state, "approved")
