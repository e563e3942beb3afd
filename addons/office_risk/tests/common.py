from odoo.tests import new_test_user

from odoo.addons.office_base.tests.common import OfficeTestCase


class OfficeRiskCase(OfficeTestCase):
    """Users with the fewest groups that suffice; no demo data is used."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        Department = cls.env["hr.department"]
        cls.dep_office = Department.create({"name": "办公室（风险测试）"})
        cls.dep_budget = Department.create({"name": "预算科（风险测试）"})
        cls.dep_legal = Department.create({"name": "法规科（风险测试）"})
        cls.leader = cls._user("risk_leader", "office_base.group_office_leader")
        cls.staff = cls._user(
            "risk_staff", "office_base.group_office_user", cls.dep_budget, cls.leader
        )
        cls.staff_legal = cls._user(
            "risk_staff_legal", "office_base.group_office_user", cls.dep_legal
        )
        cls.internal_control = cls._user(
            "risk_ic", "office_base.group_office_internal_control", cls.dep_office
        )
        cls.committee = cls._user("risk_committee", "office_risk.group_risk_committee")
        cls.director = cls._user(
            "risk_director",
            "office_base.group_office_director",
            cls.dep_office,
            cls.leader,
        )
        cls.performance = cls._user(
            "risk_perf", "office_risk.group_risk_performance", cls.dep_office
        )
        cls.point = cls.env.ref("office_risk.risk_point_01_01")

    @classmethod
    def _user(cls, login, groups, department=None, manager=None):
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
                "parent_id": manager.employee_id.id if manager else False,
            }
        )
        return user

    def _event(self, user=None, **vals):
        vals = {
            "title": "测试风险事件",
            "point_id": self.point.id,
            "department_ids": [(6, 0, self.dep_budget.ids)],
            **vals,
        }
        return self.env["office.risk.event"].with_user(user or self.staff).create(vals)

    def _walk_to_rectification(self, event, level="significant"):
        event = event.with_user(self.internal_control)
        event.action_investigate()
        event.write({"investigation": "调查属实", "proposed_level": level})
        event.action_propose()
        event = event.with_user(self.committee)
        event.write({"decided_level": level, "accountability": "提醒谈话"})
        event.action_decide()
        return event
