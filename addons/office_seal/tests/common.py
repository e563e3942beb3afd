from datetime import timedelta

from odoo import fields
from odoo.tests import new_test_user

from odoo.addons.office_base.tests.common import OfficeTestCase


class OfficeSealCase(OfficeTestCase):
    """Users with the fewest groups that suffice, two seals and helpers to
    walk a request through its approval. No demo data is used."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        Department = cls.env["hr.department"]
        cls.dep_office = Department.create({"name": "办公室（测试）"})
        cls.dep_budget = Department.create({"name": "预算科（测试）"})
        cls.staff = cls._user(
            "seal_staff", "office_base.group_office_user", cls.dep_budget
        )
        cls.staff2 = cls._user(
            "seal_staff2", "office_base.group_office_user", cls.dep_budget
        )
        cls.keeper = cls._user(
            "seal_keeper", "office_seal.group_seal_keeper", cls.dep_office
        )
        cls.keeper2 = cls._user(
            "seal_keeper2", "office_seal.group_seal_keeper", cls.dep_office
        )
        cls.other_keeper = cls._user(
            "seal_other_keeper", "office_seal.group_seal_keeper", cls.dep_office
        )
        cls.director = cls._user(
            "seal_director", "office_base.group_office_director", cls.dep_office
        )
        cls.deputy = cls._user("seal_deputy", "office_base.group_office_leader")
        cls.deputy_other = cls._user(
            "seal_deputy_other", "office_base.group_office_leader"
        )
        cls.principal = cls._user(
            "seal_principal", "office_base.group_office_principal"
        )
        cls.auditor = cls._user(
            "seal_auditor", "office_base.group_office_internal_control"
        )
        # the routes tested here are those of 002 公章管理制度 三; the office
        # director's step of 004 一(六) 2 (the default) has its own tests
        cls.env.company.office_seal_director_rule = "002"
        Seal = cls.env["office.seal"]
        cls.seal = Seal.create(
            {
                "name": "测试局行政章",
                "kind": "administrative",
                "department_id": cls.dep_office.id,
                "custodian_id": cls.keeper.id,
                "deputy_custodian_id": cls.keeper2.id,
                "storage": "保险柜",
            }
        )
        cls.seal2 = Seal.create(
            {
                "name": "测试局合同专用章",
                "kind": "contract",
                "custodian_id": cls.other_keeper.id,
            }
        )

    @classmethod
    def _user(cls, login, groups, department=None):
        user = new_test_user(
            cls.env,
            login=login,
            groups=groups,
            name=login.replace("_", " ").title(),
            email=f"{login}@example.com",
        )
        if department:
            cls.env["hr.employee"].create(
                {"name": user.name, "user_id": user.id, "department_id": department.id}
            )
        return user

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------

    def _request(self, user=None, submit=True, **vals):
        user = user or self.staff
        values = {
            "seal_ids": [(6, 0, self.seal.ids)],
            "use_category": "cat1",
            "summary": "关于申请追加预算的请示",
            "paper_only_reason": "纸质请示原件，当面核对",
            "stamp_count": 2,
            **vals,
        }
        request = self.env["office.seal.use.request"].with_user(user).create(values)
        if submit:
            request.action_submit()
        return request

    def _pending_review(self, record):
        return record.sudo().review_ids.filtered(lambda r: r.status == "pending")

    def _approve(self, record, user):
        review = self._pending_review(record)
        self.assertEqual(len(review), 1, "one step waits for a decision")
        review.with_user(user).action_office_approve()
        return record

    def _seal_out(self, seal):
        """Take `seal` out through an approved take-out handed out by its
        custodian."""
        now = fields.Datetime.now()
        takeout = (
            self.env["office.seal.takeout"]
            .with_user(self.staff)
            .create(
                {
                    "seal_id": seal.id,
                    "companion_ids": [(6, 0, (self.staff | self.staff2).ids)],
                    "purpose": "到银行办理业务",
                    "date_out": now,
                    "expected_return": now + timedelta(hours=4),
                }
            )
        )
        takeout.action_submit()
        self._approve(takeout, self.principal)
        takeout.with_user(seal.custodian_id).action_hand_out()
        return takeout

    def _approved_request(self, **vals):
        request = self._request(**vals)
        reviewer = self.deputy if request.use_category == "cat2" else self.principal
        return self._approve(request, reviewer)
