from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import OfficeExpenseCase


@tagged("post_install", "-at_install")
class TestSpendingRequest(OfficeExpenseCase):
    def _through_the_one_pen(self, request):
        self._approve(request, self.finance_clerk)
        self._approve(request, self.discipline)
        self._approve(request, self.finance_leader)

    def test_below_5000_the_finance_leader_is_the_last_step(self):
        request = self._spending(3000)
        request.with_user(self.staff).action_submit()
        self._through_the_one_pen(request)
        self.assertEqual(request.state, "approved")

    def test_6000_yuan_needs_the_principal_after_the_finance_leader(self):
        request = self._spending(6000)
        request.with_user(self.staff).action_submit()
        self._through_the_one_pen(request)
        self.assertEqual(request.state, "to_approve")
        self.assertIn(self.principal, self._pending(request).reviewer_ids)
        self._approve(request, self.principal)
        self.assertEqual(request.state, "approved")

    def test_25000_yuan_waits_for_an_agency_affairs_meeting(self):
        request = self._spending(25000, payment_method="transfer")
        request.with_user(self.staff).action_submit()
        self._through_the_one_pen(request)
        self._approve(request, self.principal)
        self.assertEqual(request.state, "to_approve")
        waiting = self._pending(request)
        self.assertIn("meeting", waiting.definition_id.name)
        self._approve(request, self.principal)
        self.assertEqual(request.state, "approved")

    def test_the_finance_leaders_own_spending_goes_to_the_principal(self):
        request = self._spending(800, user=self.finance_leader)
        request.with_user(self.finance_leader).action_submit()
        self._approve(request, self.finance_clerk)
        self._approve(request, self.discipline)
        self.assertIn(self.principal, self._pending(request).reviewer_ids)
        self._approve(request, self.principal)
        self.assertEqual(request.state, "approved")

    def test_no_cash_from_500_yuan(self):
        request = self._spending(500, payment_method="cash")
        with self.assertRaisesRegex(UserError, "never in cash"):
            request.with_user(self.staff).action_submit()
        small = self._spending(499, payment_method="cash")
        small.with_user(self.staff).action_submit()
        self.assertEqual(small.state, "to_approve")

    def test_the_thresholds_live_in_the_approval_steps(self):
        step = self.env.ref("office_expense.tier_definition_request_principal")
        step.definition_domain = "[('amount', '>', 10000)]"
        request = self._spending(6000)
        request.with_user(self.staff).action_submit()
        self._through_the_one_pen(request)
        self.assertEqual(request.state, "approved")

    def test_claimed_as_an_expense_report(self):
        request = self._spending(3000, category="reception")
        request.with_user(self.staff).action_submit()
        self._through_the_one_pen(request)
        sheet = self.env["hr.expense.sheet"].browse(
            request.with_user(self.staff).claim()
        )
        self.assertEqual(request.state, "claimed")
        self.assertEqual(sheet.total_amount, 3000)
        self.assertEqual(sheet.office_origin, request.name)
        with self.assertRaises(UserError):
            request.with_user(self.staff).claim()

    def test_the_amount_is_positive(self):
        with self.assertRaises(UserError):
            self._spending(-1)
