from odoo.tests import new_test_user

from odoo.addons.office_base.tests.common import OfficeTestCase


class OfficeAssetCase(OfficeTestCase):
    """Users with the fewest groups that suffice, two departments and helpers
    to register assets and walk requests through their approvals. No demo
    data is used."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        Department = cls.env["hr.department"]
        cls.dep_office = Department.create({"name": "办公室（资产测试）"})
        cls.dep_budget = Department.create({"name": "预算科（资产测试）"})
        cls.staff = cls._user(
            "asset_staff", "office_base.group_office_user", cls.dep_budget
        )
        cls.staff2 = cls._user(
            "asset_staff2", "office_base.group_office_user", cls.dep_budget
        )
        cls.manager = cls._user(
            "asset_manager", "office_asset.group_asset_manager", cls.dep_office
        )
        cls.finance = cls._user(
            "asset_finance", "office_asset.group_asset_finance", cls.dep_budget
        )
        cls.director = cls._user(
            "asset_director", "office_base.group_office_director", cls.dep_office
        )
        cls.deputy = cls._user("asset_deputy", "office_base.group_office_leader")
        cls.finance_leader = cls._user(
            "asset_finance_leader", "office_base.group_office_leader"
        )
        cls.dep_budget.office_asset_keeper_id = cls.staff2
        cls.company.write(
            {
                "office_asset_admin_leader_id": cls.deputy.id,
                "office_asset_finance_leader_id": cls.finance_leader.id,
                "office_asset_repair_finance_amount": 500,
            }
        )
        cls.supplier = cls.env["res.partner"].create({"name": "定点维修中心（测试）"})
        cls.print_shop = cls.env["res.partner"].create({"name": "定点印刷厂（测试）"})
        cls.company.office_asset_repair_partner_id = cls.supplier
        cls.company.office_asset_print_shop_id = cls.print_shop

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
            }
        )
        return user

    @classmethod
    def _asset(cls, name="笔记本电脑", cost=6000, holder=None, department=None, **vals):
        asset = (
            cls.env["office.asset"]
            .with_user(cls.manager)
            .create(
                {
                    "name": name,
                    "kind": "it",
                    "department_id": (department or cls.dep_budget).id,
                    "holder_id": holder.employee_id.id if holder else False,
                    "historical_cost": cost,
                    "purchase_date": "2026-03-02",
                    **vals,
                }
            )
        )
        asset.with_user(cls.manager).action_register()
        return asset

    def _pending_review(self, record):
        return record.sudo().review_ids.filtered(lambda r: r.status == "pending")

    def _approve(self, record, user):
        review = self._pending_review(record)
        self.assertEqual(len(review), 1, "one step waits for a decision")
        self.assertIn(user, review.reviewer_ids)
        review.with_user(user).action_office_approve()
        return record
