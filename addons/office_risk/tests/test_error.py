import datetime

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import OfficeRiskCase


@tagged("post_install", "-at_install")
class TestZeroError(OfficeRiskCase):
    def setUp(self):
        super().setUp()
        self.area = self.env.ref("office_risk.error_area_docs")
        self.Error = self.env["office.risk.error"].with_user(self.performance)

    def _error(self, user, classification, day, **vals):
        return self.Error.create(
            {
                "user_id": user.id,
                "area_id": self.area.id,
                "classification": classification,
                "description": "测试差错",
                "date": day,
                **vals,
            }
        )

    def _lines(self, error, liability):
        return error.sudo().deduction_ids.filtered(lambda d: d.liability == liability)

    def test_defaults_from_the_person(self):
        error = self._error(self.director, "general", datetime.date(2026, 3, 1))
        self.assertEqual(error.role, "director")
        self.assertEqual(error.supervisor_id, self.leader)
        self.assertEqual(error.department_id, self.dep_office)
        staff_error = self._error(self.staff, "general", datetime.date(2026, 3, 1))
        self.assertEqual(staff_error.role, "staff")

    def test_role_of_person_at_fault_whatever_other_fields_are_given(self):
        """004 二.2: the director's rates follow from the person, even when the
        supervising leader or the department is given at creation."""
        error = self._error(
            self.director,
            "general",
            datetime.date(2026, 3, 1),
            supervisor_id=self.leader.id,
        )
        self.assertEqual(error.role, "director")
        self.assertEqual(error.department_id, self.dep_office)
        given_role = self._error(
            self.director,
            "general",
            datetime.date(2026, 3, 2),
            department_id=self.dep_office.id,
            role="staff",
        )
        self.assertEqual(given_role.role, "director")
        error.action_confirm()
        self.assertEqual(error.amount, 100)
        with self.assertRaises(ValidationError):
            given_role.role = "staff"

    def test_director_second_serious_error(self):
        first = self._error(self.director, "serious", datetime.date(2026, 2, 3))
        first.action_confirm()
        self.assertEqual(first.occurrence, 1)
        self.assertEqual(first.amount, 300)
        self.assertEqual(first.supervisor_amount, 0)
        self.assertIn("口头提醒", first.supervisor_measure)
        second = self._error(self.director, "serious", datetime.date(2026, 5, 6))
        second.action_confirm()
        self.assertEqual(second.occurrence, 2)
        own = self._lines(second, "person")
        joint = self._lines(second, "supervisor")
        self.assertEqual((own.user_id, own.amount), (self.director, 500))
        self.assertEqual((joint.user_id, joint.amount), (self.leader, 500))
        self.assertEqual(joint.month, datetime.date(2026, 5, 1))
        self.assertIn("停职整改", own.measure)
        # a general error does not count as a serious one, the year restarts
        general = self._error(self.director, "general", datetime.date(2026, 6, 1))
        general.action_confirm()
        self.assertEqual((general.occurrence, general.amount), (1, 100))
        self.assertFalse(self._lines(general, "supervisor"))
        next_year = self._error(self.director, "serious", datetime.date(2027, 1, 5))
        next_year.action_confirm()
        self.assertEqual((next_year.occurrence, next_year.amount), (1, 300))

    def test_staff_third_general_error(self):
        amounts = []
        for month in (1, 2, 3):
            error = self._error(self.staff, "general", datetime.date(2026, month, 10))
            error.action_confirm()
            amounts.append(
                (error.occurrence, error.amount, error.percent, error.award_bar)
            )
        self.assertEqual(
            amounts, [(1, 50, 0, False), (2, 100, 0, False), (3, 0, 20, True)]
        )
        fourth = self._error(self.staff, "general", datetime.date(2026, 4, 10))
        fourth.action_confirm()
        self.assertEqual(
            (fourth.occurrence, fourth.percent, fourth.award_bar), (4, 20, True)
        )

    def test_staff_serious_errors_and_joint_liability(self):
        first = self._error(self.staff, "serious", datetime.date(2026, 2, 3))
        first.action_confirm()
        self.assertEqual(first.amount, 100)
        second = self._error(self.staff, "serious", datetime.date(2026, 3, 3))
        second.action_confirm()
        self.assertEqual(second.amount, 300)
        self.assertEqual(self._lines(second, "supervisor").amount, 300)
        third = self._error(self.staff, "serious", datetime.date(2026, 4, 3))
        third.action_confirm()
        self.assertIn("纪委", third.supervisor_measure)

    def test_the_matrix_is_data(self):
        row = self.env.ref("office_risk.error_penalty_general_person_staff_1")
        row.with_user(self.performance).amount = 80
        error = self._error(self.staff, "general", datetime.date(2026, 3, 1))
        error.action_confirm()
        self.assertEqual(error.amount, 80)
        with self.assertRaises(AccessError):
            row.with_user(self.staff).amount = 1

    def test_cancel_and_lock(self):
        error = self._error(self.staff, "general", datetime.date(2026, 3, 1))
        error.action_confirm()
        with self.assertRaises(UserError):
            error.classification = "serious"
        with self.assertRaises(UserError):
            error.action_confirm()
        with self.assertRaises(UserError):
            error.unlink()
        error.action_cancel()
        self.assertFalse(error.sudo().deduction_ids)
        again = self._error(self.staff, "general", datetime.date(2026, 4, 1))
        again.action_confirm()
        self.assertEqual(again.occurrence, 1)
        with self.assertRaises(UserError):
            self._error(
                self.staff, "serious", datetime.date(2026, 4, 1), supervisor_id=False
            ).action_confirm()

    def test_visibility(self):
        error = self._error(self.staff, "serious", datetime.date(2026, 2, 3))
        error.action_confirm()
        Error = self.env["office.risk.error"]
        Deduction = self.env["office.risk.error.deduction"]
        # 004 二 2(1): 纪检监察室 keeps the talk records, so reads every error
        readers = (self.staff, self.leader, self.director, self.performance)
        for user in readers + (self.internal_control,):
            self.assertIn(error, Error.with_user(user).search([]), user.login)
        for user in (self.staff_legal, self.committee):
            self.assertNotIn(error, Error.with_user(user).search([]), user.login)
        for user in (self.staff_legal, self.internal_control, self.committee):
            self.assertFalse(
                Deduction.with_user(user).search([("error_id", "=", error.id)])
            )
        with self.assertRaises(AccessError):
            error.with_user(self.staff_legal).read(["description"])
        self.assertEqual(
            len(Deduction.with_user(self.leader).search([("error_id", "=", error.id)])),
            2,
        )
        with self.assertRaises(AccessError):
            self.env["office.risk.error"].with_user(self.staff).create(
                {
                    "user_id": self.staff_legal.id,
                    "area_id": self.area.id,
                    "description": "越权登记",
                }
            )
        with self.assertRaises(AccessError):
            error.with_user(self.staff).write({"description": "改"})

    def test_monthly_deduction_list(self):
        error = self._error(self.director, "serious", datetime.date(2026, 5, 6))
        error.action_confirm()
        wizard = (
            self.env["office.risk.deduction.wizard"]
            .with_user(self.performance)
            .create({"month": datetime.date(2026, 5, 20)})
        )
        self.assertEqual(wizard.line_count, 2)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "office_risk.action_report_office_risk_deduction", wizard.ids
            )[0]
            .decode()
        )
        self.assertIn(self.director.name, html)
        self.assertIn(self.leader.name, html)
        empty = self.env["office.risk.deduction.wizard"].create(
            {"month": datetime.date(2020, 1, 1)}
        )
        with self.assertRaises(UserError):
            empty.action_print()
        self.assertEqual(
            wizard.action_print()["report_name"],
            "office_risk.office_risk_deduction_document",
        )
