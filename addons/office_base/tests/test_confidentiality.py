from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import OfficeBaseCase


@tagged("post_install", "-at_install")
class TestConfidentiality(OfficeBaseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.public = cls.Request.create({"name": "公开请示"})
        cls.secret = cls.Request.create(
            {
                "name": "机密请示",
                "secrecy_level": "confidential",
                "need_to_know_department_ids": [(6, 0, cls.dep_budget.ids)],
                "need_to_know_user_ids": [(6, 0, cls.leader.ids)],
            }
        )

    def _visible_ids(self, user):
        return set(self.Request.with_user(user).search([]).ids)

    def test_mark_and_default_period(self):
        self.assertEqual(self.secret.secrecy_years, 20)
        self.assertEqual(self.secret.secrecy_mark, "机密★20年")
        self.secret.secrecy_release = "2027年12月31日"
        self.assertEqual(self.secret.secrecy_mark, "机密★2027年12月31日")
        self.assertFalse(self.public.secrecy_mark)

    def test_period_over_the_legal_maximum_is_refused(self):
        with self.assertRaises(ValidationError):
            self.secret.secrecy_years = 25

    def test_without_clearance_nothing_leaks(self):
        self.staff.groups_id += self.env.ref("base.group_allow_export")
        Request = self.Request.with_user(self.staff)
        self.assertNotIn(self.secret.id, self._visible_ids(self.staff))
        self.assertEqual(Request.search_count([("name", "=", "机密请示")]), 0)
        self.assertFalse(Request.name_search("机密"))
        groups = Request.read_group([], ["secrecy_level"], ["secrecy_level"])
        self.assertFalse([g for g in groups if g["secrecy_level"] == "confidential"])
        with self.assertRaises(AccessError):
            Request.browse(self.secret.id).read(["name"])
        with self.assertRaises(AccessError):
            Request.browse(self.secret.id).export_data(["name"])

    def test_department_member_with_clearance_reads(self):
        # budget_cleared belongs to a unit under the budget department.
        self.assertIn(self.secret.id, self._visible_ids(self.budget_cleared))
        self.assertEqual(
            self.Request.with_user(self.budget_cleared).browse(self.secret.id).name,
            "机密请示",
        )

    def test_named_reader_with_clearance_reads(self):
        self.assertIn(self.secret.id, self._visible_ids(self.leader))

    def test_clearance_without_need_to_know_is_not_enough(self):
        self.assertNotIn(self.secret.id, self._visible_ids(self.outsider))
        self.assertIn(self.public.id, self._visible_ids(self.outsider))

    def test_need_to_know_without_clearance_is_not_enough(self):
        self.secret.need_to_know_user_ids = [
            (4, self.clerk.id)
        ]  # general < confidential
        self.assertNotIn(self.secret.id, self._visible_ids(self.clerk))

    def test_clearance_change_applies_at_once(self):
        self.assertIn(self.secret.id, self._visible_ids(self.leader))
        self.leader.with_user(self.director).office_clearance = "general"
        self.assertNotIn(self.secret.id, self._visible_ids(self.leader))

    def test_only_director_grants_clearance(self):
        with self.assertRaises(AccessError):
            self.staff.with_user(self.clerk).write({"office_clearance": "core"})
        with self.assertRaises(AccessError):
            self.staff.with_user(self.staff).sudo(False).write(
                {"office_clearance": "core"}
            )

    def test_cannot_classify_above_own_clearance(self):
        with self.assertRaises(ValidationError):
            self.Request.with_user(self.clerk).create(
                {"name": "越级定密", "secrecy_level": "confidential"}
            )
        record = self.Request.with_user(self.director).create(
            {"name": "主任定密", "secrecy_level": "confidential"}
        )
        self.assertIn(
            self.director, record.need_to_know_user_ids, "the author can read it"
        )

    def test_reading_a_secret_record_is_logged(self):
        Log = self.env["office.secret.access.log"]
        before = Log.search_count(
            [("res_id", "=", self.secret.id), ("user_id", "=", self.leader.id)]
        )
        self.Request.with_user(self.leader).browse(self.secret.id).read(["name"])
        logs = Log.search(
            [("res_id", "=", self.secret.id), ("user_id", "=", self.leader.id)]
        )
        self.assertEqual(len(logs), before + 1)
        self.assertEqual(logs[0].model, "office.test.request")
        self.assertEqual(logs[0].secrecy_level, "机密★20年")
        self.Request.with_user(self.leader).browse(self.public.id).read(["name"])
        self.assertFalse(Log.search([("res_id", "=", self.public.id)]))

    def test_access_log_is_append_only(self):
        self.Request.with_user(self.leader).browse(self.secret.id).read(["name"])
        log = self.env["office.secret.access.log"].search([], limit=1)
        with self.assertRaises(AccessError):
            log.write({"user_id": self.staff.id})
        with self.assertRaises(AccessError):
            log.unlink()
        with self.assertRaises(AccessError):
            log.with_user(self.staff).read(["res_name"])

    def test_access_rights_answer_for_the_calling_user(self):
        models = ["office.holiday", "office.secret.access.log", "no.such.model"]
        staff = self.env["res.users"].with_user(self.staff).office_access_rights(models)
        director = (
            self.env["res.users"].with_user(self.director).office_access_rights(models)
        )
        self.assertEqual(
            staff, {"office.holiday": "r", "office.secret.access.log": "-"}
        )
        self.assertEqual(director["office.holiday"], "rwcu")
        self.assertEqual(director["office.secret.access.log"], "r")
