import base64

from odoo_test_helper import FakeModelLoader

from odoo.tests import new_test_user

from odoo.addons.office_base.tests.common import OfficeTestCase

SCAN = base64.b64encode(b"%PDF-1.4 signed commitment")


class OfficeSecrecyCase(OfficeTestCase):
    """Users with the fewest groups that suffice, a confidential test model
    and the classification officer. No demo data is used."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.loader = FakeModelLoader(cls.env, cls.__module__)
        cls.loader.backup_registry()
        from .models import OfficeSecrecyTestDocument

        cls.loader.update_registry((OfficeSecrecyTestDocument,))
        cls.Document = cls.env["office.secrecy.test.document"]
        model = cls.env["ir.model"]._get("office.secrecy.test.document")
        cls.env["ir.model.access"].create(
            {
                "name": "office.secrecy.test.document user",
                "model_id": model.id,
                "group_id": cls.env.ref("base.group_user").id,
                "perm_read": True,
                "perm_write": True,
                "perm_create": True,
                "perm_unlink": True,
            }
        )
        cls.env.company.office_secrecy_enforce = True
        cls.env.company.office_secrecy_received_models = "office.incoming.document"
        Department = cls.env["hr.department"]
        cls.dep_office = Department.create({"name": "办公室（保密测试）"})
        cls.dep_budget = Department.create({"name": "预算科（保密测试）"})
        cls.staff = cls._user(
            "sec_staff", "office_base.group_office_user", "none", cls.dep_budget
        )
        cls.drafter = cls._user(
            "sec_drafter", "office_base.group_office_user", "important", cls.dep_budget
        )
        cls.dept_head = cls._user(
            "sec_head", "office_base.group_office_dept_head", "general", cls.dep_budget
        )
        cls.officer_clerk = cls._user(
            "sec_office", "office_secrecy.group_secrecy_office", "core", cls.dep_office
        )
        cls.principal = cls._user(
            "sec_principal", "office_base.group_office_principal", "core", None
        )
        cls.deputy = cls._user(
            "sec_deputy", "office_base.group_office_leader", "important", None
        )
        # only the officers of the test
        cls.env["office.classification.officer"].search([]).active = False
        cls.officer = cls.env["office.classification.officer"].create(
            {
                "user_id": cls.principal.id,
                "kind": "statutory",
                "date_from": "2020-01-01",
            }
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
            name=login.replace("_", " ").title(),
            email=f"{login}@example.com",
        )
        user.office_clearance = clearance
        if department:
            cls.env["hr.employee"].create(
                {"name": user.name, "user_id": user.id, "department_id": department.id}
            )
        return user

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------

    def _pending_review(self, record):
        return record.sudo().review_ids.filtered(lambda r: r.status == "pending")

    def _approve(self, record, user):
        review = self._pending_review(record)
        self.assertEqual(len(review), 1, "one step waits for a decision")
        review.with_user(user).action_office_approve()
        return record

    def _decisions(self, record):
        return self.env["office.classification.decision"].search(
            [("res_model", "=", record._name), ("res_id", "=", record.id)], order="id"
        )
