"""Agencies kept apart (issue 25): the suite runs several agencies
(``res.company``) on one server, and a user of one agency sees nothing of
another. Every stored office model carries ``company_id`` and a global
multi-company record rule, the Odoo way."""

from odoo.tests import TransactionCase, new_test_user, tagged

#: the roles a user cannot hold together with others (三员分立) or that see
#: only what they created: left out of the "staff member of every office" user
EXCLUDED_GROUPS = (
    "office_base.group_security_admin",
    "office_base.group_security_auditor",
    "office_base.group_office_integration",
)


def _office_models(env):
    """The stored, non-transient, non-abstract ``office.*`` models of the
    registry (the fake models of other tests left out)."""
    return sorted(
        name
        for name, model in env.registry.items()
        if name.startswith("office.")
        and not name.startswith("office.test.")
        and not model._abstract
        and not model._transient
        and model._auto
    )


@tagged("post_install", "-at_install")
class TestAgenciesKeptApart(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_a = cls.env.ref("base.main_company")
        cls.company_b = cls.env["res.company"].create(
            {"name": "Agencies kept apart: second agency"}
        )
        office_groups = cls.env["ir.model.data"].search(
            [("model", "=", "res.groups"), ("module", "=like", "office\\_%")]
        )
        excluded = {cls.env.ref(xmlid).id for xmlid in EXCLUDED_GROUPS}
        group_ids = [
            data.res_id for data in office_groups if data.res_id not in excluded
        ]
        cls.user_b = new_test_user(
            cls.env,
            login="agency_b_staff",
            name="第二机关 staff",
            company_id=cls.company_b.id,
            company_ids=[(6, 0, cls.company_b.ids)],
            groups="base.group_user",
        )
        cls.user_b.groups_id = [(4, group_id) for group_id in group_ids]

    def test_every_office_model_has_a_company_and_a_company_rule(self):
        Rule = self.env["ir.rule"].sudo()
        missing_field, missing_rule = [], []
        for name in _office_models(self.env):
            field = self.env[name]._fields.get("company_id")
            if not field or field.comodel_name != "res.company":
                missing_field.append(name)
                continue
            rules = Rule.search([("model_id.model", "=", name), ("active", "=", True)])
            if not any("company_ids" in (rule.domain_force or "") for rule in rules):
                missing_rule.append(name)
        self.assertFalse(missing_field, "office models without company_id")
        self.assertFalse(missing_rule, "office models without a company rule")

    def test_a_user_of_one_agency_sees_nothing_of_another(self):
        leaks, checked = {}, 0
        for name in _office_models(self.env):
            model = self.env[name].with_user(self.user_b)
            if "company_id" not in model._fields or not model.has_access("read"):
                continue
            theirs = (
                self.env[name]
                .sudo()
                .search_count([("company_id", "=", self.company_a.id)])
            )
            if not theirs:
                continue
            checked += 1
            visible = model.search([])
            count = model.search_count([])
            leaked = visible.sudo().filtered(
                lambda record: record.company_id == self.company_a
            )
            if leaked or count != len(visible):
                leaks[name] = len(leaked)
        self.assertFalse(leaks, "records of the first agency seen from the second")
        self.assertTrue(checked, "no office record of the first agency to hide")
