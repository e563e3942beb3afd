from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import OfficeRiskCase


@tagged("post_install", "-at_install")
class TestSensor(OfficeRiskCase):
    def setUp(self):
        super().setUp()
        Partner = self.env["res.partner"]
        self.partners = Partner.create(
            [{"name": f"风险探针测试{i}", "ref": "RISKTEST"} for i in range(3)]
        )
        self.sensor = self.env["office.risk.sensor"].create(
            {
                "name": "测试探针",
                "model_name": "res.partner",
                "domain": "[('ref', '=', 'RISKTEST'), "
                "('create_date', '>=', working_days_ago(30)), "
                "('create_date', '<=', now + timedelta(days=1))]",
                "point_id": self.point.id,
                "level": "general",
                "description_template": "单位 {name} 存在风险({ref})",
            }
        )

    def _events(self, sensor=None):
        return self.env["office.risk.event"].search(
            [("sensor_id", "=", (sensor or self.sensor).id)]
        )

    def test_one_event_per_breach_however_often(self):
        Sensor = self.env["office.risk.sensor"]
        # only the test sensor runs: the shipped ones watch absent or empty models
        Sensor.search([("id", "!=", self.sensor.id)]).active = False
        Sensor._cron_evaluate()
        Sensor._cron_evaluate()
        Sensor._cron_evaluate()
        events = self._events()
        self.assertEqual(len(events), 3)
        self.assertEqual(set(events.mapped("res_id")), set(self.partners.ids))
        event = events.filtered(lambda e: e.res_id == self.partners[0].id)
        self.assertEqual(
            event.title, f"单位 {self.partners[0].name} 存在风险(RISKTEST)"
        )
        self.assertEqual(event.discovery, "sensor")
        self.assertEqual(event.proposed_level, "general")
        self.assertEqual(event.hit_count, 3)
        self.assertTrue(event.source_active)
        self.assertEqual(self.sensor.last_match_count, 3)
        self.assertEqual(self.sensor.open_event_count, 3)

    def test_resolved_source_lets_the_event_close(self):
        self.sensor._run()
        event = self._events().filtered(lambda e: e.res_id == self.partners[0].id)
        with self.assertRaises(UserError):
            event.with_user(self.internal_control).action_close_resolved()
        self.partners[0].ref = "FIXED"
        self.sensor._run()
        self.assertFalse(event.source_active)
        self.assertIn("no longer matches", event.message_ids[0].body)
        self.assertEqual(len(self._events()), 3)
        event.with_user(self.internal_control).action_close_resolved()
        self.assertEqual(event.state, "closed")
        # a new breach of the same record after closing is a new event
        self.partners[0].ref = "RISKTEST"
        self.sensor._run()
        self.assertEqual(len(self._events()), 4)

    def test_bounded_batches(self):
        self.sensor.batch_size = 2
        remaining = self.sensor._run()
        self.assertEqual(len(self._events()), 2)
        self.assertEqual(remaining, 1)
        self.assertEqual(self.sensor._run(), 0)
        self.assertEqual(len(self._events()), 3)

    def test_times_in_titles_are_beijing_time(self):
        """A cron runs without a user time zone: the title still reads the
        office's wall clock (UTC 02:00 is 10:00 in Beijing)."""
        self.sensor.description_template = "单位 {name} 创建于 {create_date}"
        self.partners.write({"ref": "FIXED"})
        self.partners[0].ref = "RISKTEST"
        self.sensor.with_context(tz=False)._run()
        [event] = self._events()
        self.assertIn("2026-11-18 10:00", event.title)

    def test_dedup_key_groups_records(self):
        self.sensor.dedup_key = "{ref}"
        self.sensor._run()
        self.sensor._run()
        self.assertEqual(len(self._events()), 1)

    def test_absent_model_is_skipped_quietly(self):
        absent = self.sensor.copy(
            {"name": "缺失模型", "model_name": "office.not.installed", "domain": "[]"}
        )
        self.assertFalse(absent.model_available)
        with self.assertNoLogs("odoo.addons.office_risk", level="WARNING"):
            self.env["office.risk.sensor"]._cron_evaluate()
        self.assertFalse(self._events(absent))
        self.assertEqual(len(self._events()), 3)
        with self.assertRaises(UserError):
            absent.action_preview()
        with self.assertRaises(UserError):
            absent.action_run()
        # the shipped sensors exist for every default breach
        shipped = self.env["office.risk.sensor"].search(
            [("id", "not in", (self.sensor | absent).ids)]
        )
        for sensor in shipped:
            self.assertEqual(sensor.model_available, sensor.model_name in self.env)
        # those of office_risk itself (bridges such as office_petition_risk
        # ship their own and test them)
        own = self.env["ir.model.data"].search(
            [("module", "=", "office_risk"), ("model", "=", "office.risk.sensor")]
        )
        self.assertEqual(
            set(
                shipped.filtered(lambda s: s.id in own.mapped("res_id")).mapped(
                    "model_name"
                )
            ),
            {
                "office.incoming.document",
                "office.incoming.assignment",
                "office.outgoing.document",
                "office.seal.takeout",
                "office.seal.ledger",
                "office.licence",
                "office.archive.loan",
                "office.archive.transfer.list",
                "office.archive.item",
                "office.archive.room.reading",
                "office.fleet.trip",
                "office.fleet.fuel.log",
                "office.fleet.budget",
                "office.secrecy.incident",
            },
        )
        self.assertEqual(
            self.env.ref("office_risk.sensor_secrecy_incident").level, "major"
        )

    def test_preview_and_validation(self):
        action = self.sensor.action_preview()
        self.assertEqual(action["res_model"], "res.partner")
        found = self.env["res.partner"].search(action["domain"])
        self.assertEqual(found, self.partners)
        with self.assertRaises(ValidationError):
            self.sensor.domain = "[('no_such_field', '=', 1)]"
        with self.assertRaises(ValidationError):
            self.sensor.domain = "[('ref', '=', "
        with self.assertRaises(ValidationError):
            self.sensor.department_field = "no_such_field"
        # a model that is not installed keeps its domain, unchecked against fields
        absent = self.sensor.copy({"model_name": "office.not.installed"})
        self.assertFalse(absent.model_available)

    def test_staff_cannot_change_sensors(self):
        from odoo.exceptions import AccessError

        with self.assertRaises(AccessError):
            self.sensor.with_user(self.staff).write({"domain": "[]"})
        self.sensor.with_user(self.internal_control).write({"batch_size": 50})

    def test_a_broken_sensor_stops_no_other(self):
        broken = (
            self.env["office.risk.sensor"]
            .with_context(install_mode=True)
            .create(
                {
                    "name": "字段不符的探针",
                    "model_name": "res.partner",
                    "domain": "[('no_such_field', '=', 1)]",
                    "point_id": self.point.id,
                }
            )
        )
        with self.assertNoLogs("odoo.addons.office_risk", level="WARNING"):
            self.env["office.risk.sensor"]._cron_evaluate()
        self.assertTrue(broken.last_error)
        self.assertFalse(self._events(broken))
        self.assertEqual(len(self._events()), 3)
