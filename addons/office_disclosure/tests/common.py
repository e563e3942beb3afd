from odoo.tests import new_test_user

from odoo.addons.office_base.tests.common import OfficeTestCase

OFFICER = "office_disclosure.group_disclosure_officer"


class OfficeDisclosureCase(OfficeTestCase):
    """Users with the fewest groups that suffice; no demo data."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.company.write(
            {
                "office_disclosure_proactive_days": 20,
                "office_disclosure_answer_days": 20,
                "office_disclosure_extension_days": 20,
            }
        )
        Department = cls.env["hr.department"]
        cls.dep_office = Department.create({"name": "办公室（测试）"})
        cls.dep_budget = Department.create({"name": "预算科（测试）"})
        cls.officer = cls._user("dis_officer", OFFICER, cls.dep_office)
        cls.director = cls._user(
            "dis_director", "office_base.group_office_director", cls.dep_office
        )
        cls.head = cls._user(
            "dis_head", "office_base.group_office_dept_head", cls.dep_budget
        )
        cls.staff = cls._user(
            "dis_staff", "office_base.group_office_user", cls.dep_budget
        )
        cls.other = cls._user(
            "dis_other", "office_base.group_office_user", cls.dep_office
        )
        cls.deputy = cls._user("dis_deputy", "office_base.group_office_leader")

    @classmethod
    def _user(cls, login, groups, department=None):
        user = new_test_user(
            cls.env,
            login=login,
            groups=groups,
            name=login.title(),
            email=f"{login}@example.com",
        )
        if department:
            cls.env["hr.employee"].create(
                {"name": user.name, "user_id": user.id, "department_id": department.id}
            )
        return user

    def _approve(self, record, user):
        review = record.review_ids.filtered(lambda r: r.status == "pending")
        self.assertTrue(review, "a review is pending")
        review.with_user(user).action_office_approve()

    def _reviewed(self, record):
        record.with_user(self.head).action_review_department()
        record.with_user(self.officer).action_review_office()
