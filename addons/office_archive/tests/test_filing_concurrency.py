import random
import threading
import time

import psycopg2.errors

from odoo import SUPERUSER_ID, api
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.office_base.tests.common import OfficeTestCase


@tagged("post_install", "-at_install")
class TestFilingConcurrency(OfficeTestCase):
    """Two archivists file 100 items of one filing unit at the same time,
    each item in a transaction of its own (retried on a serialization
    failure as Odoo retries a request); some filings are rolled back. The
    items get the numbers 0001–0100, with no gap and no duplicate.

    The transactions must see the data, so it is committed from cursors of
    their own and removed at the end."""

    ITEMS_PER_THREAD = 50

    def setUp(self):
        super().setUp()
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
            self.user_ids = [
                new_test_user(
                    env,
                    login=f"arc_concurrent_{i}",
                    groups="office_archive.group_archivist",
                ).id
                for i in (1, 2)
            ]
            self.fonds_id = (
                env["office.archive.fonds"]
                .create({"code": "ZC01", "name": "并发测试全宗"})
                .id
            )
            self.unit_id = (
                env["office.archive.unit"]
                .create({"code": "BFC", "name": "并发测试机构"})
                .id
            )
            self.category_id = env.ref("office_archive.category_ws").id
            self.retention_id = env.ref("office_archive.retention_y").id
        self.addCleanup(self._cleanup)

    def _cleanup(self):
        with self.registry.cursor() as cr:
            cr.execute(
                "SELECT id FROM office_archive_item WHERE fonds_id = %s",
                [self.fonds_id],
            )
            item_ids = [row[0] for row in cr.fetchall()]
            for table in ("mail_message", "mail_followers", "mail_activity"):
                column = "model" if table == "mail_message" else "res_model"
                cr.execute(
                    f"DELETE FROM {table} WHERE {column} = 'office.archive.item' "
                    "AND res_id = ANY(%s)",
                    [item_ids],
                )
            cr.execute(
                "DELETE FROM office_archive_item WHERE fonds_id = %s", [self.fonds_id]
            )
            cr.execute(
                "DELETE FROM office_archive_counter WHERE fonds_id = %s",
                [self.fonds_id],
            )
            env = api.Environment(cr, SUPERUSER_ID, {})
            env["office.archive.unit"].browse(self.unit_id).unlink()
            env["office.archive.fonds"].browse(self.fonds_id).unlink()
            users = env["res.users"].browse(self.user_ids)
            partners = users.partner_id
            users.unlink()
            partners.unlink()

    def _file_one(self, user_id, title, rollback=False):
        """Create and file one item in a transaction of its own; retried on
        a serialization failure after a random pause (two filings racing
        on a loaded machine collide again when retried at once). Returns
        the number, or None if rolled back."""
        for attempt in range(50):
            try:
                with self.registry.cursor() as cr:
                    cr.transaction = api.Transaction(self.registry)
                    env = api.Environment(cr, user_id, {"tracking_disable": True})
                    item = env["office.archive.item"].create(
                        {
                            "title": title,
                            "fonds_id": self.fonds_id,
                            "category_id": self.category_id,
                            "year": 2026,
                            "retention_id": self.retention_id,
                            "unit_id": self.unit_id,
                        }
                    )
                    item.action_file()
                    env.flush_all()
                    number = item.item_number
                    if rollback:
                        cr.rollback()
                        return None
                return number
            except psycopg2.errors.SerializationFailure:
                time.sleep(random.uniform(0, 0.01 * (attempt + 1)))
        raise AssertionError("filing kept failing")

    def _worker(self, user_id, barrier, results, errors):
        try:
            barrier.wait(10)
            for i in range(self.ITEMS_PER_THREAD):
                # every 10th filing is abandoned before commit
                if i % 10 == 5:
                    self._file_one(user_id, f"作废 {user_id}-{i}", rollback=True)
                results.append(self._file_one(user_id, f"文件 {user_id}-{i}"))
        except Exception as error:  # reported in the main thread
            errors.append(error)

    def test_one_hundred_items_in_two_transactions_are_gap_free(self):
        results, errors = [], []
        barrier = threading.Barrier(2)
        threads = [
            threading.Thread(
                target=self._worker, args=(user_id, barrier, results, errors)
            )
            for user_id in self.user_ids
        ]
        with mute_logger("odoo.sql_db"):
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(120)
        self.assertFalse(errors)
        self.assertEqual(sorted(results), list(range(1, 101)))
        with self.registry.cursor() as cr:
            cr.execute(
                "SELECT name, item_number, create_uid FROM office_archive_item "
                "WHERE fonds_id = %s ORDER BY item_number",
                [self.fonds_id],
            )
            rows = cr.fetchall()
        self.assertEqual([row[1] for row in rows], list(range(1, 101)))
        self.assertEqual(rows[0][0], "ZC01-WS·2026-Y-BFC-0001")
        self.assertEqual(rows[-1][0], "ZC01-WS·2026-Y-BFC-0100")
        self.assertEqual(len({row[0] for row in rows}), 100)
        # both archivists filed, interleaved
        self.assertEqual({row[2] for row in rows}, set(self.user_ids))
