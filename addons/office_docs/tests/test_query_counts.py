"""Query budgets of the operations users feel (issue: performance), at small
scale so that a regression fails the ordinary test run; bench/ measures the
same operations at agency scale."""

from odoo.tests import tagged

from .common import OfficeDocsCase


@tagged("post_install", "-at_install")
class TestQueryCounts(OfficeDocsCase):
    def _queries(self, func):
        self.env.invalidate_all()
        func()  # warm-up: a server answers with warm caches
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        func()
        self.env.flush_all()
        return self.env.cr.sql_log_count - before

    def _register(self, count):
        Incoming = self.env["office.incoming.document"].with_user(self.clerk)
        return Incoming.create(
            [
                {"sender_id": self.province.id, "title": f"批量来文{i}"}
                for i in range(count)
            ]
        )

    def test_lookup_by_registration_number(self):
        doc = self._incoming()
        Incoming = self.env["office.incoming.document"].with_user(self.clerk)
        with self.assertQueryCount(5):
            found = Incoming.search([("name", "=", doc.name)])
        self.assertEqual(found, doc)

    def test_registration_cost_per_document_is_small_and_flat(self):
        one = self._queries(lambda: self._register(1))
        twenty = self._queries(lambda: self._register(20))
        # one gap-free block of numbers per batch; what grows is one write of
        # each document's number
        self.assertLessEqual(twenty - one, 19 * 3, (one, twenty))

    def test_list_view_queries_do_not_grow_with_rows(self):
        Incoming = self.env["office.incoming.document"].with_user(self.clerk)
        arch_fields = Incoming.get_views([(False, "list")])["models"][
            "office.incoming.document"
        ]["fields"]
        spec = {
            name: {"fields": {"display_name": {}}}
            if Incoming._fields[name].relational
            else {}
            for name in arch_fields
        }

        def list_view():
            Incoming.web_search_read([], spec, limit=80, count_limit=10001)

        self._register(5)
        few = self._queries(list_view)
        self._register(40)
        many = self._queries(list_view)
        self.assertLessEqual(many, few + 2, (few, many))
