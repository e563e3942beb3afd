"""Query budgets of the stock-take, at small scale, so that a regression
fails the ordinary test run: a scan costs the same whatever the size of the
stock-take, and starting a stock-take does not query per asset."""

from odoo.tests import tagged

from odoo.addons.office_base.tests.common import QueryCountMixin

from .common import OfficeAssetCase


@tagged("post_install", "-at_install")
class TestQueryCounts(QueryCountMixin, OfficeAssetCase):
    def _assets(self, count):
        Asset = self.env["office.asset"].with_user(self.manager)
        assets = Asset.create(
            [
                {
                    "name": f"椅子{i}",
                    "kind": "furniture",
                    "department_id": self.dep_budget.id,
                    "historical_cost": 100,
                }
                for i in range(count)
            ]
        )
        assets.action_register()
        return assets

    def _started(self):
        take = (
            self.env["office.asset.stocktake"]
            .with_user(self.finance)
            .create({"department_ids": [(6, 0, self.dep_budget.ids)]})
        )
        take.action_start()
        return take

    def test_a_scan_costs_the_same_in_a_larger_stocktake(self):
        assets = self._assets(3)
        small = self._started().with_user(self.staff2)
        codes = iter(assets.mapped("code"))
        few = self._queries(lambda: small.scan(next(codes)))
        more = self._assets(40)
        large = self._started().with_user(self.staff2)
        codes = iter(more.mapped("code"))
        many = self._queries(lambda: large.scan(next(codes)))
        self.assertEqual(few, many)
        self.assertLessEqual(many, 30)

    def test_starting_a_stocktake_does_not_query_per_asset(self):
        self._assets(3)
        few = self._queries(self._started)
        self._assets(40)
        many = self._queries(self._started)
        self.assertLessEqual(many - few, 3)
