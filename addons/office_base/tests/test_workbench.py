from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import OfficeBaseCase, QueryCountMixin


@tagged("post_install", "-at_install")
class TestWorkbench(QueryCountMixin, OfficeBaseCase):
    """The workbench counts as the user: record rules decide what each one
    counts; a tile of a model not installed, or of groups the user is not
    in, is left out; a condition that cannot run is refused at save."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        model = cls.env["ir.model"]._get("office.test.workflow")
        cls.env["ir.rule"].create(
            [
                {
                    "name": "office.test.workflow: own",
                    "model_id": model.id,
                    "domain_force": "[('requester_id', '=', user.id)]",
                    "groups": [
                        (6, 0, cls.env.ref("office_base.group_office_user").ids)
                    ],
                },
                {
                    "name": "office.test.workflow: all for the director",
                    "model_id": model.id,
                    "domain_force": "[(1, '=', 1)]",
                    "groups": [
                        (6, 0, cls.env.ref("office_base.group_office_director").ids)
                    ],
                },
            ]
        )
        # today is Wednesday 2026-11-18: Monday is two working days late,
        # Thursday is due within the two warning days, the 27th is later
        cls.late, cls.soon, cls.later = cls.Workflow.create(
            [
                {"name": "Late", "requester_id": cls.staff.id, "due": "2026-11-16"},
                {"name": "Soon", "requester_id": cls.staff.id, "due": "2026-11-19"},
                {"name": "Later", "requester_id": cls.director.id, "due": "2026-11-27"},
            ]
        )
        cls.Tile = cls.env["office.workbench.tile"]
        cls.tile = cls.Tile.create(
            {
                "name": "Drafts to submit",
                "kind": "todo",
                "model_name": "office.test.workflow",
                "domain": "[('state', '=', 'draft')]",
                "deadline_field": "due",
                "warn_days": 2,
            }
        )

    def _tile(self, user, tile=None):
        data = self.Tile.with_user(user).get_workbench()
        tile = tile or self.tile
        return next((t for t in data["tiles"] if t["id"] == tile.id), None), data

    def test_counts_are_made_as_the_user(self):
        staff, _data = self._tile(self.staff)
        director, _data = self._tile(self.director)
        self.assertEqual(
            (staff["count"], staff["red"], staff["yellow"], staff["green"]),
            (2, 1, 1, 0),
            "the staff member counts his own two drafts, not the director's",
        )
        self.assertEqual(
            (director["count"], director["red"], director["yellow"], director["green"]),
            (3, 1, 1, 1),
        )

    def test_deadlines_in_working_days_with_colours(self):
        _tile, data = self._tile(self.staff)
        mine = [d for d in data["deadlines"] if d["model"] == "office.test.workflow"]
        self.assertEqual(
            [(d["res_id"], d["days_left"], d["colour"]) for d in mine],
            [(self.late.id, -2, "red"), (self.soon.id, 1, "yellow")],
        )
        self.assertNotIn(self.later.id, [d["res_id"] for d in mine])

    def test_tile_of_a_missing_model_is_left_out(self):
        missing = self.Tile.create(
            {"name": "Not installed", "model_name": "office.not.installed"}
        )
        tile, data = self._tile(self.director, missing)
        self.assertIsNone(tile)
        self.assertTrue(data["tiles"], "the other tiles still show")

    def test_tile_hidden_when_empty_shows_only_to_whom_it_counts(self):
        self.tile.write({"hide_empty": True, "domain": "[('requester_id', '=', uid)]"})
        self.assertTrue(self._tile(self.staff)[0])
        self.assertIsNone(self._tile(self.clerk)[0], "the clerk has no draft")

    def test_tile_of_other_groups_is_left_out(self):
        self.tile.groups_ids = self.env.ref("office_base.group_office_director")
        self.assertIsNone(self._tile(self.staff)[0])
        self.assertTrue(self._tile(self.director)[0])
        self.tile.write({"groups_ids": [(5,)], "group_xmlids": "office_x.group_x"})
        self.assertIsNone(self._tile(self.director)[0], "a missing group is no one")
        with self.assertRaises(UserError):
            self.tile.with_user(self.director).action_open()

    def test_tile_of_an_unreadable_model_is_left_out(self):
        tile = self.Tile.create(
            {"name": "Access log", "model_name": "office.secret.access.log"}
        )
        self.assertIsNone(self._tile(self.staff, tile)[0])
        self.assertTrue(self._tile(self.director, tile)[0])

    def test_bad_condition_is_refused_at_save(self):
        for domain in ("[('state', '=',", "42", "[('no_such_field', '=', 1)]"):
            with self.subTest(domain=domain), self.assertRaises(ValidationError):
                self.tile.domain = domain
        with self.assertRaises(ValidationError):
            self.tile.deadline_field = "name"
        with self.assertRaises(ValidationError):
            self.tile.breakdown_field = "due"
        with self.assertRaises(ValidationError):
            self.tile.action_xmlid = "office_base.office_holiday_action"

    def test_condition_names_working_days(self):
        self.tile.domain = (
            "[('due', '<', working_days_ahead(1)), ('requester_id', '=', uid)]"
        )
        staff, _data = self._tile(self.staff)
        self.assertEqual(staff["count"], 1, "only Monday's is before Thursday")

    def test_open_shows_what_was_counted(self):
        action = self.tile.with_user(self.staff).action_open()
        self.assertEqual(action["res_model"], "office.test.workflow")
        records = self.Workflow.with_user(self.staff).search(action["domain"])
        self.assertEqual(records, self.late | self.soon)
        one = self.tile.with_user(self.staff).action_open_record(self.soon.id)
        self.assertEqual((one["res_id"], one["view_mode"]), (self.soon.id, "form"))

    def test_workbench_query_budget(self):
        for index in range(5):
            self.tile.copy({"name": f"Copy {index}"})
        queries = self._queries(self.Tile.with_user(self.staff).get_workbench)
        self.assertLessEqual(queries, 40)
