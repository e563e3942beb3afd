import datetime

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import OfficeRiskCase

REPORT_DUE = "office_risk.mail_act_office_risk_report_due"


@tagged("post_install", "-at_install")
class TestRiskReport(OfficeRiskCase):
    def _open_report(self):
        Report = self.env["office.risk.report"]
        Report._cron_open_reports()
        return Report.search(
            [
                ("company_id", "=", self.env.company.id),
                ("date_from", "=", datetime.date(2026, 7, 1)),
            ]
        )

    def test_periodic_risk_control_report_to_the_committee(self):
        """003 第五条: every period the internal-control office reports the
        carrying out of risk control to the committee and discloses it."""
        # the demo events of the quarter, whatever day the demo was made
        before = self.env["office.risk.event"].search_count(
            [
                ("company_id", "=", self.env.company.id),
                ("date_found", ">=", "2026-07-01 00:00:00"),
                ("date_found", "<", "2026-10-01 00:00:00"),
                ("state", "!=", "cancel"),
            ]
        )
        self._event(date_found="2026-08-05 09:00:00")
        self._event(date_found="2026-10-05 09:00:00")
        report = self._open_report()
        self.assertEqual(len(report), 1)
        self.assertEqual(report.date_to, datetime.date(2026, 9, 30))
        self.assertEqual(report.due_date, datetime.date(2026, 10, 10))
        due = report.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref(REPORT_DUE)
        )
        self.assertIn(self.internal_control, due.user_id)
        self.assertEqual(due[:1].date_deadline, datetime.date(2026, 10, 10))
        self._open_report()
        self.assertEqual(
            self.env["office.risk.report"].search_count(
                [
                    ("company_id", "=", self.env.company.id),
                    ("date_from", "=", datetime.date(2026, 7, 1)),
                ]
            ),
            1,
        )
        Report = self.env["office.risk.report"]
        self.assertFalse(Report.with_user(self.staff).search([("id", "=", report.id)]))
        with self.assertRaises(AccessError):
            report.with_user(self.staff).action_submit()
        report.with_user(self.internal_control).action_submit()
        self.assertEqual(report.state, "submitted")
        self.assertEqual(report.event_count, before + 1)
        self.assertIn(self.committee, report.activity_ids.user_id)
        with self.assertRaises(UserError):
            report.with_user(self.internal_control).write({"event_count": 9})
        with self.assertRaises(UserError):
            report.with_user(self.internal_control).action_acknowledge()
        as_committee = report.with_user(self.committee)
        as_committee.committee_opinion = "加强印章使用登记"
        as_committee.action_acknowledge()
        with self.assertRaises(UserError):
            as_committee.action_disclose()
        report.with_user(self.internal_control).action_disclose()
        self.assertEqual(
            Report.with_user(self.staff).search([("id", "=", report.id)]), report
        )

    def test_reporting_period_is_a_setting(self):
        company = self.env.company
        company.office_risk_report_months = 1
        report = self.env["office.risk.report"]
        self.assertEqual(
            report._period_before(company, datetime.date(2026, 11, 18)),
            (datetime.date(2026, 10, 1), datetime.date(2026, 10, 31)),
        )
        with self.assertRaises(ValidationError):
            company.office_risk_report_months = 5

    def test_results_feed_performance_assessment(self):
        """003 第七条, 004 二: each unit's results of the period go to the
        performance office once the committee has reviewed the report."""
        self._event(date_found="2026-08-05 09:00:00")
        error = (
            self.env["office.risk.error"]
            .with_user(self.performance)
            .create(
                {
                    "user_id": self.staff.id,
                    "area_id": self.env.ref("office_risk.error_area_docs").id,
                    "classification": "general",
                    "description": "收文登记错误",
                    "date": datetime.date(2026, 8, 20),
                }
            )
        )
        error.action_confirm()
        report = self._open_report()
        report.with_user(self.internal_control).action_submit()
        line = report.line_ids.filtered(lambda x: x.department_id == self.dep_budget)
        self.assertEqual(
            (line.event_count, line.error_count, line.deduction_amount), (1, 1, 50)
        )
        self.assertFalse(report.activity_ids.user_id & self.performance)
        report.with_user(self.committee).action_acknowledge()
        self.assertIn(self.performance, report.activity_ids.user_id)
        Line = self.env["office.risk.report.line"]
        self.assertIn(line, Line.with_user(self.performance).search([]))
        with self.assertRaises(AccessError):
            Line.with_user(self.staff).search([])
