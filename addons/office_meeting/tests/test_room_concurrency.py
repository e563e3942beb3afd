import datetime
import threading
import time

import psycopg2.errors

from odoo import SUPERUSER_ID, Command, api
from odoo.service.model import _as_validation_error
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.office_base.tests.common import OfficeTestCase


@tagged("post_install", "-at_install")
class TestRoomConcurrency(OfficeTestCase):
    """Two clerks book the same room for overlapping times at the same
    moment, each in a transaction of their own: the second waits for the
    first (the exclusion constraint of the table), then gets a clear message.

    Both transactions must see the data, so it is committed from a cursor of
    its own and removed at the end."""

    def setUp(self):
        super().setUp()
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
            room = env["office.meeting.room"].create(
                {"name": "并发测试会议室", "capacity": 10}
            )
            users = (
                env["res.users"]
                .with_context(no_reset_password=True)
                .create(
                    [
                        {
                            "name": f"并发测试文书{i}",
                            "login": f"office_meeting_concurrency_{i}",
                            "groups_id": [
                                Command.set(
                                    [
                                        env.ref("office_base.group_office_clerk").id,
                                        env.ref("office_base.group_office_leader").id,
                                    ]
                                )
                            ],
                        }
                        for i in (1, 2)
                    ]
                )
            )
            self.ids = {
                "room": room.id,
                "users": users.ids,
                "partners": users.partner_id.ids,
            }
        self.addCleanup(self._cleanup)

    def _cleanup(self):
        ids = self.ids
        with self.registry.cursor() as cr:
            cr.execute(
                "SELECT id FROM office_meeting WHERE room_id = %s", [ids["room"]]
            )
            meetings = [row[0] for row in cr.fetchall()]
            for table, column, values in (
                ("mail_message", "res_id", meetings),
                ("mail_followers", "res_id", meetings),
                ("mail_activity", "res_id", meetings),
                ("office_meeting", "id", meetings),
                ("office_meeting_room", "id", [ids["room"]]),
                ("res_users", "id", ids["users"]),
                ("res_partner", "id", ids["partners"]),
            ):
                extra = ""
                if table == "mail_message":
                    extra = " AND model = 'office.meeting'"
                elif table.startswith("mail_"):
                    extra = " AND res_model = 'office.meeting'"
                cr.execute(
                    f"DELETE FROM {table} WHERE {column} = ANY(%s){extra}",  # noqa: S608
                    [values],
                )

    def _book(self, cr, user_id, hours):
        env = api.Environment(cr, user_id, {"tracking_disable": True})
        start = datetime.datetime(2031, 3, 3, 1, 0) + datetime.timedelta(hours=hours)
        env["office.meeting"].create(
            {
                "subject": f"并发订会议室{user_id}",
                "kind_id": env.ref("office_meeting.kind_special").id,
                "chair_id": user_id,
                "date_start": start,
                "date_end": start + datetime.timedelta(hours=2),
                "room_id": self.ids["room"],
            }
        )
        env.flush_all()
        return env

    def _blocked(self, pid):
        with self.registry.cursor() as cr:
            cr.execute("SELECT cardinality(pg_blocking_pids(%s)) > 0", [pid])
            return cr.fetchone()[0]

    def test_second_clerk_waits_then_gets_a_clear_message(self):
        # No lock_timeout: the wait is read from pg_blocking_pids.
        first, second = self.ids["users"]
        outcome = {}
        with self.registry.cursor() as cr1, self.registry.cursor() as cr2:
            self._book(cr1, first, 0)
            cr2.execute("SELECT pg_backend_pid()")
            pid2 = cr2.fetchone()[0]

            def second_clerk():
                cr2.transaction = api.Transaction(self.registry)
                try:
                    self._book(cr2, second, 1)
                except psycopg2.errors.ExclusionViolation as exc:
                    env = api.Environment(cr2, second, {"lang": "en_US"})
                    cr2.rollback()
                    outcome["error"] = _as_validation_error(env, exc)
                except Exception as exc:  # judged below
                    outcome["other"] = exc
                finally:
                    cr2.rollback()

            thread = threading.Thread(target=second_clerk)
            with mute_logger("odoo.sql_db"):
                thread.start()
                for _attempt in range(200):
                    if self._blocked(pid2):
                        break
                    time.sleep(0.05)
                # the first booking is not committed yet: the second clerk
                # cannot book the room behind its back, it has to wait
                self.assertTrue(self._blocked(pid2), outcome)
                cr1.commit()
                thread.join(30)
        self.assertFalse(thread.is_alive())
        self.assertNotIn("other", outcome)
        self.assertIn("already booked", str(outcome.get("error")))
        with self.registry.cursor() as cr3:
            cr3.execute(
                "SELECT count(*) FROM office_meeting WHERE room_id = %s",
                [self.ids["room"]],
            )
            self.assertEqual(cr3.fetchone()[0], 1)
