from odoo_test_helper import FakeModelLoader

from odoo import fields
from odoo.tests import TransactionCase, new_test_user

#: The moment every office test runs at, whatever day the suite is run: an
#: ordinary working Wednesday, 10:00 in China (02:00 UTC). Tests that need
#: another day freeze it themselves; expectations are computed from this one.
TEST_NOW = "2026-11-18 02:00:00"


class OfficeTestCase(TransactionCase):
    """A TransactionCase whose clock (Python's, and the test cursor's
    ``now()``) is frozen at ``TEST_NOW`` for the set-up and every test."""

    freeze_time = TEST_NOW

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # create_date and write_date follow the frozen clock too: the class
        # cursor would stamp PostgreSQL's transaction time otherwise
        cls.cr._now = fields.Datetime.now()
        # the holidays around TEST_NOW, whatever year the database was made in
        cls.env["office.holiday.year"].seed_years()


class OfficeBaseCase(OfficeTestCase):
    """Departments and users with the fewest groups that suffice, and the
    test request model using every office_base mixin."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.loader = FakeModelLoader(cls.env, cls.__module__)
        cls.loader.backup_registry()
        from .models import OfficeTestRequest, OfficeTestWorkflow

        cls.loader.update_registry((OfficeTestRequest, OfficeTestWorkflow))
        cls.Request = cls.env["office.test.request"]
        cls.Workflow = cls.env["office.test.workflow"]
        model = cls.env["ir.model"]._get("office.test.request")
        cls.env["ir.model.access"].create(
            [
                {
                    "name": f"{name} user",
                    "model_id": cls.env["ir.model"]._get(name).id,
                    "group_id": cls.env.ref("base.group_user").id,
                    "perm_read": True,
                    "perm_write": True,
                    "perm_create": True,
                    "perm_unlink": True,
                }
                for name in ("office.test.request", "office.test.workflow")
            ]
        )
        cls.rule_all = cls.env["ir.rule"].create(
            {
                "name": "office.test.request: all",
                "model_id": model.id,
                "domain_force": "[(1, '=', 1)]",
                "groups": [(6, 0, cls.env.ref("base.group_user").ids)],
            }
        )
        Department = cls.env["hr.department"]
        cls.dep_office = Department.create({"name": "办公室"})
        cls.dep_budget = Department.create({"name": "预算科"})
        cls.dep_budget_unit = Department.create(
            {"name": "预算一股", "parent_id": cls.dep_budget.id}
        )
        cls.staff = cls._user(
            "staff", "office_base.group_office_user", "none", cls.dep_budget
        )
        cls.clerk = cls._user(
            "clerk", "office_base.group_office_clerk", "general", cls.dep_office
        )
        cls.director = cls._user(
            "director", "office_base.group_office_director", "important", cls.dep_office
        )
        cls.leader = cls._user(
            "leader", "office_base.group_office_leader", "important", None
        )
        cls.deputy = cls._user(
            "deputy", "office_base.group_office_leader", "important", None
        )
        cls.principal = cls._user(
            "principal", "office_base.group_office_principal", "core", None
        )
        cls.budget_cleared = cls._user(
            "budget_cleared",
            "office_base.group_office_user",
            "important",
            cls.dep_budget_unit,
        )
        cls.outsider = cls._user(
            "outsider", "office_base.group_office_user", "core", cls.dep_office
        )

    @classmethod
    def tearDownClass(cls):
        cls.loader.restore_registry()
        super().tearDownClass()

    @classmethod
    def _user(cls, login, groups, clearance, department):
        user = new_test_user(
            cls.env,
            login=login,
            groups=groups,
            name=login.title(),
            email=f"{login}@example.com",
        )
        user.office_clearance = clearance
        if department:
            cls.env["hr.employee"].create(
                {"name": user.name, "user_id": user.id, "department_id": department.id}
            )
        return user

    @classmethod
    def _tier(cls, reviewer, sequence=10, domain=None, **extra):
        return cls.env["tier.definition"].create(
            {
                "name": f"Step of {reviewer.name}",
                "model_id": cls.env["ir.model"]._get("office.test.request").id,
                "review_type": "individual",
                "reviewer_id": reviewer.id,
                "sequence": sequence,
                "approve_sequence": True,
                "definition_domain": domain or "[]",
                **extra,
            }
        )


class QueryCountMixin:
    """Query budgets at small scale, so that a regression fails the ordinary
    test run (bench/ measures the same operations at agency scale)."""

    def _queries(self, func):
        """Queries of ``func`` run a second time: a server answers with warm
        caches."""
        self.env.invalidate_all()
        func()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        func()
        self.env.flush_all()
        return self.env.cr.sql_log_count - before
