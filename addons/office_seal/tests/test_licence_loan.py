from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import OfficeSealCase


@tagged("post_install", "-at_install")
class TestLicenceLoan(OfficeSealCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.licence = cls.env["office.licence"].create(
            {
                "name": "统一社会信用代码证书",
                "kind": "credit_code",
                "number": "TEST-LOAN-1",
                "custodian_id": cls.keeper.id,
            }
        )

    def _loan(self, submit=True, **vals):
        now = fields.Datetime.now()
        loan = (
            self.env["office.licence.loan"]
            .with_user(self.staff)
            .create(
                {
                    "licence_id": self.licence.id,
                    "purpose": "银行开户核验原件",
                    "date_out": now,
                    "expected_return": now + timedelta(hours=4),
                    **vals,
                }
            )
        )
        if submit:
            loan.action_submit()
        return loan

    def test_lent_with_approval_and_back(self):
        loan = self._loan()
        review = self._pending_review(loan)
        for intruder in (self.staff, self.keeper, self.deputy):
            with self.assertRaises(AccessError):
                review.with_user(intruder).action_office_approve()
        with self.assertRaises(UserError):
            loan.with_user(self.keeper).action_hand_out()
        review.with_user(self.director).action_office_approve()
        self.assertEqual(loan.state, "approved")
        with self.assertRaises(AccessError):
            loan.with_user(self.other_keeper).action_hand_out()
        loan.with_user(self.keeper).action_hand_out()
        self.assertEqual(loan.state, "out")
        self.assertTrue(self.licence.is_out)
        self.assertEqual(self.licence.current_loan_id, loan)
        # a second loan waits for the original
        other = self._loan()
        self._approve(other, self.director)
        with self.assertRaisesRegex(UserError, "already lent"):
            other.with_user(self.keeper).action_hand_out()
        loan.with_user(self.keeper).check_in("完好")
        self.assertEqual(loan.state, "returned")
        self.assertEqual(loan.returned_to_id, self.keeper)
        self.assertFalse(self.licence.is_out)

    def test_the_licence_is_not_lent_by_hand(self):
        loan = self._loan()
        with self.assertRaises(UserError):
            self.licence.with_user(self.keeper).write({"current_loan_id": loan.id})
        with self.assertRaises(UserError):
            loan.with_user(self.staff).write({"state": "out"})

    def test_bad_dates_and_expired_licence(self):
        now = fields.Datetime.now()
        loan = self._loan(submit=False, expected_return=now - timedelta(hours=1))
        with self.assertRaises(UserError):
            loan.action_submit()
        self.licence.expiry_date = fields.Date.today() - timedelta(days=1)
        loan = self._loan(submit=False)
        with self.assertRaisesRegex(UserError, "expired"):
            loan.action_submit()
        self.assertEqual(loan.state, "draft")

    def test_overdue_reminder(self):
        now = fields.Datetime.now()
        loan = self._loan(
            date_out=now - timedelta(days=2), expected_return=now - timedelta(days=1)
        )
        self._approve(loan, self.director)
        loan.with_user(self.keeper).action_hand_out()
        self.assertTrue(loan.is_overdue)
        Loan = self.env["office.licence.loan"]
        self.assertIn(loan, Loan.search([("is_overdue", "=", True)]))
        Loan._cron_remind_overdue()
        Loan._cron_remind_overdue()
        activity_type = self.env.ref("office_seal.mail_act_office_licence_return")
        activities = loan.activity_ids.filtered(
            lambda a: a.activity_type_id == activity_type
        )
        self.assertEqual(len(activities), 1)
        self.assertEqual(activities.user_id, self.keeper)
        loan.with_user(self.keeper).check_in()
        self.assertFalse(loan.activity_ids)

    def test_overdue_licence_activity_summary_is_in_the_custodians_language(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.keeper.lang = "zh_CN"
        now = fields.Datetime.now()
        loan = self._loan(
            date_out=now - timedelta(days=2), expected_return=now - timedelta(days=1)
        )
        self._approve(loan, self.director)
        loan.with_user(self.keeper).action_hand_out()
        self.env["office.licence.loan"].with_context(
            lang="en_US"
        )._cron_remind_overdue()
        activity = loan.activity_ids.filtered(
            lambda a: (
                a.activity_type_id
                == self.env.ref("office_seal.mail_act_office_licence_return")
            )
        )
        self.assertEqual(activity.summary, "证照原件未按时归还")

    def test_who_sees_the_loans(self):
        loan = self._loan()
        Loan = self.env["office.licence.loan"]
        self.assertEqual(Loan.with_user(self.staff).search([]), loan)
        self.assertFalse(Loan.with_user(self.staff2).search([]))
        self.assertEqual(Loan.with_user(self.keeper).search([]), loan)
        with self.assertRaises(AccessError):
            loan.with_user(self.keeper).check_access("write")
        self.assertFalse(Loan.with_user(self.other_keeper).search([]))
        self.assertIn(loan, Loan.with_user(self.director).search([]))
