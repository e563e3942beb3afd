import datetime

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import OfficeDisclosureCase


@tagged("post_install", "-at_install")
class TestDisclosureRequest(OfficeDisclosureCase):
    def _request(self, received="2026-09-25", **values):
        request = (
            self.env["office.disclosure.request"]
            .with_user(self.officer)
            .create(
                {
                    "requester_name": "李某",
                    "requester_id_number": "430902199001011234",
                    "requester_phone": "13800000000",
                    "content": "2026年本局部门预算公开表",
                    "date_received": received,
                    "department_id": self.dep_budget.id,
                    "handler_id": self.staff.id,
                    **values,
                }
            )
        )
        request.action_register()
        return request

    def _answer(self, request, answer_type="public", **values):
        request.with_user(self.staff).write(
            {"answer_type": answer_type, "answer_text": "详见附件。", **values}
        )

    def test_request_received_friday_2026_09_25_is_due_20_working_days_later(self):
        request = self._request()
        self.assertEqual(request.state, "in_progress")
        # National Day off 10/1–10/7, make-up working Saturday 10/10
        self.assertEqual(request.date_due, datetime.date(2026, 10, 29))

    def test_the_deadline_is_a_company_setting(self):
        self.company.office_disclosure_answer_days = 15
        request = self._request()
        self.assertEqual(request.date_due, datetime.date(2026, 10, 22))

    def test_extension_moves_the_due_date_20_working_days_with_the_heads_approval(self):
        request = self._request()
        request.with_user(self.staff).request_extension("需要向预算科调取原始数据")
        self.assertEqual(request.state, "to_extend")
        self.assertEqual(request.date_due, datetime.date(2026, 10, 29))
        review = request.review_ids
        self.assertIn(self.director, review.reviewer_ids)
        self.assertNotIn(self.staff, review.reviewer_ids)
        with self.assertRaises(UserError):
            review.with_user(self.staff).action_office_approve()
        self._approve(request, self.director)
        self.assertEqual(request.state, "extended")
        self.assertEqual(request.date_due, datetime.date(2026, 11, 26))
        self.assertEqual(request.extended_on, datetime.date(2026, 11, 18))
        with self.assertRaises(UserError):
            request.with_user(self.staff).request_extension("再次延期")

    def test_a_refused_extension_leaves_the_period_unchanged(self):
        request = self._request()
        request.with_user(self.staff).request_extension("资料较多")
        request.review_ids.with_user(self.director).office_refuse("不符合延期条件")
        self.assertEqual(request.state, "in_progress")
        self.assertEqual(request.date_due, datetime.date(2026, 10, 29))

    def test_nobody_writes_the_due_date(self):
        request = self._request()
        with self.assertRaises(UserError):
            request.with_user(self.officer).write({"date_received": "2026-11-01"})
        with self.assertRaises(UserError):
            request.with_user(self.officer).write({"date_due": "2026-12-31"})
        with self.assertRaises(UserError):
            request.write({"date_due": "2026-12-31"})

    def test_an_answer_withholding_information_states_its_legal_ground(self):
        request = self._request(received="2026-11-16")
        self._answer(request, "refused")
        with self.assertRaises(UserError):
            request.with_user(self.staff).action_answer()
        self.assertEqual(request.state, "in_progress")
        request.with_user(self.staff).legal_ground = "《政府信息公开条例》第十四条"
        request.with_user(self.staff).action_answer()
        self.assertEqual(request.state, "answered")
        self.assertFalse(request.is_late)

    def test_a_disclosing_answer_passes_the_secrecy_review(self):
        request = self._request(received="2026-11-16")
        self._answer(request)
        with self.assertRaisesRegex(UserError, "Secrecy review"):
            request.with_user(self.staff).action_answer()
        self._reviewed(request)
        request.with_user(self.staff).action_answer()
        self.assertEqual(request.date_answered, datetime.date(2026, 11, 18))

    def test_a_late_answer_is_recorded(self):
        request = self._request(received="2026-10-15")
        self.assertEqual(request.date_due, datetime.date(2026, 11, 12))
        self._answer(request, "not_exist")
        request.with_user(self.staff).action_answer()
        self.assertTrue(request.is_late)

    def test_only_the_handler_or_an_officer_answers(self):
        request = self._request()
        self._answer(request, "not_exist")
        other_head = self._user(
            "dis_head2", "office_base.group_office_dept_head", self.dep_budget
        )
        with self.assertRaises(AccessError):
            request.with_user(other_head).action_answer()

    def test_the_requesters_data_stays_with_the_people_handling_it(self):
        request = self._request()
        with self.assertRaises(AccessError):
            request.with_user(self.other).read(["requester_id_number"])
        self.assertEqual(
            request.with_user(self.staff).requester_id_number, "430902199001011234"
        )

    def test_the_cron_chases_requests_near_their_deadline(self):
        near = self._request(received="2026-10-20")
        far = self._request(received="2026-11-17")
        self.env["office.disclosure.request"]._cron_remind_due()
        kind = self.env.ref("office_disclosure.mail_act_office_disclosure_due")
        self.assertIn(
            self.staff,
            near.activity_ids.filtered(lambda a: a.activity_type_id == kind).user_id,
        )
        self.assertFalse(
            far.activity_ids.filtered(lambda a: a.activity_type_id == kind)
        )

    def test_answered_on_the_spot(self):
        request = (
            self.env["office.disclosure.request"]
            .with_user(self.officer)
            .create(
                {
                    "requester_name": "王某",
                    "content": "办事指南",
                    "answer_type": "not_ours",
                    "legal_ground": "该信息由市人社局制作，请向其申请",
                    "answer_text": "非本机关政府信息。",
                }
            )
        )
        request.action_answer_on_spot()
        self.assertEqual(request.state, "answered")
        self.assertEqual(request.date_answered, datetime.date(2026, 11, 18))

    def test_the_notices_print_for_the_requester(self):
        request = self._request(received="2026-11-16")
        request.with_user(self.staff).request_extension("资料较多")
        self._approve(request, self.director)
        Report = self.env["ir.actions.report"].with_user(self.officer)
        html, _type = Report._render_qweb_html(
            "office_disclosure.action_report_office_disclosure_extension", request.ids
        )
        self.assertIn("李某", html.decode())
        self.assertIn("资料较多", html.decode())
        html, _type = Report._render_qweb_html(
            "office_disclosure.action_report_office_disclosure_answer", request.ids
        )
        self.assertIn("2026年本局部门预算公开表", html.decode())
