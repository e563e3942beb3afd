from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import OfficeRiskCase


@tagged("post_install", "-at_install")
class TestInspection(OfficeRiskCase):
    def setUp(self):
        super().setUp()
        self.template = self.env["office.risk.inspection.template"].create(
            {
                "name": "测试打分表",
                "item_ids": [
                    (
                        0,
                        0,
                        {
                            "name": "档案管理",
                            "max_points": 60,
                            "domain_id": self.env.ref(
                                "office_risk.risk_domain_archive"
                            ).id,
                        },
                    ),
                    (0, 0, {"name": "印章管理", "max_points": 40}),
                ],
            }
        )
        self.inspection = (
            self.env["office.risk.inspection"]
            .with_user(self.internal_control)
            .create(
                {
                    "name": "测试检查",
                    "kind": "cross",
                    "template_id": self.template.id,
                    "department_ids": [(6, 0, (self.dep_budget | self.dep_legal).ids)],
                }
            )
        )

    def test_scores_ranking_and_rectifications(self):
        self.assertEqual(self.template.max_total, 100)
        self.inspection.action_start()
        self.assertEqual(self.inspection.state, "ongoing")
        results = self.inspection.result_ids
        self.assertEqual(results.department_id, self.dep_budget | self.dep_legal)
        budget = results.filtered(lambda r: r.department_id == self.dep_budget)
        legal = results - budget
        self.assertEqual(budget.total_score, 100)
        budget.score_ids.filtered(lambda s: s.max_points == 60).score = 45
        legal.score_ids.filtered(lambda s: s.max_points == 40).score = 38
        self.assertEqual((budget.total_score, legal.total_score), (85, 98))
        self.assertAlmostEqual(budget.score_pct, 85)
        self.assertEqual((legal.rank, budget.rank), (1, 2))
        with self.assertRaises(ValidationError):
            budget.score_ids[0].score = 70
        budget.write(
            {
                "finding_ids": [
                    (
                        0,
                        0,
                        {
                            "description": "借阅登记簿记录不完整",
                            "point_id": self.env.ref("office_risk.risk_point_15_01").id,
                        },
                    ),
                    (
                        0,
                        0,
                        {
                            "description": "未设立保密员",
                            "requirement": "一周内明确保密员",
                        },
                    ),
                ]
            }
        )
        self.assertEqual(budget.finding_ids[0].domain_id.name, "档案管理")
        self.inspection.action_create_rectifications()
        rects = budget.finding_ids.rectification_id
        self.assertEqual(len(rects), 2)
        self.assertEqual(rects.department_id, self.dep_budget)
        self.assertEqual(self.inspection.rectification_count, 2)
        self.assertIn("一周内明确保密员", rects.mapped("measures"))
        # running it again makes no duplicates
        self.inspection.action_create_rectifications()
        self.assertEqual(self.inspection.rectification_count, 2)
        for xmlid in (
            "office_risk.action_report_office_risk_fact_confirmation",
            "office_risk.action_report_office_risk_rectification_notice",
        ):
            html = (
                self.env["ir.actions.report"]
                ._render_qweb_html(xmlid, budget.ids)[0]
                .decode()
            )
            self.assertIn("借阅登记簿记录不完整", html)
        budget.action_confirm_facts()
        self.assertEqual(budget.state, "confirmed")
        self.inspection.action_done()
        follow = self.env["office.risk.inspection"].browse(
            self.inspection.action_follow_up()["res_id"]
        )
        self.assertEqual(follow.parent_id, self.inspection)
        self.assertEqual(follow.department_ids, self.inspection.department_ids)

    def test_confirmed_facts_and_a_finished_inspection_are_locked(self):
        self.inspection.action_start()
        budget = self.inspection.result_ids.filtered(
            lambda r: r.department_id == self.dep_budget
        )
        budget.write({"finding_ids": [(0, 0, {"description": "登记簿缺页"})]})
        budget.action_confirm_facts()
        with self.assertRaises(UserError):
            budget.score_ids[0].score = 1
        with self.assertRaises(UserError):
            budget.finding_ids.description = "改过的事实"
        with self.assertRaises(UserError):
            self.env["office.risk.inspection.finding"].create(
                {"result_id": budget.id, "description": "补记的问题"}
            )
        with self.assertRaises(UserError):
            budget.finding_ids.unlink()
        with self.assertRaises(UserError):
            budget.unlink()
        # the rectification is still made from the confirmed finding
        budget.finding_ids.action_create_rectification()
        self.assertTrue(budget.finding_ids.rectification_id)
        self.inspection.action_done()
        with self.assertRaises(UserError):
            self.inspection.write({"name": "改名的检查"})
        with self.assertRaises(UserError):
            self.inspection.department_ids = self.dep_budget

    def test_completed_inspection_scores_are_locked(self):
        self.inspection.action_start()
        budget = self.inspection.result_ids.filtered(
            lambda r: r.department_id == self.dep_budget
        )
        budget.score_ids.filtered(lambda s: s.max_points == 60).score = 47.5
        self.inspection.action_done()
        self.assertEqual(budget.total_score, 87.5)
        as_inspector = budget.with_user(self.internal_control)
        line = as_inspector.score_ids.filtered(lambda s: s.max_points == 60)
        with self.assertRaisesRegex(UserError, "finished"):
            line.score = 60
        with self.assertRaisesRegex(UserError, "finished"):
            as_inspector.write({"score_ids": [(1, line.id, {"score": 60})]})
        with self.assertRaisesRegex(UserError, "finished"):
            as_inspector.write({"score_ids": [(2, line.id)]})
        with self.assertRaisesRegex(UserError, "finished"):
            as_inspector.write(
                {"score_ids": [(0, 0, {"item_id": line.item_id.id, "score": 60})]}
            )
        self.assertEqual(budget.total_score, 87.5)

    def test_checks(self):
        with self.assertRaises(UserError):
            self.inspection.action_done()
        empty = self.inspection.copy({"department_ids": [(5,)]})
        with self.assertRaises(UserError):
            empty.action_start()
        with self.assertRaises(ValidationError):
            self.inspection.write({"date_from": "2026-05-02", "date_to": "2026-05-01"})
        with self.assertRaises(ValidationError):
            self.template.item_ids[0].max_points = 0
        self.inspection.action_start()
        with self.assertRaises(UserError):
            self.inspection.action_start()

    def test_check_types_routine_key_scheduled_surprise(self):
        """000 五: 常规/重点, 定期/突击 检查. A key check scores its key areas
        only and needs them named; a surprise check is hidden from the
        inspected units until it starts."""
        self.assertEqual(
            (self.inspection.focus, self.inspection.timing), ("routine", "scheduled")
        )
        key = self.inspection.copy({"focus": "key", "timing": "surprise"})
        with self.assertRaisesRegex(UserError, "key areas"):
            key.action_start()
        Inspection = self.env["office.risk.inspection"]
        self.assertIn(self.inspection, Inspection.with_user(self.staff).search([]))
        self.assertNotIn(key, Inspection.with_user(self.staff).search([]))
        key.focus_domain_ids = self.env.ref("office_risk.risk_domain_archive")
        key.action_start()
        self.assertIn(key, Inspection.with_user(self.staff).search([]))
        self.assertEqual(len(key.result_ids.score_ids), 2)
        self.assertEqual(key.result_ids.score_ids.item_id.mapped("name"), ["档案管理"])
        self.assertEqual(key.result_ids[0].max_score, 60)

    def test_zero_error_requirements_004_scored_as_checklist(self):
        """004 一 (一)–(八): every numbered requirement is a checklist line;
        the inspection scores each area against it."""
        sheet = self.env.ref("office_risk.inspection_template_zero_error")
        self.assertEqual(sheet.max_total, 100)
        self.assertEqual(len(sheet.item_ids), 8)
        requirements = sheet.item_ids.requirement_ids
        self.assertEqual(len(requirements), 52)
        media = requirements.filtered(lambda r: r.code == "004 一(七)4")
        self.assertIn("移动存储介质不得内外网混用", media.name)
        inspection = self.inspection.copy({"template_id": sheet.id})
        inspection.action_start()
        budget = inspection.result_ids.filtered(
            lambda r: r.department_id == self.dep_budget
        )
        self.assertEqual(len(budget.check_ids), 52)
        self.assertEqual(budget.total_score, 100)
        check = budget.check_ids.filtered(lambda c: c.requirement_id == media)
        check.write({"met": False, "note": "U盘内外网混用"})
        line = check.score_id
        self.assertEqual((line.score, line.max_points), (15, 18))
        self.assertEqual(budget.total_score, 97)
        with self.assertRaisesRegex(ValidationError, "checklist"):
            line.score = 18
        budget.action_confirm_facts()
        with self.assertRaises(UserError):
            check.met = True
