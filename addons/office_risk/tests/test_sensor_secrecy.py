from odoo_test_helper import FakeModelLoader

from odoo.tests import tagged

from .common import OfficeRiskCase


@tagged("post_install", "-at_install")
class TestSensorOnClassifiedSources(OfficeRiskCase):
    """An event is read by roles without its source's clearance (internal
    control, the leaders): a classified source is named by its kind only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.loader = FakeModelLoader(cls.env, cls.__module__)
        cls.loader.backup_registry()
        from .models import OfficeRiskTestSource

        cls.loader.update_registry((OfficeRiskTestSource,))

    @classmethod
    def tearDownClass(cls):
        cls.loader.restore_registry()
        super().tearDownClass()

    def test_a_classified_source_is_named_by_its_kind_only(self):
        Source = self.env["office.risk.test.source"]
        secret = Source.create({"name": "关于涉密事项甲的请示"})
        plain = Source.create({"name": "关于普通事项乙的请示"})
        # the level as a decision leaves it (office_secrecy allows no other way)
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE office_risk_test_source"
            " SET secrecy_level = 'secret', secrecy_rank = 1 WHERE id = %s",
            [secret.id],
        )
        self.env.invalidate_all()
        self.assertEqual(secret.secrecy_rank, 1)
        sensor = self.env["office.risk.sensor"].create(
            {
                "name": "请示超期探针",
                "model_name": "office.risk.test.source",
                "domain": f"[('id', 'in', {[secret.id, plain.id]})]",
                "point_id": self.point.id,
                "level": "general",
                "description_template": "请示《{name}》超期未办",
            }
        )
        sensor._run()
        events = self.env["office.risk.event"].search([("sensor_id", "=", sensor.id)])
        by_source = {event.res_id: event for event in events}
        expected = "请示《关于普通事项乙的请示》超期未办"
        self.assertEqual(by_source[plain.id].title, expected)
        self.assertEqual(by_source[plain.id].source_name, plain.display_name)
        event = by_source[secret.id]
        for name in ("title", "description", "source_name", "display_name"):
            self.assertNotIn("涉密事项甲", event[name] or "", name)
        self.assertIn("请示超期探针", event.title)
