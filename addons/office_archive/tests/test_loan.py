import base64
import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.office_base.tools import granted

from .common import OfficeArchiveCase


@tagged("post_install", "-at_install")
class TestLoan(OfficeArchiveCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.open_item = cls.env["office.archive.item"].create(
            {
                "title": "公开文件",
                "fonds_id": cls.fonds.id,
                "category_id": cls.ws.id,
                "year": 2025,
                "retention_id": cls.ret_y.id,
                "unit_id": cls.unit_bgs.id,
                "department_id": cls.dep_office.id,
            }
        )
        cls.secret_item = cls.env["office.archive.item"].create(
            {
                "title": "秘密文件",
                "fonds_id": cls.fonds.id,
                "category_id": cls.ws.id,
                "year": 2025,
                "retention_id": cls.ret_y.id,
                "unit_id": cls.unit_bgs.id,
                "department_id": cls.dep_legal.id,
                "secrecy_level": "secret",
                "secrecy_years": 10,
                "need_to_know_user_ids": [(4, cls.budget_head.id)],
            }
        )
        (cls.open_item | cls.secret_item).with_user(cls.archivist).action_file()

    def test_due_date_counts_working_days_over_national_day(self):
        loan = self._loan(self.open_item)
        calendar = self.env["office.calendar"]
        # Friday 25 September 2026: 28, 29, 30 September, then 8 and 9 October
        self.assertEqual(
            loan.due_date, calendar.add_working_days(datetime.date(2026, 9, 25), 5)
        )
        self.assertEqual(loan.due_date, datetime.date(2026, 10, 9))
        self.assertNotEqual(loan.due_date, datetime.date(2026, 9, 30))
        with self.assertRaises(ValidationError):
            self._loan(self.open_item, days=6)
        short = self._loan(self.open_item, days=1)
        self.assertEqual(short.due_date, datetime.date(2026, 9, 28))

    def test_non_secret_loan_needs_one_approval(self):
        loan = self._loan(self.open_item)
        self.assertFalse(loan.is_secret)
        self.assertEqual(loan.borrow_lead_id, self.budget_head)
        loan.with_user(self.staff).action_submit()
        self.assertEqual(loan.state, "to_approve")
        self.assertEqual(len(loan.sudo().review_ids), 1)
        with self.assertRaises(UserError):
            loan.with_user(self.archivist).action_lend()
        self.assertEqual(self._approve_next(loan), self.budget_head)
        self.assertEqual(loan.state, "approved")
        with self.assertRaises(AccessError):
            loan.with_user(self.staff).action_lend()
        loan.with_user(self.archivist).action_lend()
        self.assertEqual(loan.state, "lent")
        self.assertEqual(self.open_item.state, "on_loan")
        with self.assertRaises(UserError):
            loan.with_user(self.staff).write({"days": 2})

    def test_secret_loan_needs_all_four_approvals(self):
        loan = self._loan(
            self.secret_item, user=self.budget_head, leader_id=self.leader.id
        )
        self.assertTrue(loan.is_secret)
        self.assertFalse(loan.is_confidential_clerk)
        self.assertEqual(loan.owner_lead_id, self.legal_head)
        loan.with_user(self.budget_head).action_submit()
        self.assertEqual(len(loan.sudo().review_ids), 4)
        approvers = []
        for _step in range(3):
            approvers.append(self._approve_next(loan))
            self.assertEqual(loan.state, "to_approve")
            with self.assertRaises(UserError):
                loan.with_user(self.archivist).action_lend()
        approvers.append(self._approve_next(loan))
        self.assertEqual(approvers[0], self.budget_head)
        self.assertEqual(approvers[1], self.legal_head)
        self.assertIn(
            approvers[2], self.env.ref("office_base.group_office_director").users
        )
        self.assertEqual(approvers[3], self.leader)
        self.assertEqual(loan.state, "approved")
        loan.with_user(self.archivist).action_lend()
        self.assertEqual(self.secret_item.state, "on_loan")

    def test_secret_loan_is_approved_by_the_producing_departments_leader(
        self,
    ):
        # 002 篇6 机关档案保密制度 四: 征得产生机密档案科室负责人的同意后,
        # 报分管该科室业务的副局长批准
        deputy = self._user(
            "arc_deputy_legal", "office_base.group_office_leader", None, "important"
        )
        self.dep_legal.office_leader_id = deputy
        loan = self._loan(
            self.secret_item, user=self.budget_head, leader_id=self.leader.id
        )
        loan.with_user(self.budget_head).action_submit()
        self.assertEqual(loan.leader_id, deputy)
        reviewers = loan.sudo().review_ids.reviewer_ids
        self.assertIn(deputy, reviewers)
        self.assertIn(self.legal_head, reviewers)
        self.assertNotIn(self.leader, reviewers)
        self._approve_next(loan)
        review = self._pending(loan)
        review.with_user(self.legal_head).office_refuse("无需借阅原件")
        self.assertEqual(loan.state, "refused")
        with self.assertRaises(UserError):
            loan.with_user(self.archivist).action_lend()

    def test_secret_archives_are_never_lent_outside(self):
        # 002 篇6 机关档案保密制度 四: 机密档案概不外借
        external = self._loan(
            self.secret_item,
            user=self.archivist,
            external=True,
            external_org="某会计师事务所 王某",
            intro_letter=base64.b64encode(b"letter"),
            work_id_card=base64.b64encode(b"id"),
        )
        with self.assertRaisesRegex(UserError, "never lent outside"):
            external.with_user(self.archivist).action_submit()
        self.assertEqual(external.state, "draft")
        take_out = self._loan(self.secret_item, user=self.budget_head, kind="take_out")
        with self.assertRaisesRegex(UserError, "never taken out"):
            take_out.with_user(self.budget_head).action_submit()
        # 003 第三十一条 as the company's choice: taken out with approval
        self.env.company.archive_secret_take_out = True
        take_out.with_user(self.budget_head).action_submit()
        self.assertEqual(take_out.state, "to_approve")
        with self.assertRaisesRegex(UserError, "never lent outside"):
            external.with_user(self.archivist).action_submit()

    def test_confidential_items_also_need_the_confidential_clerk(self):
        # raised as an approved classification decision applies it (with
        # office_secrecy installed nothing else may change the level)
        with granted("office_classification_decision", self.secret_item):
            self.secret_item.sudo().write(
                {"secrecy_level": "confidential", "secrecy_years": 20}
            )
        loan = self._loan(
            self.secret_item,
            user=self.archivist,
            borrower_id=self.budget_head.id,
            leader_id=self.leader.id,
        )
        self.assertTrue(loan.is_confidential_clerk)
        loan.with_user(self.archivist).action_submit()
        self.assertEqual(len(loan.sudo().review_ids), 5)
        self.assertIn(self.clerk, loan.sudo().review_ids.reviewer_ids)

    def test_external_borrower_needs_a_letter_and_the_office_director(self):
        loan = self._loan(
            self.open_item,
            user=self.archivist,
            external=True,
            external_org="市审计局 李四",
        )
        with self.assertRaises(UserError):
            loan.with_user(self.archivist).action_submit()
        loan.intro_letter = base64.b64encode(b"%PDF letter")
        loan.work_id_card = base64.b64encode(b"%PDF work id")
        loan.with_user(self.archivist).action_submit()
        reviews = loan.sudo().review_ids
        self.assertEqual(len(reviews), 1)
        self.assertIn(self.office_head, reviews.reviewer_ids)

    def test_external_borrower_shows_letter_and_work_id_003_31(self):
        # 003 第三十一条（二）1: 需提供单位介绍信和工作证
        loan = self._loan(
            self.open_item,
            user=self.archivist,
            external=True,
            external_org="市审计局 李四",
            intro_letter=base64.b64encode(b"%PDF letter"),
        )
        with self.assertRaisesRegex(UserError, "work ID"):
            loan.with_user(self.archivist).action_submit()
        self.assertEqual(loan.state, "draft")
        self.assertFalse(loan.sudo().review_ids)
        loan.work_id_card = base64.b64encode(b"%PDF work id")
        loan.with_user(self.archivist).action_submit()
        self.assertEqual(loan.state, "to_approve")

    def test_display_loan_returned_within_a_year_002_6(self):
        # 002 篇6 机关实物档案归档制度: 摆放展示的…一年后再归还档案管理中心
        trophy = self._filed(carrier="physical", received_date="2026-01-05")
        loan = self._loan(trophy, kind="display", loan_date="2026-09-25")
        self.assertEqual(str(loan.due_date), "2027-09-25")
        loan.with_user(self.staff).action_submit()
        self.assertEqual(loan.state, "to_approve")
        paper = self._loan(self.open_item, kind="display")
        with self.assertRaisesRegex(UserError, "physical objects"):
            paper.with_user(self.staff).action_submit()

    def _lent(self, item=None):
        loan = self._loan(item or self.open_item)
        loan.with_user(self.staff).action_submit()
        self._approve_next(loan)
        loan.with_user(self.archivist).action_lend()
        return loan

    def test_return_checks_the_items(self):
        loan = self._lent()
        with self.assertRaises(UserError):
            loan.with_user(self.archivist).take_back("damaged", "")
        with self.assertRaises(AccessError):
            loan.with_user(self.staff).take_back("intact")
        loan.with_user(self.archivist).take_back("missing_pages", "缺第3页")
        self.assertEqual(loan.state, "returned")
        self.assertEqual(loan.received_by_id, self.archivist)
        self.assertEqual(self.open_item.state, "in_stock")
        self.assertEqual(loan.incident_ids.kind, "missing_pages")
        self.assertEqual(loan.incident_ids.item_id, self.open_item)
        self.assertEqual(loan.incident_ids.borrower_id, self.staff)

    def test_return_through_the_wizard_intact(self):
        loan = self._lent()
        action = loan.with_user(self.archivist).action_take_back()
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.archivist)
            .with_context(**action["context"])
            .create({})
        )
        wizard.action_confirm()
        self.assertEqual(loan.state, "returned")
        self.assertEqual(loan.return_condition, "intact")
        self.assertFalse(loan.incident_ids)

    def test_an_item_on_loan_is_not_lent_twice(self):
        self._lent()
        other = self._loan(self.open_item)
        other.with_user(self.staff).action_submit()
        self._approve_next(other)
        with self.assertRaises(UserError):
            other.with_user(self.archivist).action_lend()

    def test_renewal_once_with_the_archivists_approval(self):
        loan = self._lent()
        self.assertEqual(loan.due_date, datetime.date(2026, 10, 9))
        with self.assertRaises(UserError):
            loan.with_user(self.staff).request_renewal(6, "继续使用")
        loan.with_user(self.staff).request_renewal(2, "审计尚未结束")
        with self.assertRaises(AccessError):
            loan.with_user(self.staff).action_approve_renewal()
        loan.with_user(self.archivist).action_approve_renewal()
        # 10 October is a make-up working Saturday
        self.assertEqual(loan.due_date, datetime.date(2026, 10, 12))
        with self.assertRaises(UserError):
            loan.with_user(self.staff).request_renewal(1, "再延")

    def test_overdue_loans_are_reminded_every_working_day(self):
        loan = self._lent()
        Loan = self.env["office.archive.loan"]
        activity_type = self.env.ref("office_archive.mail_act_office_archive_overdue")
        with freeze_time("2026-10-09"):
            self.assertNotIn(loan, Loan._cron_remind_overdue())
            self.assertFalse(
                Loan.search([("is_overdue", "=", True), ("id", "=", loan.id)])
            )
        with freeze_time("2026-10-10"):  # a make-up working Saturday
            self.assertIn(loan, Loan._cron_remind_overdue())
            self.assertTrue(
                Loan.search([("is_overdue", "=", True), ("id", "=", loan.id)])
            )
        with freeze_time("2026-10-11"):  # Sunday: no reminder
            self.assertFalse(Loan._cron_remind_overdue())
        with freeze_time("2026-10-12"):
            Loan._cron_remind_overdue()
        activities = loan.activity_ids.filtered(
            lambda a: a.activity_type_id == activity_type
        )
        # one activity however often the cron runs, due when the loan was
        self.assertEqual(len(activities), 1)
        self.assertEqual(activities.date_deadline, loan.due_date)
        self.assertEqual(activities.user_id, self.staff)
        loan.with_user(self.archivist).take_back("intact")
        self.assertFalse(
            loan.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)
        )

    def test_copies_are_registered(self):
        loan = self._loan(self.open_item, kind="copy", copy_count=2)
        loan.with_user(self.staff).action_submit()
        self._approve_next(loan)
        loan.with_user(self.archivist).action_lend()
        copy = loan.copy_ids
        self.assertEqual(
            (copy.item_id, copy.copies, copy.holder_id), (self.open_item, 2, self.staff)
        )
        self.assertEqual(copy.state, "issued")
        self.assertEqual(
            self.env["office.archive.copy"].with_user(self.staff).search([]), copy
        )
        with self.assertRaises(AccessError):
            copy.with_user(self.staff).action_destroy()
        copy.with_user(self.archivist).action_destroy()
        self.assertEqual(copy.state, "destroyed")
        with self.assertRaises(UserError):
            copy.with_user(self.archivist).action_recover()

    def test_borrowers_see_their_own_loans(self):
        loan = self._loan(self.open_item)
        Loan = self.env["office.archive.loan"]
        self.assertTrue(Loan.with_user(self.staff).search([("id", "=", loan.id)]))
        self.assertTrue(Loan.with_user(self.budget_head).search([("id", "=", loan.id)]))
        self.assertFalse(
            Loan.with_user(self.legal_staff).search([("id", "=", loan.id)])
        )

    def test_the_loan_form_prints(self):
        loan = self._lent()
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("office_archive.office_archive_loan_report", loan.ids)[0]
            .decode()
        )
        self.assertIn(loan.name, html)
        self.assertIn(self.open_item.name, html)
