import base64
import io

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.office_base.tests.common import QueryCountMixin

from .common import OfficeAttendanceCase

CLOCK = """badge,time
T001,2026-11-16 07:30
T001,2026-11-16 11:50
T001,2026-11-16 14:00
T001,2026-11-16 17:30
T001,2026-11-17 08:05
T001,2026-11-17 14:20
T001,2026-11-17 17:35
T001,2026-07-01 14:45
"""


@tagged("post_install", "-at_install")
class TestClockIn(QueryCountMixin, OfficeAttendanceCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.staff.employee_id.barcode = "T001"
        cls.staff2.employee_id.barcode = "T002"
        (cls.staff | cls.staff2).employee_id.write(
            {"office_service_start_date": "2026-11-16"}
        )

    def _import(self, text, user=None):
        wizard = (
            self.env["office.attendance.import.wizard"]
            .with_user(user or self.officer)
            .create({"data_file": base64.b64encode(text.encode())})
        )
        wizard.action_import()
        return wizard.imported_count

    def _attendances(self, employee):
        return self.env["hr.attendance"].search(
            [("employee_id", "=", employee.id)], order="check_in"
        )

    def test_punches_become_sessions_classified_by_the_window(self):
        self.assertEqual(self._import(CLOCK), 5)
        attendances = self._attendances(self.staff.employee_id)
        self.assertEqual(
            [
                (str(a.office_local_date), a.office_session, a.office_punctual)
                for a in attendances
            ],
            [
                ("2026-07-01", "afternoon", True),  # summer timetable: 15:00
                ("2026-11-16", "morning", True),
                ("2026-11-16", "afternoon", True),
                ("2026-11-17", "morning", False),  # after 8:00
                ("2026-11-17", "afternoon", True),
            ],
        )
        morning = attendances[1]
        self.assertEqual(str(morning.check_in), "2026-11-15 23:30:00")
        self.assertEqual(str(morning.check_out), "2026-11-16 03:50:00")

    def test_the_standard_afternoon_starts_at_half_past_two(self):
        self._import("badge,time\nT001,2026-11-16 14:45\n")
        self.assertFalse(self._attendances(self.staff.employee_id).office_punctual)

    def test_the_header_may_be_in_chinese(self):
        self._import("考勤号,打卡时间\nT001,2026-11-16 14:45\n")
        self.assertEqual(len(self._attendances(self.staff.employee_id)), 1)

    def test_a_bad_line_imports_nothing(self):
        with self.assertRaises(UserError):
            self._import(CLOCK + "X999,2026-11-16 07:30\n")
        with self.assertRaises(UserError):
            self._import(CLOCK + "T002,yesterday\n")
        with self.assertRaises(UserError):
            self._import("工号,时间\nT001,2026-11-16 07:30\n")
        self.assertFalse(self._attendances(self.staff.employee_id))

    def test_an_import_twice_adds_nothing(self):
        self._import(CLOCK)
        self.assertEqual(self._import(CLOCK), 0)
        self.assertEqual(len(self._attendances(self.staff.employee_id)), 5)

    def test_staff_cannot_import(self):
        with self.assertRaises(AccessError):
            self._import(CLOCK, self.staff)

    def _leave_staff2_on_17(self):
        leave = self._leave(self.staff2, "2026-11-17", "2026-11-17")
        self._approve_all(leave)

    def test_the_monthly_tally_matches_punches_and_forms(self):
        self._import(CLOCK)
        self._leave_staff2_on_17()
        employees = (self.staff | self.staff2).employee_id
        tally = self.env["office.attendance.tally"]._tally(
            employees, self._date("2026-11-01"), self._date("2026-11-17")
        )
        line = tally[self.staff.employee_id.id]
        self.assertEqual(line["working_days"], 2)
        self.assertEqual(line["punched_days"], 2)
        self.assertEqual((line["punctual"], line["late"]), (3, 1))
        self.assertEqual(line["discrepancies"], [])
        line2 = tally[self.staff2.employee_id.id]
        self.assertEqual(line2["leave_days"], {"sick": 1})
        self.assertEqual(line2["discrepancies"], [self._date("2026-11-16")])

    def test_the_cron_records_each_discrepancy_once(self):
        self._import(CLOCK)
        self._leave_staff2_on_17()
        Discrepancy = self.env["office.attendance.discrepancy"]
        Discrepancy._cron_detect()
        found = Discrepancy.search(
            [("employee_id", "in", (self.staff | self.staff2).employee_id.ids)]
        )
        self.assertEqual(found.employee_id, self.staff2.employee_id)
        self.assertEqual(str(found.date), "2026-11-16")
        Discrepancy._cron_detect()
        self.assertEqual(
            Discrepancy.search_count(
                [("employee_id", "=", self.staff2.employee_id.id)]
            ),
            1,
        )
        with self.assertRaises(AccessError):
            found.with_user(self.staff2)._workflow_run("resolve", reason="补打卡")
        found.with_user(self.officer)._workflow_run(
            "resolve", reason="外出开会，已补登记"
        )
        self.assertEqual(found.state, "resolved")
        with self.assertRaises(UserError):
            found.unlink()

    @freeze_time("2026-12-02 02:00:00")
    def test_the_register_prints_as_pdf_and_xlsx(self):
        self._import(CLOCK)
        wizard = (
            self.env["office.attendance.register.wizard"]
            .with_user(self.officer)
            .create({"period": "month", "year": 2026, "month": 11})
        )
        lines = {line["name"]: line for line in wizard._lines()}
        self.assertEqual(lines["att_staff"]["punctual"], 3)
        html = self.env["ir.actions.report"]._render_qweb_html(
            "office_attendance.action_report_office_attendance_register", wizard.ids
        )[0]
        self.assertIn(b"att_staff", html)
        xlsx = self.env["ir.actions.report"]._render_xlsx(
            "office_attendance.action_report_office_attendance_register_xlsx",
            wizard.ids,
            {},
        )[0]
        self.assertTrue(io.BytesIO(xlsx).read(2) == b"PK")
        with self.assertRaises(UserError):
            wizard.month = 13
            wizard.action_print_pdf()

    def test_the_tally_queries_do_not_grow_with_the_staff(self):
        self._import(CLOCK)
        few = (self.staff | self.staff2).employee_id
        many = few | self.env["hr.employee"].create(
            [{"name": f"考勤统计{i}", "barcode": f"Q{i}"} for i in range(8)]
        )
        Tally = self.env["office.attendance.tally"]
        start, end = self._date("2026-11-01"), self._date("2026-11-30")
        # eight more employees, not one query more than the prefetch's
        self.assertLessEqual(
            self._queries(lambda: Tally._tally(many, start, end)),
            self._queries(lambda: Tally._tally(few, start, end)) + 1,
        )
