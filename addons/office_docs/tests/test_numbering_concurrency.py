import threading
import time

from odoo import SUPERUSER_ID, api
from odoo.service.model import (
    MAX_TRIES_ON_CONCURRENCY_FAILURE,
    PG_CONCURRENCY_EXCEPTIONS_TO_RETRY,
)
from odoo.tests import tagged

from odoo.addons.office_base.tests.common import OfficeTestCase


@tagged("post_install", "-at_install")
class TestNumberingConcurrency(OfficeTestCase):
    """Two outgoing documents numbered at the same moment, in two
    transactions, get consecutive numbers: the second transaction waits for
    the first one's lock on the counter, then is retried as Odoo retries a
    request on a serialization failure.

    The data must be committed for the two transactions to see it: it is
    created in its own cursor and removed at the end."""

    CODE = "并发测试发"

    def setUp(self):
        super().setUp()
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            code = env["office.issuing.code"].create({"name": self.CODE})
            drafter = env.ref("base.user_admin")
            notice = env.ref("office_docs.document_type_notice")
            docs = env["office.outgoing.document"].create(
                [
                    {
                        "title": f"并发编号测试{i}",
                        "type_id": notice.id,
                        "issuing_code_id": code.id,
                        "drafter_id": drafter.id,
                    }
                    for i in (1, 2)
                ]
            )
            # signed and first-read earlier: the state the numbering starts from
            docs._workflow_set_state("first_read")
            self.code_id, self.doc_ids = code.id, docs.ids
        self.addCleanup(self._cleanup)

    def _cleanup(self):
        with self.registry.cursor() as cr:
            cr.execute(
                "DELETE FROM mail_message WHERE model = %s AND res_id = ANY(%s)",
                ["office.outgoing.document", self.doc_ids],
            )
            cr.execute(
                "DELETE FROM mail_followers WHERE res_model = %s AND res_id = ANY(%s)",
                ["office.outgoing.document", self.doc_ids],
            )
            cr.execute(
                "DELETE FROM office_outgoing_document WHERE id = ANY(%s)",
                [self.doc_ids],
            )
            cr.execute("DELETE FROM office_issuing_code WHERE id = %s", [self.code_id])

    def _number(self, doc_id, results, hold=None, started=None):
        """Number a document in a transaction of its own, retried on a
        serialization failure as Odoo retries a request
        (odoo.service.model.retrying, which cannot run in a thread here: it
        reopens the registry whose lock the test runner holds). With `hold`,
        the transaction stays open until the event is set."""
        for attempt in range(1, MAX_TRIES_ON_CONCURRENCY_FAILURE + 1):
            try:
                with self.registry.cursor() as cr:
                    cr.transaction = api.Transaction(self.registry)
                    env = api.Environment(cr, SUPERUSER_ID, {})
                    if started is not None:
                        started.set()
                    doc = env["office.outgoing.document"].browse(doc_id)
                    # the numbering step itself (the clerk's checks are
                    # tested elsewhere)
                    doc._do_number()
                    env.flush_all()
                    if hold is not None:
                        results["first_numbered"].set()
                        hold.wait(10)
                    results[doc_id] = doc.number
                # committed when leaving the block
                results[f"tries_{doc_id}"] = attempt
                return
            except PG_CONCURRENCY_EXCEPTIONS_TO_RETRY:
                time.sleep(0.1 * attempt)
        raise AssertionError("still failing after the retries")

    def test_two_transactions_get_consecutive_numbers(self):
        first, second = self.doc_ids
        release = threading.Event()
        second_started = threading.Event()
        results = {"first_numbered": threading.Event()}
        errors = []

        def run(*args, **kwargs):
            try:
                self._number(*args, **kwargs)
            except Exception as exc:  # reported below
                errors.append(exc)

        one = threading.Thread(
            target=run, args=(first, results), kwargs={"hold": release}
        )
        one.start()
        self.assertTrue(results["first_numbered"].wait(10), errors)
        two = threading.Thread(
            target=run, args=(second, results), kwargs={"started": second_started}
        )
        two.start()
        self.assertTrue(second_started.wait(10))
        time.sleep(1.0)
        # the second transaction waits on the first one's counter row
        self.assertTrue(two.is_alive(), errors)
        self.assertNotIn(second, results)
        release.set()
        one.join(30)
        two.join(30)
        self.assertFalse(errors, errors)
        self.assertEqual(results[first], "并发测试发〔%s〕1号" % self._year())
        self.assertEqual(results[second], "并发测试发〔%s〕2号" % self._year())
        self.assertGreaterEqual(results[f"tries_{second}"], 2)
        with self.registry.cursor() as cr:
            cr.execute(
                "SELECT last_number FROM office_issuing_counter WHERE code_id = %s",
                [self.code_id],
            )
            self.assertEqual(cr.fetchall(), [(2,)])

    def _year(self):
        return self.env["office.issuing.code"]._office_today().year
