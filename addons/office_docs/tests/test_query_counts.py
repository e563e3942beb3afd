"""Query budgets of the operations users feel (issue: performance), at small
scale so that a regression fails the ordinary test run; bench/ measures the
same operations at agency scale."""

from odoo import Command
from odoo.tests import tagged

from odoo.addons.office_base.tests.common import QueryCountMixin

from .common import OfficeDocsCase


@tagged("post_install", "-at_install")
class TestQueryCounts(QueryCountMixin, OfficeDocsCase):
    def _register(self, count):
        Incoming = self.env["office.incoming.document"].with_user(self.clerk)
        return Incoming.create(
            [
                {"sender_id": self.province.id, "title": f"批量来文{i}"}
                for i in range(count)
            ]
        )

    def test_lookup_by_registration_number(self):
        doc = self._incoming()
        Incoming = self.env["office.incoming.document"].with_user(self.clerk)
        with self.assertQueryCount(5):
            found = Incoming.search([("name", "=", doc.name)])
        self.assertEqual(found, doc)

    def test_registration_cost_does_not_grow_with_the_batch(self):
        one = self._queries(lambda: self._register(1))
        twenty = self._queries(lambda: self._register(20))
        # one gap-free block of numbers per batch, taken before the insert
        # (the numbers go in with the rows); the deadline rule and the year's
        # number range are looked up once: a batch costs what one document does
        self.assertLessEqual(twenty, one + 2, (one, twenty))

    def test_list_view_queries_do_not_grow_with_rows(self):
        Incoming = self.env["office.incoming.document"].with_user(self.clerk)
        arch_fields = Incoming.get_views([(False, "list")])["models"][
            "office.incoming.document"
        ]["fields"]
        spec = {
            name: {"fields": {"display_name": {}}}
            if Incoming._fields[name].relational
            else {}
            for name in arch_fields
        }

        def list_view():
            Incoming.web_search_read([], spec, limit=80, count_limit=10001)

        self._register(5)
        few = self._queries(list_view)
        self._register(40)
        many = self._queries(list_view)
        self.assertLessEqual(many, few + 2, (few, many))

    def test_department_user_list_queries_do_not_grow_with_rows(self):
        Incoming = self.env["office.incoming.document"].with_user(self.budget_staff)

        def list_view():
            Incoming.web_search_read(
                [], {"name": {}, "title": {}}, limit=80, count_limit=10001
            )

        self._register(5).sudo().lead_department_id = self.dep_budget
        few = self._queries(list_view)
        self._register(40).sudo().lead_department_id = self.dep_budget
        many = self._queries(list_view)
        self.assertLessEqual(many, few + 2, (few, many))


@tagged("post_install", "-at_install")
class TestConcernsMe(OfficeDocsCase):
    """The staff's record rule is one condition (``office_concerns_me``): it
    must select exactly what the five conditions it replaces selected."""

    def _old_rule(self, user):
        departments = user.office_department_ids.ids
        return [
            "|",
            "|",
            "|",
            "|",
            ("lead_department_id", "in", departments),
            ("co_department_ids", "in", departments),
            ("circulation_ids.reader_id", "=", user.id),
            ("handler_id", "=", user.id),
            ("create_uid", "=", user.id),
        ]

    def _assert_same_as(self, docs, old_rule, concerning):
        """The documents ``office_concerns_me`` selects for six users are
        those ``old_rule(user)`` selected; ``concerning``: what some users
        must find (the cases are not vacuous)."""
        all_docs = next(iter(docs.values())).browse([d.id for d in docs.values()])
        users = (
            self.budget_staff,
            self.legal_head,
            self.it_staff,
            self.director,
            self.clerk,
            self.leader,
        )
        for user in users:
            expected = sorted(all_docs.sudo().filtered_domain(old_rule(user)).ids)
            # sudo as the rule is evaluated; the user is still the user
            Docs = self.env[all_docs._name].with_user(user).sudo()
            scope = [("id", "in", all_docs.ids)]
            found = Docs.search([*scope, ("office_concerns_me", "=", True)])
            self.assertEqual(sorted(found.ids), expected, user.login)
            others = Docs.search([*scope, ("office_concerns_me", "!=", True)])
            self.assertEqual(
                sorted(others.ids), sorted(set(all_docs.ids) - set(expected))
            )
            self.env.invalidate_all()
            in_memory = all_docs.with_env(Docs.env).filtered("office_concerns_me")
            self.assertEqual(sorted(in_memory.ids), expected, user.login)
        for user, records in concerning.items():
            found = all_docs.with_user(user).sudo().filtered("office_concerns_me")
            self.assertEqual(found, records, user.login)

    def test_same_documents_as_the_five_conditions(self):
        docs = {
            "lead": self._incoming(lead_department_id=self.dep_budget.id),
            "lead_unit": self._incoming(lead_department_id=self.dep_budget_unit.id),
            "co": self._incoming(co_department_ids=[self.dep_legal.id]),
            "circulated": self._incoming(),
            "handled": self._incoming(),
            "by_director": self._incoming(user=self.director),
            "elsewhere": self._incoming(lead_department_id=self.dep_discipline.id),
        }
        self.env["office.document.circulation"].create(
            {"document_id": docs["circulated"].id, "reader_id": self.it_staff.id}
        )
        docs["handled"]._office_write({"handler_id": self.it_staff.id})
        self._assert_same_as(
            docs,
            self._old_rule,
            {
                self.it_staff: docs["circulated"] | docs["handled"],
                self.budget_staff: docs["lead"],
                self.legal_head: docs["co"],
            },
        )

    @staticmethod
    def _old_outgoing_rule(user):
        departments = user.office_department_ids.ids
        return [
            "|",
            "|",
            "|",
            "|",
            "|",
            ("drafter_id", "=", user.id),
            ("create_uid", "=", user.id),
            ("department_id", "in", departments),
            ("cosign_ids.user_id", "=", user.id),
            ("cosign_ids.department_id", "in", departments),
            # the reviewers' rule, folded into the staff's
            ("review_ids.reviewer_ids", "in", [user.id]),
        ]

    def test_outgoing_same_documents_as_the_five_conditions(self):
        docs = {
            "drafted": self._outgoing(),
            "by_director": self._outgoing(user=self.director),
            "for_it": self._outgoing(
                user=self.clerk,
                drafter_id=self.it_staff.id,
                department_id=self.dep_it.id,
            ),
            "cosigned": self._outgoing(
                user=self.director,
                cosign_ids=[Command.create({"department_id": self.dep_legal.id})],
            ),
            "cosigner": self._outgoing(
                user=self.director,
                cosign_ids=[
                    Command.create(
                        {
                            "department_id": self.dep_discipline.id,
                            "user_id": self.it_staff.id,
                        }
                    )
                ],
            ),
        }
        docs["signing"] = self._in_signoff(self._outgoing(user=self.director))
        self._assert_same_as(
            docs,
            self._old_outgoing_rule,
            {
                self.it_staff: docs["for_it"] | docs["cosigner"],
                self.budget_staff: docs["drafted"],
                self.legal_head: docs["cosigned"],
                self.leader: docs["signing"],
            },
        )

    def _in_signoff(self, doc):
        """The document with its sign-off reviews (the director's pending,
        the leaders' waiting)."""
        doc.with_user(doc.create_uid).action_submit()
        checks = ("policy", "legal", "content", "wording", "format")
        doc.with_user(self.clerk).write({f"check_{c}": True for c in checks})
        doc.with_user(self.clerk).action_request_signoff()
        self.assertIn(self.leader, doc.sudo().review_ids.reviewer_ids)
        return doc
