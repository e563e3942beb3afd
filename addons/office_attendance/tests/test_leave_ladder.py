from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import OfficeAttendanceCase


@tagged("post_install", "-at_install")
class TestLeaveLadder(OfficeAttendanceCase):
    def test_national_day_and_its_make_up_days_are_counted_from_the_calendar(self):
        leave = self._leave(self.staff, "2026-09-30", "2026-10-09")
        self.assertEqual(leave.number_of_days, 3)
        self.assertEqual(leave.office_ladder_level, "3")
        self.assertEqual(self._step_names(leave), ["leader", "executive", "principal"])
        steps = self._steps(leave)
        self.assertEqual(steps[0][1], self.deputy)
        self.assertEqual(steps[1][1], self.executive)
        self.assertIn(self.principal, steps[2][1])

    def test_mid_autumn_to_national_day_counts_four_working_days(self):
        leave = self._leave(self.staff, "2026-09-25", "2026-10-08")
        self.assertEqual(leave.number_of_days, 4)

    def test_a_make_up_saturday_is_a_leave_day(self):
        leave = self._leave(self.staff, "2026-10-10", "2026-10-10")
        self.assertEqual(leave.number_of_days, 1)

    def test_one_day_is_approved_by_the_leader_in_charge_only(self):
        leave = self._leave(self.staff, "2026-11-20", "2026-11-20")
        self.assertEqual(leave.office_ladder_level, "1")
        self.assertEqual(self._step_names(leave), ["leader"])
        self.assertEqual(self._steps(leave)[0][1], self.deputy)
        self._approve(leave, self.deputy)
        self.assertEqual(leave.state, "validate")

    def test_two_days_also_need_the_executive_deputy(self):
        leave = self._leave(self.staff, "2026-11-19", "2026-11-20", self.personal)
        self.assertEqual(leave.office_ladder_level, "2")
        self._approve(leave, self.deputy)
        self.assertEqual(leave.state, "confirm")
        self._approve(leave, self.executive)
        self.assertEqual(leave.state, "validate")

    def test_the_thresholds_are_company_settings(self):
        self.company.office_leave_executive_days = 2.0
        leave = self._leave(self.staff, "2026-11-19", "2026-11-20")
        self.assertEqual(leave.office_ladder_level, "1")

    def test_a_leaders_leave_goes_to_the_principal_leader(self):
        self.deputy.employee_id.department_id = self.dep_budget
        leave = self._leave(self.deputy, "2026-11-20", "2026-11-20")
        self.assertTrue(leave.office_requester_is_leader)
        self.assertEqual(self._step_names(leave), ["principal"])

    def test_three_days_go_through_the_three_approvers_in_order(self):
        leave = self._leave(self.staff, "2026-11-23", "2026-11-25")
        with self.assertRaises(UserError):
            # the principal leader's turn has not come
            leave.sudo().review_ids.filtered(
                lambda r: self.principal in r.reviewer_ids
            ).with_user(self.principal).action_office_approve()
        self._approve(leave, self.deputy)
        self._approve(leave, self.executive)
        self.assertEqual(leave.state, "confirm")
        self._approve(leave, self.principal)
        self.assertEqual(leave.state, "validate")
        self.assertEqual(leave.first_approver_id, self.principal.employee_id)

    def test_the_time_off_manager_cannot_skip_the_ladder(self):
        leave = self._leave(self.staff, "2026-11-23", "2026-11-25")
        with self.assertRaises(UserError):
            leave.with_user(self.hr_manager).action_validate()
        with self.assertRaises(UserError):
            leave.sudo().action_approve()
        self.assertEqual(leave.state, "confirm")
        self.assertFalse(leave.with_user(self.hr_manager).can_approve)

    def test_the_period_under_review_cannot_change_whatever_the_context(self):
        leave = self._leave(self.staff, "2026-11-23", "2026-11-23")
        hostile = leave.with_user(self.staff).with_context(skip_validation_check=True)
        with self.assertRaises(UserError):
            hostile.write({"request_date_to": "2026-11-27"})
        self._approve(leave, self.deputy)
        with self.assertRaises(UserError):
            leave.with_user(self.hr_manager).write({"request_date_to": "2026-11-27"})
        self.assertEqual(str(leave.request_date_to), "2026-11-23")

    def test_a_refusal_refuses_the_leave(self):
        leave = self._leave(self.staff, "2026-11-23", "2026-11-25")
        review = leave.sudo().review_ids.filtered(
            lambda r: self.deputy in r.reviewer_ids
        )
        review.with_user(self.deputy).office_refuse("工作安排冲突")
        self.assertEqual(leave.state, "refuse")

    def test_a_step_without_reviewer_is_refused(self):
        self.dep_budget.office_leader_id = False
        with self.assertRaises(UserError):
            self._leave(self.staff, "2026-11-20", "2026-11-20")

    def test_leave_types_outside_the_ladder_keep_odoo_flow(self):
        unpaid = self.env.ref("hr_holidays.holiday_status_unpaid")
        leave = self._leave(self.staff, "2026-11-20", "2026-11-20", unpaid)
        self.assertEqual(leave.office_ladder_level, "none")
        self.assertFalse(leave.sudo().review_ids)

    # ------------------------------------------------------------------
    # Report back (销假)
    # ------------------------------------------------------------------

    def _approved(self, date_from, date_to):
        leave = self._leave(self.staff, date_from, date_to)
        self._approve_all(leave)
        self.assertEqual(leave.state, "validate")
        return leave

    def test_report_back_after_the_leave(self):
        leave = self._approved("2026-11-16", "2026-11-17")
        leave.with_user(self.staff).action_office_report_back()
        self.assertEqual(str(leave.office_report_back_date), "2026-11-18")
        self.assertEqual(leave.office_report_back_user_id, self.staff)
        with self.assertRaises(UserError):
            leave.with_user(self.staff).action_office_report_back()

    def test_report_back_not_before_the_leave_nor_by_another(self):
        future = self._approved("2026-11-26", "2026-11-26")
        with self.assertRaises(UserError):
            future.with_user(self.staff).action_office_report_back()
        past = self._approved("2026-11-16", "2026-11-16")
        with self.assertRaises(UserError):
            past.with_user(self.staff2).action_office_report_back()
        past.with_user(self.officer).action_office_report_back()
        self.assertEqual(past.office_report_back_user_id, self.officer)

    def test_report_back_is_not_a_plain_write(self):
        leave = self._approved("2026-11-16", "2026-11-16")
        with self.assertRaises(UserError):
            leave.sudo().write({"office_report_back_date": "2026-11-18"})

    def test_a_leave_not_reported_back_is_chased(self):
        late = self._approved("2026-11-12", "2026-11-13")
        recent = self._approved("2026-11-17", "2026-11-17")
        before_the_addon = self._leave(
            self.staff,
            "2026-11-02",
            "2026-11-02",
            self.env.ref("hr_holidays.holiday_status_unpaid"),
        )
        before_the_addon.with_user(self.hr_manager).action_validate()
        # as the addon's install marks Odoo's types: the old leave joins a ladder
        self.env.ref("hr_holidays.holiday_status_unpaid").office_ladder = True
        chased = self.env["hr.leave"]._cron_office_chase_report_back()
        self.assertIn(late, chased)
        self.assertNotIn(recent, chased)
        # a leave approved before the ladder existed is not chased
        self.assertNotEqual(before_the_addon.office_ladder_level, "none")
        self.assertNotIn(before_the_addon, chased)
        activity = late.activity_ids.filtered(
            lambda a: (
                a.activity_type_id
                == self.env.ref("office_attendance.mail_act_office_report_back")
            )
        )
        self.assertIn(self.staff, activity.user_id)
        self.assertIn(self.officer, activity.user_id)
        self.env["hr.leave"]._cron_office_chase_report_back()
        self.assertEqual(
            len(late.activity_ids.filtered(lambda a: a.user_id == self.staff)), 1
        )
        late.with_user(self.staff).action_office_report_back()
        self.assertFalse(late.activity_ids.filtered(lambda a: a.user_id == self.staff))
