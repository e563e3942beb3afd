import datetime

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import OfficeBaseCase


@tagged("post_install", "-at_install")
class TestUrgency(OfficeBaseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.resource_calendar_id.tz = "Asia/Shanghai"
        cls.env["office.holiday.year"].seed_years([2026])
        model = cls.env["ir.model"]._get("office.test.request")
        Rule = cls.env["office.deadline.rule"]
        Rule.create(
            {
                "model_id": model.id,
                "urgency": "normal",
                "amount": 5,
                "unit": "working_days",
            }
        )
        Rule.create(
            {
                "model_id": model.id,
                "urgency": "urgent",
                "amount": 1,
                "unit": "working_days",
            }
        )
        Rule.create(
            {
                "model_id": model.id,
                "urgency": "very_urgent",
                "amount": 1,
                "unit": "working_hours",
            }
        )

    def test_deadline_by_urgency(self):
        start = datetime.datetime(2026, 9, 30, 8, 30)  # 16:30 in Beijing
        request = self.Request.create({"name": "请示", "urgency": "normal"})
        self.assertEqual(
            request._office_deadline_for(start), datetime.datetime(2026, 10, 13, 8, 30)
        )
        request.urgency = "urgent"
        self.assertEqual(
            request._office_deadline_for(start), datetime.datetime(2026, 10, 8, 8, 30)
        )
        request.urgency = "very_urgent"
        self.assertEqual(
            request._office_deadline_for(start), datetime.datetime(2026, 10, 8, 0, 30)
        )

    def test_no_rule_no_deadline(self):
        self.assertFalse(
            self.env["office.urgency.mixin"]._office_deadline(
                datetime.datetime(2026, 3, 2)
            )
        )

    def test_rule_must_be_positive(self):
        with self.assertRaises(ValidationError):
            self.env["office.deadline.rule"].create(
                {
                    "model_id": self.env["ir.model"]._get("res.partner").id,
                    "urgency": "normal",
                    "amount": 0,
                }
            )
