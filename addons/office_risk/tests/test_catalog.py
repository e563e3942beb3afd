from collections import Counter

from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common import OfficeRiskCase


@tagged("post_install", "-at_install")
class TestCatalog(OfficeRiskCase):
    def _table_points(self):
        # the catalog of 003 as office_risk ships it; bridges add their own
        catalog = self.env["ir.model.data"].search(
            [("module", "=", "office_risk"), ("model", "=", "office.risk.point")]
        )
        return self.env["office.risk.point"].search(
            [
                ("id", "in", catalog.mapped("res_id")),
                ("step_id.table_no", ">=", 1),
                ("step_id.table_no", "<=", 27),
            ]
        )

    def test_every_point_of_tables_1_to_27(self):
        points = self._table_points()
        self.assertEqual(len(points), 160)
        per_table = Counter(point.step_id.table_no for point in points)
        self.assertEqual(sorted(per_table), list(range(1, 28)))
        self.assertEqual(per_table[20], 14)
        self.assertEqual(per_table[22], 13)
        self.assertEqual(per_table[10], 5)
        levels = Counter(points.mapped("level"))
        self.assertEqual(levels["major"], 9)
        self.assertEqual(levels["general"], 35)
        self.assertEqual(levels["significant"], 115)
        self.assertEqual(levels["variable"], 1)

    def test_catalog_of_003_reads_160_points_sensor_points_apart(self):
        """003 tables 1 to 27: the menu of the catalog lists 160 points; the
        five points only a sensor raises (V-1, V-2, S-1, S-2, S-3) are apart."""
        Point = self.env["office.risk.point"].with_user(self.staff)
        rules = self.env.ref("office_risk.office_risk_point_action")
        sensor = self.env.ref("office_risk.office_risk_point_sensor_action")
        listed = Point.search(safe_eval(rules.domain))
        self.assertEqual(len(listed), 160)
        self.assertEqual(listed, self._table_points())
        apart = Point.search(safe_eval(sensor.domain))
        self.assertLessEqual(
            {"V-1", "V-2", "S-1", "S-2", "S-3"}, set(apart.mapped("code"))
        )
        self.assertFalse(apart & listed)

    def test_points_as_printed(self):
        first = self.env.ref("office_risk.risk_point_01_01")
        self.assertEqual(first.name, "收文登记要素不全面、不准确,丢失公文。")
        self.assertEqual(first.level, "significant")
        self.assertEqual(first.responsible_unit, "办公室")
        self.assertEqual(first.domain_id.name, "公文处理")
        secret = self.env.ref("office_risk.risk_point_02_04")
        self.assertEqual(secret.name, "密件作为普通件处理")
        self.assertEqual(secret.level, "major")
        sign = self.env.ref("office_risk.risk_point_06_02")
        self.assertEqual(sign.responsible_unit, "局领导、承办科室单位")
        car = self.env.ref("office_risk.risk_point_27_03")
        self.assertEqual(car.level, "major")
        self.assertEqual(car.domain_id.name, "公车管理")
        finance = self.env.ref("office_risk.risk_point_17_05")
        self.assertEqual(finance.level, "variable")
        self.assertFalse(finance._event_level())

    def test_domains_define_their_levels(self):
        domains = self._table_points().domain_id
        self.assertEqual(
            set(domains.mapped("name")),
            {
                "公文处理",
                "局外会议",
                "新闻宣传",
                "档案管理",
                "财务管理",
                "资产管理",
                "信息公开",
                "保密",
                "信访",
                "公车管理",
            },
        )
        for domain in domains:
            self.assertTrue(domain.level_major and domain.level_general, domain.name)
        archive = self.env.ref("office_risk.risk_domain_archive")
        self.assertIn("重要档案损坏", archive.level_definition("major"))
        self.assertTrue(self.env.ref("office_risk.risk_step_15").control_measures)

    def test_editing_a_point_keeps_the_version_of_events(self):
        point = self.env["office.risk.point"].create(
            {
                "step_id": self.env.ref("office_risk.risk_step_01").id,
                "name": "测试风险点",
                "level": "general",
                "responsible_unit": "办公室",
            }
        )
        self.assertEqual(point.version, 1)
        event = self._event(point_id=point.id)
        first = event.point_version_id
        self.assertEqual(first.version, 1)
        point.with_user(self.internal_control).write(
            {"level": "major", "name": "测试风险点(修订)"}
        )
        self.assertEqual(point.version, 2)
        self.assertEqual(len(point.version_ids), 2)
        self.assertEqual(event.point_version_id, first)
        self.assertEqual(first.level, "general")
        self.assertEqual(first.name, "测试风险点")
        later = self._event(point_id=point.id)
        self.assertEqual(later.point_version_id.version, 2)
        self.assertEqual(later.proposed_level, "major")
        # a change that is not versioned makes no version
        point.sequence = 99
        self.assertEqual(point.version, 2)
