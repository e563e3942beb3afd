from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import OfficeExpenseCase


@tagged("post_install", "-at_install")
class TestReception(OfficeExpenseCase):
    def _approve_all(self, reception):
        self._approve(reception, self.director)
        self._approve(reception, self.admin_leader)
        if reception.reception_type == "important":
            self._approve(reception, self.finance_leader)
            self._approve(reception, self.principal)

    def test_dinner_for_8_bureau_guests_with_4_hosts_is_refused_naming_the_rule(self):
        reception = self._reception(guests=8, hosts=4, amount=1200)
        with self.assertRaisesRegex(UserError, "4 hosts at the table for 8 guests"):
            reception.with_user(self.staff).action_submit()
        self.assertEqual(reception.state, "draft")

    def test_3_hosts_pass_at_100_yuan_per_head(self):
        reception = self._reception(guests=8, hosts=3, amount=1100)
        reception.with_user(self.staff).action_submit()
        self._approve_all(reception)
        self.assertEqual(reception.state, "approved")

    def test_101_yuan_per_head_is_refused_for_bureau_guests(self):
        reception = self._reception(guests=8, hosts=3, amount=1111)
        with self.assertRaisesRegex(UserError, "101.00 yuan per person.*100.00 yuan"):
            reception.with_user(self.staff).action_submit()

    def test_the_standard_is_checked_again_at_approval(self):
        reception = self._reception(guests=8, hosts=3, amount=1100)
        reception.with_user(self.staff).action_submit()
        self._approve(reception, self.director)
        self._approve(reception, self.admin_leader)
        self._approve(reception, self.finance_leader)
        # the bureau-level meal standard is lowered before the last approval
        self.env["office.expense.standard"].create(
            {
                "kind": "reception_meal",
                "rank": "bureau",
                "amount": 90,
                "date_from": "2026-11-01",
            }
        )
        review = self._pending(reception)
        with self.assertRaisesRegex(UserError, "above the standard of 90.00 yuan"):
            review.with_user(self.principal).action_office_approve()

    def test_larger_groups_allow_a_third_of_the_guests_as_hosts(self):
        ok = self._reception(guests=15, hosts=5, amount=60 * 20, rank="section")
        ok.with_user(self.staff).action_submit()
        self.assertEqual(ok.state, "to_approve")
        too_many = self._reception(guests=15, hosts=6, amount=60 * 21, rank="section")
        with self.assertRaisesRegex(UserError, "at most 5"):
            too_many.with_user(self.staff).action_submit()

    def test_general_reception_goes_to_the_office_and_the_admin_leader_only(self):
        reception = self._reception(guests=4, hosts=2, amount=360, rank="section")
        self.assertEqual(reception.reception_type, "general")
        reception.with_user(self.staff).action_submit()
        self._approve(reception, self.director)
        self._approve(reception, self.admin_leader)
        self.assertEqual(reception.state, "approved")

    def test_important_reception_needs_the_finance_leader_and_the_principal(self):
        reception = self._reception(rank="division", guests=4, hosts=2, amount=360)
        self.assertEqual(reception.reception_type, "important")
        reception.with_user(self.staff).action_submit()
        self._approve(reception, self.director)
        self._approve(reception, self.admin_leader)
        self.assertEqual(self._pending(reception).reviewer_ids, self.finance_leader)
        self._approve(reception, self.finance_leader)
        self.assertEqual(reception.state, "to_approve")
        self._approve(reception, self.principal)
        self.assertEqual(reception.state, "approved")

    def test_no_meals_for_guests_from_the_same_city(self):
        reception = self._reception(guests=4, hosts=1, amount=200, same_city=True)
        with self.assertRaisesRegex(UserError, "same city"):
            reception.with_user(self.staff).action_submit()

    def test_no_rooms_for_guests_from_the_county(self):
        reception = self._reception(guests=2, hosts=1, amount=150, rank="section")
        reception.write(
            {
                "same_county": True,
                "line_ids": [
                    (0, 0, {"kind": "room", "date": self.TODAY, "amount": 200})
                ],
            }
        )
        with self.assertRaisesRegex(UserError, "No rooms"):
            reception.with_user(self.staff).action_submit()

    def test_alcohol_needs_the_discipline_commission_consent(self):
        reception = self._reception(guests=4, hosts=2, amount=360, alcohol=True)
        with self.assertRaisesRegex(UserError, "alcohol"):
            reception.with_user(self.staff).action_submit()

    def test_the_plan_is_frozen_once_submitted(self):
        reception = self._reception(guests=4, hosts=2, amount=360, rank="section")
        reception.with_user(self.staff).action_submit()
        with self.assertRaises(UserError):
            reception.line_ids.with_user(self.staff).write({"amount": 300})

    def test_a_cancelled_reception_is_deleted_with_its_plan(self):
        reception = self._reception(guests=4, hosts=2, amount=360, rank="section")
        reception.with_user(self.staff).action_submit()
        with self.assertRaises(UserError):
            reception.line_ids.with_user(self.staff).unlink()
        with self.assertRaises(UserError):
            reception.with_user(self.staff).unlink()
        reception.with_user(self.staff).action_cancel()
        lines = reception.line_ids
        reception.with_user(self.staff).unlink()
        self.assertFalse(lines.exists())

    def test_claim_needs_the_list_to_match_the_letter(self):
        reception = self._reception(guests=2, hosts=1, amount=180, rank="section")
        reception.with_user(self.staff).action_submit()
        self._approve(reception, self.director)
        self._approve(reception, self.admin_leader)
        reception.guest_ids = [(0, 0, {"name": "张三", "post": "科长"})]
        with self.assertRaisesRegex(UserError, "must match the letter"):
            reception.with_user(self.staff).claim()
        reception.guest_ids = [(0, 0, {"name": "李四", "post": "科员"})]
        sheet_id = reception.with_user(self.staff).claim()
        sheet = self.env["hr.expense.sheet"].browse(sheet_id)
        self.assertEqual(reception.state, "claimed")
        self.assertEqual(sheet.total_amount, 180)
        self.assertEqual(sheet.state, "submit")
        self.assertEqual(sheet.employee_id, self.staff.employee_id)
        account = self.env.ref("office_expense.analytic_account_reception")
        self.assertEqual(
            sheet.expense_line_ids.analytic_distribution, {str(account.id): 100}
        )
        self.assertFalse(reception.claim_late)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "office_expense.action_report_office_expense_reception", reception.ids
            )[0]
            .decode()
        )
        self.assertIn("李四", html)
        self.assertIn(self.director.name, html)

    def test_only_the_host_claims(self):
        reception = self._reception(guests=1, hosts=1, amount=100, rank="section")
        reception.with_user(self.staff).action_submit()
        self._approve(reception, self.director)
        self._approve(reception, self.admin_leader)
        reception.guest_ids = [(0, 0, {"name": "张三"})]
        with self.assertRaises(AccessError):
            reception.with_user(self.finance_clerk).claim()

    def test_staff_read_their_own_receptions_only(self):
        reception = self._reception(guests=1, hosts=1, amount=100)
        with self.assertRaises(AccessError):
            reception.with_user(self.staff2).read(["guest_unit"])
        reception.with_user(self.finance_clerk).read(["guest_unit"])
