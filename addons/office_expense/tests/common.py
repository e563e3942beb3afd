import datetime

from odoo.tests import new_test_user

from odoo.addons.office_base.tests.common import OfficeTestCase


class OfficeExpenseCase(OfficeTestCase):
    """Users with the fewest groups that suffice, the company's leaders in
    the settings, and helpers to walk a request through its approval. No
    demo data is used."""

    # 2026-11-18 (TEST_NOW) is a Wednesday, a working day
    TODAY = datetime.date(2026, 11, 18)

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        Department = cls.env["hr.department"]
        cls.dep_office = Department.create({"name": "办公室（测试）"})
        cls.dep_budget = Department.create({"name": "预算科（测试）"})
        cls.staff = cls._user(
            "exp_staff", "office_base.group_office_user", cls.dep_budget
        )
        cls.staff2 = cls._user(
            "exp_staff2", "office_base.group_office_user", cls.dep_budget
        )
        cls.finance_clerk = cls._user(
            "exp_finance", "office_expense.group_expense_finance", cls.dep_budget
        )
        cls.discipline = cls._user(
            "exp_discipline", "office_base.group_office_internal_control"
        )
        cls.director = cls._user(
            "exp_director", "office_base.group_office_director", cls.dep_office
        )
        cls.finance_leader = cls._user(
            "exp_finance_leader", "office_base.group_office_leader"
        )
        cls.admin_leader = cls._user(
            "exp_admin_leader", "office_base.group_office_leader"
        )
        cls.principal = cls._user("exp_principal", "office_base.group_office_principal")
        cls.company = cls.env.company
        cls.company.write(
            {
                "office_expense_finance_leader_id": cls.finance_leader.id,
                "office_expense_admin_leader_id": cls.admin_leader.id,
            }
        )
        cls.region_hn = cls.env.ref("office_expense.region_hn")
        cls.region_xj = cls.env.ref("office_expense.region_xj")

    @classmethod
    def _user(cls, login, groups, department=None):
        user = new_test_user(
            cls.env,
            login=login,
            groups=groups,
            name=login.replace("_", " ").title(),
            email=f"{login}@example.com",
        )
        cls.env["hr.employee"].create(
            {
                "name": user.name,
                "user_id": user.id,
                "department_id": department.id if department else False,
                "work_email": user.email,
            }
        )
        return user

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------

    def _pending(self, record):
        return record.sudo().review_ids.filtered(lambda r: r.status == "pending")

    def _approve(self, record, user):
        review = self._pending(record)
        self.assertEqual(len(review), 1, "one step waits for a decision")
        self.assertIn(user, review.reviewer_ids, "the expected reviewer decides")
        review.with_user(user).action_office_approve()
        return record

    def _reception(self, guests=8, hosts=3, amount=None, rank="bureau", **vals):
        values = {
            "guest_unit": "湖南省财政厅（测试）",
            "guest_rank": rank,
            "activity": "调研座谈",
            "date_start": self.TODAY,
            "date_end": self.TODAY,
            "basis_ref": "湘财函〔2026〕1号",
            "letter_guest_count": guests,
            "line_ids": [
                (
                    0,
                    0,
                    {
                        "kind": "meal",
                        "meal": "dinner",
                        "date": self.TODAY,
                        "guests": guests,
                        "hosts": hosts,
                        "amount": amount
                        if amount is not None
                        else 100 * (guests + hosts),
                    },
                )
            ],
            **vals,
        }
        return self.env["office.expense.reception"].with_user(self.staff).create(values)

    def _travel(self, region=None, start=None, days=3, car_days=0, **vals):
        # by default the trip is over: back today
        start = start or self.TODAY - datetime.timedelta(days=days - 1)
        values = {
            "purpose": "参加会议",
            "destination": "乌鲁木齐",
            "region_id": (region or self.region_xj).id,
            "date_start": start,
            "date_end": start + datetime.timedelta(days=days - 1),
            "official_car_days": car_days,
            "leader_id": self.admin_leader.id,
            **vals,
        }
        return self.env["office.expense.travel"].with_user(self.staff).create(values)

    def _spending(self, amount, user=None, **vals):
        values = {"purpose": "办公设备维修", "amount": amount, **vals}
        return (
            self.env["office.expense.request"]
            .with_user(user or self.staff)
            .create(values)
        )
