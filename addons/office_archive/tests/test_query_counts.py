"""Query budgets of filing and of the lookup by archival code (issue:
performance), at small scale so that a regression fails the ordinary test run;
bench/ measures the same operations on 500,000 items."""

from odoo.tests import tagged

from odoo.addons.office_base.tests.common import QueryCountMixin

from .common import OfficeArchiveCase


@tagged("post_install", "-at_install")
class TestQueryCounts(QueryCountMixin, OfficeArchiveCase):
    def _file_one(self):
        self._filed(title="查询计数测试")

    def test_filing_queries_do_not_grow_with_the_archive(self):
        few = self._queries(self._file_one)
        for _i in range(30):
            self._file_one()
        many = self._queries(self._file_one)
        self.assertEqual(few, many)
        # compiling and filing one item (counter, code, chatter)
        self.assertLessEqual(many, 40)

    def test_lookup_by_archival_code(self):
        item = self._filed()
        Item = self.env["office.archive.item"].with_user(self.archivist)
        Item.search([("name", "=", "Z109-WS·1999-Y-BGS-9999")])  # warm caches
        with self.assertQueryCount(5):
            found = Item.search([("name", "=", item.name)])
        self.assertEqual(found, item)
