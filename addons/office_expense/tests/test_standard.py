import datetime

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import OfficeExpenseCase


@tagged("post_install", "-at_install")
class TestStandard(OfficeExpenseCase):
    def test_a_newer_standard_applies_from_its_date(self):
        Standard = self.env["office.expense.standard"]
        Standard.create(
            {"kind": "travel_meal", "amount": 110, "date_from": "2026-12-01"}
        )
        before = self._travel(region=self.region_hn, days=1)
        after = self._travel(
            region=self.region_hn, start=datetime.date(2026, 12, 2), days=1
        )
        self.assertEqual(before.meal_allowance, 100)
        self.assertEqual(after.meal_allowance, 110)

    def test_the_region_standard_wins_over_the_general_one(self):
        Standard = self.env["office.expense.standard"]
        day = self.TODAY
        self.assertEqual(
            Standard._amount("travel_meal", day, region=self.region_xj), 120
        )
        self.assertEqual(
            Standard._amount("travel_meal", day, region=self.region_hn), 100
        )

    def test_seeded_standards_cite_their_rule(self):
        standards = self.env["office.expense.standard"].search([])
        self.assertTrue(standards)
        self.assertFalse(standards.filtered(lambda s: "002" not in (s.citation or "")))

    def test_a_missing_standard_is_a_clear_error(self):
        with self.assertRaisesRegex(UserError, "ask the finance section"):
            self.env["office.expense.standard"]._amount(
                "travel_lodging", self.TODAY, region=self.region_xj
            )

    def test_only_the_finance_section_changes_the_standards(self):
        standard = self.env.ref("office_expense.standard_travel_transport")
        with self.assertRaises(AccessError):
            standard.with_user(self.staff).write({"amount": 100})
        standard.with_user(self.finance_clerk).write({"amount": 90})
        self.assertEqual(standard.amount, 90)
