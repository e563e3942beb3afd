import base64

from odoo import fields
from odoo.tests import new_test_user

from odoo.addons.office_base.tests.common import OfficeTestCase


class OfficeArchiveCase(OfficeTestCase):
    """Departments, users with the fewest groups that suffice, a fonds and
    unit codes, and helpers to compile, file and lend. No demo data."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        Department = cls.env["hr.department"]
        cls.dep_office = Department.create({"name": "办公室（档案测试）"})
        cls.dep_budget = Department.create({"name": "预算科（档案测试）"})
        cls.dep_legal = Department.create({"name": "法规科（档案测试）"})
        cls.archivist = cls._user(
            "arc_archivist",
            "office_archive.group_archivist",
            cls.dep_office,
            "important",
        )
        cls.staff = cls._user(
            "arc_staff", "office_base.group_office_user", cls.dep_budget
        )
        cls.budget_head = cls._user(
            "arc_budget_head",
            "office_base.group_office_dept_head",
            cls.dep_budget,
            "general",
        )
        cls.legal_staff = cls._user(
            "arc_legal_staff", "office_base.group_office_user", cls.dep_legal
        )
        cls.legal_head = cls._user(
            "arc_legal_head",
            "office_base.group_office_dept_head",
            cls.dep_legal,
            "general",
        )
        cls.office_head = cls._user(
            "arc_office_head",
            "office_base.group_office_director",
            cls.dep_office,
            "important",
        )
        cls.leader = cls._user(
            "arc_leader", "office_base.group_office_leader", None, "important"
        )
        cls.principal = cls._user(
            "arc_principal", "office_base.group_office_principal", None, "core"
        )
        cls.clerk = cls._user(
            "arc_clerk",
            "office_archive.group_archive_confidential_clerk",
            cls.dep_office,
            "core",
        )
        cls.dep_budget.manager_id = cls.budget_head.employee_id
        cls.dep_legal.manager_id = cls.legal_head.employee_id
        cls.dep_office.manager_id = cls.office_head.employee_id
        cls.dep_office.archive_lead_id = cls.archivist
        # 分管领导 of each department
        (cls.dep_office | cls.dep_budget | cls.dep_legal).write(
            {"office_leader_id": cls.leader.id}
        )
        # the codes of the rules' example; reused when another fonds already
        # has them (demo data), years chosen so that no number is taken yet
        Fonds = cls.env["office.archive.fonds"]
        cls.fonds = Fonds.search(
            [("code", "=", "Z109"), ("company_id", "=", cls.env.company.id)]
        )
        if not cls.fonds:
            cls.fonds = Fonds.create({"code": "Z109", "name": "测试财政局"})
        cls.fonds.archive_department_id = cls.dep_office
        cls.unit_bgs = cls._unit("BGS", "办公室", cls.dep_office)
        cls.unit_ysk = cls._unit("YSK", "预算科", cls.dep_budget)
        cls.ws = cls.env.ref("office_archive.category_ws")
        cls.ret_y = cls.env.ref("office_archive.retention_y")
        cls.ret_d10 = cls.env.ref("office_archive.retention_d10")
        cls.ret_d30 = cls.env.ref("office_archive.retention_d30")
        cls.room = cls.env["office.archive.room"].create(
            {"name": "测试库房", "keeper_id": cls.archivist.id}
        )

    @classmethod
    def _user(cls, login, groups, department=None, clearance="none"):
        user = new_test_user(
            cls.env,
            login=login,
            groups=groups,
            name=login.replace("_", " ").title(),
            email=f"{login}@example.com",
        )
        if clearance != "none":
            user.office_clearance = clearance
        if department:
            cls.env["hr.employee"].create(
                {"name": user.name, "user_id": user.id, "department_id": department.id}
            )
        return user

    @classmethod
    def _unit(cls, code, name, department):
        Unit = cls.env["office.archive.unit"].with_context(active_test=False)
        unit = Unit.search([("code", "=", code)]) or Unit.create(
            {"code": code, "name": name}
        )
        unit.department_id = department
        return unit

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------

    def _item(self, **values):
        vals = {
            "title": "测试文件",
            "fonds_id": self.fonds.id,
            "category_id": self.ws.id,
            "year": 2026,
            "retention_id": self.ret_y.id,
            "unit_id": self.unit_bgs.id,
            "department_id": self.dep_office.id,
            "pages": 3,
        }
        vals.update(values)
        # None leaves the field to its default
        vals = {key: value for key, value in vals.items() if value is not None}
        return self.env["office.archive.item"].create(vals)

    def _filed(self, **values):
        item = self._item(**values)
        item.with_user(self.archivist).action_file()
        return item

    def _efile(self, item, content):
        return self.env["office.archive.efile"].create(
            {
                "item_id": item.id,
                "filename": "正文.pdf",
                "datas": base64.b64encode(content),
            }
        )

    def _loan(self, items, user=None, **values):
        vals = {
            "item_ids": [fields.Command.set(items.ids)],
            "purpose": "工作查考",
            "loan_date": "2026-09-25",
        }
        vals.update(values)
        user = user or self.staff
        return self.env["office.archive.loan"].with_user(user).create(vals)

    def _pending(self, record):
        return record.sudo().review_ids.filtered(lambda r: r.status == "pending")

    def _approve_next(self, record):
        review = self._pending(record)
        self.assertEqual(len(review), 1)
        reviewer = review.reviewer_ids[:1]
        review.with_user(reviewer).action_office_approve()
        return reviewer
