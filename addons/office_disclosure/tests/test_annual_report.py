import datetime

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import OfficeDisclosureCase


@tagged("post_install", "-at_install")
class TestAnnualReport(OfficeDisclosureCase):
    def _request(self, received, answer_type=None):
        request = (
            self.env["office.disclosure.request"]
            .with_user(self.officer)
            .create(
                {
                    "requester_name": "张某",
                    "content": "预算信息",
                    "date_received": received,
                    "handler_id": self.staff.id,
                    "department_id": self.dep_budget.id,
                }
            )
        )
        request.action_register()
        if answer_type:
            request.with_user(self.staff).write(
                {
                    "answer_type": answer_type,
                    "answer_text": "答复。",
                    "legal_ground": "第十四条",
                }
            )
            request.with_user(self.staff).action_answer()
        return request

    def test_the_report_of_2026_is_due_on_31_january_2027(self):
        report = self.env["office.disclosure.annual.report"].create({"year": 2026})
        self.assertEqual(report.date_due, datetime.date(2027, 1, 31))

    def test_its_figures_come_from_the_registers_of_the_year(self):
        report = (
            self.env["office.disclosure.annual.report"]
            .with_user(self.officer)
            .create({"year": 2026, "department_id": self.dep_office.id})
        )
        # whatever the database holds already (demo data)
        before = report._figures()
        self._request("2026-11-16", "refused")
        self._request("2026-11-17", "not_exist")
        self._request("2026-11-17")
        self._request("2025-12-01", "not_exist")
        report.action_refresh()
        added = {
            name: report[name] - before[name]
            for name in (
                "request_count",
                "answered_count",
                "refused_count",
                "not_exist_count",
                "pending_count",
            )
        }
        self.assertEqual(
            added,
            {
                "request_count": 3,
                "answered_count": 3,
                "refused_count": 1,
                "not_exist_count": 2,
                "pending_count": 1,
            },
        )
        with self.assertRaises(UserError):
            report.write({"request_count": 99})

    def test_it_is_published_after_the_secrecy_review(self):
        report = (
            self.env["office.disclosure.annual.report"]
            .with_user(self.officer)
            .create({"year": 2026, "department_id": self.dep_budget.id, "body": "正文"})
        )
        with self.assertRaisesRegex(UserError, "Secrecy review"):
            report.action_publish()
        self._reviewed(report)
        report.action_publish()
        self.assertEqual(report.state, "published")
        self.assertFalse(report.is_late)
