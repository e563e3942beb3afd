import datetime

from odoo.tests import new_test_user

from odoo.addons.office_base.tests.common import OfficeTestCase


class OfficeAttendanceCase(OfficeTestCase):
    """Two departments with their leaders in charge, the executive deputy,
    the principal leader, staff and the attendance officer, each with the
    fewest groups that suffice. No demo data is used."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.deputy = cls._user("att_deputy", "office_base.group_office_leader")
        cls.executive = cls._user("att_executive", "office_base.group_office_leader")
        cls.principal = cls._user("att_principal", "office_base.group_office_principal")
        Department = cls.env["hr.department"]
        cls.dep_budget = Department.create(
            {"name": "预算科（考勤测试）", "office_leader_id": cls.deputy.id}
        )
        cls.dep_unit = Department.create(
            {"name": "预算一股（考勤测试）", "parent_id": cls.dep_budget.id}
        )
        cls.company.office_executive_deputy_id = cls.executive
        cls.staff = cls._user(
            "att_staff", "office_base.group_office_user", cls.dep_unit
        )
        cls.staff2 = cls._user(
            "att_staff2", "office_base.group_office_user", cls.dep_budget
        )
        cls.officer = cls._user(
            "att_officer", "office_attendance.group_attendance_officer", cls.dep_budget
        )
        cls.hr_manager = cls._user(
            "att_hr_manager", "hr_holidays.group_hr_holidays_manager"
        )
        cls.sick = cls.env.ref("hr_holidays.holiday_status_sl")
        cls.personal = cls.env.ref("office_attendance.leave_type_personal")
        cls.annual = cls.env.ref("hr_holidays.holiday_status_cl")
        cls.compensatory = cls.env.ref("hr_holidays.holiday_status_comp")

    @classmethod
    def _user(cls, login, groups, department=None):
        user = new_test_user(
            cls.env,
            login=login,
            groups=groups,
            name=login,
            email=f"{login}@example.com",
        )
        employee = cls.env["hr.employee"].create(
            {
                "name": login,
                "user_id": user.id,
                "department_id": department.id if department else False,
                "company_id": cls.env.company.id,
            }
        )
        if department:
            employee.department_id = department
        return user

    def _leave(self, user, date_from, date_to, leave_type=None):
        return (
            self.env["hr.leave"]
            .with_user(user)
            .create(
                {
                    "employee_id": user.employee_id.id,
                    "holiday_status_id": (leave_type or self.sick).id,
                    "request_date_from": date_from,
                    "request_date_to": date_to,
                }
            )
        )

    def _approve(self, leave, user):
        review = leave.sudo().review_ids.filtered(
            lambda r: r.status == "pending" and user in r.reviewer_ids
        )
        self.assertTrue(review, f"{user.login} has no pending review")
        review.with_user(user).action_office_approve()
        leave.invalidate_recordset()

    def _steps(self, leave):
        """The leave's approval steps, in order, as (step, reviewers)."""
        return [
            (review.definition_id, review.reviewer_ids)
            for review in leave.sudo().review_ids.sorted("sequence")
        ]

    def _step_names(self, leave):
        names = {
            self.env.ref("office_attendance.tier_definition_leave_leader"): "leader",
            self.env.ref(
                "office_attendance.tier_definition_leave_executive"
            ): "executive",
            self.env.ref(
                "office_attendance.tier_definition_leave_principal"
            ): "principal",
        }
        return [names[step] for step, _reviewers in self._steps(leave)]

    def _approve_all(self, leave):
        """Each step approved by the test user reviewing it."""
        deciders = self.deputy | self.executive | self.principal
        for _step, reviewers in self._steps(leave):
            self._approve(leave, (reviewers & deciders)[:1])

    @staticmethod
    def _date(text):
        return datetime.date.fromisoformat(text)
