import threading

import psycopg2.errors

from odoo import SUPERUSER_ID, api
from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.office_base.tests.common import OfficeTestCase


@tagged("post_install", "-at_install")
class TestStampConcurrency(OfficeTestCase):
    """Two keepers stamp the same request at the same moment, each in a
    transaction of their own: one ledger entry is written, the other keeper
    is told the request is being (or has been) stamped.

    The two transactions must see the data, so it is committed from a cursor
    of its own and removed at the end."""

    def setUp(self):
        super().setUp()
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
            keepers = [
                new_test_user(
                    env,
                    login=f"seal_concurrent_keeper{i}",
                    groups="office_seal.group_seal_keeper",
                )
                for i in (1, 2)
            ]
            applicant = new_test_user(
                env,
                login="seal_concurrent_staff",
                groups="office_base.group_office_user",
            )
            principal = new_test_user(
                env,
                login="seal_concurrent_principal",
                groups="office_base.group_office_principal",
            )
            seal = env["office.seal"].create(
                {
                    "name": "并发测试章",
                    "custodian_id": keepers[0].id,
                    "deputy_custodian_id": keepers[1].id,
                    # one approval step (the principal leader's) is enough here
                    "director_approval": False,
                }
            )
            request = (
                env["office.seal.use.request"]
                .with_user(applicant)
                .create(
                    {
                        "seal_ids": [(6, 0, seal.ids)],
                        "use_category": "cat1",
                        "summary": "并发盖章测试",
                        "paper_only_reason": "纸质合同",
                        "stamp_count": 1,
                    }
                )
            )
            other = request.copy({"summary": "并发盖章测试（另一份）"})
            requests = request | other
            for record in requests:
                record.action_submit()
                review = record.sudo().review_ids.filtered(
                    lambda r: r.status == "pending"
                )
                review.with_user(principal).action_office_approve()
                self.assertEqual(record.state, "approved")
            self.keeper_ids = [k.id for k in keepers]
            self.user_ids = self.keeper_ids + [applicant.id, principal.id]
            self.seal_id = seal.id
            self.request_id, self.other_request_id = request.id, other.id
        self.addCleanup(self._cleanup)

    def _cleanup(self):
        request_ids = [self.request_id, self.other_request_id]
        model = "office.seal.use.request"
        with self.registry.cursor() as cr:
            cr.execute(
                "DELETE FROM office_seal_ledger WHERE seal_id = %s", [self.seal_id]
            )
            env = api.Environment(cr, SUPERUSER_ID, {})
            reviews = env[model].browse(request_ids).review_ids
            cr.execute(
                "DELETE FROM mail_message WHERE model = 'tier.review' "
                "AND res_id = ANY(%s)",
                [reviews.ids],
            )
            reviews.unlink()
            cr.execute(
                "DELETE FROM office_approval_history WHERE model = %s "
                "AND res_id = ANY(%s)",
                [model, request_ids],
            )
            cr.execute(
                "DELETE FROM office_seal_use_request WHERE id = ANY(%s)", [request_ids]
            )
            cr.execute(
                "DELETE FROM mail_message WHERE model = %s AND res_id = ANY(%s)",
                [model, request_ids],
            )
            for table in ("mail_activity", "mail_followers"):
                cr.execute(
                    f"DELETE FROM {table} WHERE res_model = %s AND res_id = ANY(%s)",
                    [model, request_ids],
                )
            env["office.seal"].browse(self.seal_id).unlink()
            users = env["res.users"].browse(self.user_ids)
            partners = users.partner_id
            users.unlink()
            partners.unlink()

    def _stamp(self, keeper_id, results, barrier, request_id=None):
        """Stamp in a transaction of its own, retried once on a serialization
        failure as Odoo retries a request."""
        for _attempt in range(2):
            try:
                with self.registry.cursor() as cr:
                    cr.transaction = api.Transaction(self.registry)
                    env = api.Environment(cr, keeper_id, {})
                    request = env["office.seal.use.request"].browse(
                        request_id or self.request_id
                    )
                    # the transaction's snapshot starts before the other stamps
                    request.read(["state"])
                    if barrier is not None:
                        barrier.wait(10)
                        barrier = None
                    request.stamp(1, [self.seal_id])
                    env.flush_all()
                results.append("stamped")
                return
            except UserError as error:
                results.append(f"refused: {error}")
                return
            except psycopg2.errors.SerializationFailure:
                continue
        results.append("failed")

    def _count_entries(self):
        with self.registry.cursor() as cr:
            cr.execute(
                "SELECT count(*) FROM office_seal_ledger WHERE request_id = %s",
                [self.request_id],
            )
            return cr.fetchone()[0]

    def test_two_keepers_at_once_produce_one_entry(self):
        results = []
        barrier = threading.Barrier(2)
        threads = [
            threading.Thread(target=self._stamp, args=(keeper_id, results, barrier))
            for keeper_id in self.keeper_ids
        ]
        # the refused lock is logged by the cursor; mute_logger is not thread
        # safe, so the test mutes it around both threads
        with mute_logger("odoo.sql_db"):
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(30)
        self.assertEqual(
            sorted(r.split(":")[0] for r in results), ["refused", "stamped"]
        )
        self.assertEqual(self._count_entries(), 1)

    def test_second_keeper_is_told_to_wait_while_the_first_stamps(self):
        """The first keeper holds the request's lock (stamping not committed
        yet): the second one is refused at once instead of waiting."""
        with self.registry.cursor() as cr1:
            cr1.transaction = api.Transaction(self.registry)
            env1 = api.Environment(cr1, self.keeper_ids[0], {})
            env1["office.seal.use.request"].browse(self.request_id).stamp(1)
            env1.flush_all()
            results = []
            thread = threading.Thread(
                target=self._stamp, args=(self.keeper_ids[1], results, None)
            )
            with mute_logger("odoo.sql_db"):
                thread.start()
                thread.join(30)
            self.assertEqual(len(results), 1)
            self.assertIn("being stamped by another keeper", results[0])
        self.assertEqual(self._count_entries(), 1)

    def test_two_requests_on_one_seal_at_once_are_numbered_in_turn(self):
        """Two keepers stamp two requests with the same seal at once: the
        later transaction is retried and both entries are chained."""
        results = []
        barrier = threading.Barrier(2)
        threads = [
            threading.Thread(
                target=self._stamp, args=(keeper_id, results, barrier, request_id)
            )
            for keeper_id, request_id in zip(
                self.keeper_ids, (self.request_id, self.other_request_id)
            )
        ]
        with mute_logger("odoo.sql_db"):
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(30)
        self.assertEqual(results, ["stamped", "stamped"])
        with self.registry.cursor() as cr:
            cr.execute(
                "SELECT sequence FROM office_seal_ledger WHERE seal_id = %s "
                "ORDER BY sequence",
                [self.seal_id],
            )
            self.assertEqual([row[0] for row in cr.fetchall()], [1, 2])
            env = api.Environment(cr, SUPERUSER_ID, {})
            seal = env["office.seal"].browse(self.seal_id)
            self.assertEqual(seal.verify_chain(), {"ok": True, "broken": []})
