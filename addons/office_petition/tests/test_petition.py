import datetime

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import OfficePetitionCase


@tagged("post_install", "-at_install")
class TestPetition(OfficePetitionCase):
    def test_a_petition_received_2026_09_30_is_to_be_accepted_by_2026_10_15(self):
        petition = self._petition()
        self.assertEqual(petition.acceptance_due, datetime.date(2026, 10, 15))
        self.assertEqual(petition.first_receiver_id, self.officer)

    def test_accepted_2026_10_10_it_is_answered_within_60_days(self):
        petition = self._accepted()
        self.assertEqual(petition.state, "accepted")
        self.assertEqual(petition.date_accepted, datetime.date(2026, 10, 10))
        self.assertEqual(petition.answer_due, datetime.date(2026, 12, 9))
        self.assertFalse(petition.acceptance_late)

    def test_a_late_acceptance_is_recorded(self):
        petition = self._petition()
        petition.action_accept()
        self.assertTrue(petition.acceptance_late)
        self.assertEqual(petition.answer_due, datetime.date(2027, 1, 17))

    def test_only_a_petition_officer_accepts(self):
        petition = self._petition()
        with self.assertRaises(AccessError):
            petition.with_user(self.handler).action_accept()

    def test_a_matter_of_another_legal_channel_is_not_accepted(self):
        petition = self._petition(legal_channel="litigation")
        with self.assertRaises(UserError):
            petition.action_accept()
        petition._workflow_run("not_accept", reason="属于民事纠纷，请通过诉讼解决")
        self.assertEqual(petition.state, "not_accepted")
        self.assertEqual(petition.date_accepted, datetime.date(2026, 11, 18))

    def test_an_uncertain_legal_ground_needs_the_regulations_sections_cosignature(self):
        petition = self._accepted()
        petition.with_user(self.handler).write(
            {
                "answer_text": "补贴资金不得抵扣其他款项。",
                "legal_ground_uncertain": True,
            }
        )
        with self.assertRaisesRegex(UserError, "regulations section"):
            petition.with_user(self.handler).action_answer()
        with self.assertRaises(AccessError):
            petition.with_user(self.handler).action_cosign()
        with self.assertRaises(UserError):
            petition.with_user(self.handler).write({"cosigned_by_id": self.handler.id})
        petition.with_user(self.regulations).action_cosign()
        self.assertEqual(petition.cosigned_by_id, self.regulations)
        # a changed answer is co-signed again
        petition.with_user(self.handler).answer_text = "补贴资金专款专用。"
        self.assertFalse(petition.cosigned_by_id)
        petition.with_user(self.regulations).action_cosign()
        petition.with_user(self.handler).action_answer()
        self.assertEqual(petition.state, "answered")
        self.assertEqual(petition.date_answered, datetime.date(2026, 11, 18))
        self.assertFalse(petition.answer_late)

    def test_an_extension_adds_30_days_with_the_heads_approval(self):
        petition = self._accepted()
        for reason in ("  ", 42):
            with self.assertRaises(UserError):
                petition.with_user(self.handler).request_extension(reason)
        petition.with_user(self.handler).request_extension("涉及多个部门，情况复杂")
        self.assertEqual(petition.state, "to_extend")
        self.assertIn(self.principal, petition.review_ids.reviewer_ids)
        self.assertNotIn(self.deputy, petition.review_ids.reviewer_ids)
        with self.assertRaises(UserError):
            petition.review_ids.with_user(self.deputy).action_office_approve()
        petition.review_ids.with_user(self.principal).action_office_approve()
        self.assertEqual(petition.state, "extended")
        self.assertEqual(petition.answer_due, datetime.date(2027, 1, 8))
        with self.assertRaises(UserError):
            petition.with_user(self.handler).request_extension("再次延期")

    def test_nobody_moves_a_deadline_by_writing_it(self):
        petition = self._accepted()
        with self.assertRaises(UserError):
            petition.with_user(self.officer).write({"date_received": "2026-10-09"})
        with self.assertRaises(UserError):
            petition.with_user(self.officer).write({"answer_due": "2027-06-30"})

    def test_review_and_re_review_are_answered_within_30_days(self):
        petition = self._accepted()
        petition.with_user(self.handler).answer_text = "经核查，已补发。"
        petition.with_user(self.handler)._workflow_run("answer", at="2026-11-02")
        petition._workflow_run("request_review", at="2026-11-10")
        self.assertEqual(petition.review_due, datetime.date(2026, 12, 10))
        with self.assertRaises(UserError):
            petition.action_answer_review()
        petition.review_answer = "维持原处理意见。"
        petition.action_answer_review()
        petition.action_request_rereview()
        self.assertEqual(petition.rereview_due, datetime.date(2026, 12, 18))
        petition.rereview_answer = "复核维持。"
        petition.action_answer_rereview()
        self.assertEqual(petition.state, "closed")

    def test_a_group_visit_is_escalated_to_the_leaders(self):
        petition = self._petition(form="visit", persons=6)
        self.assertTrue(petition.is_group)
        self.assertTrue(petition.is_flagged)
        escalated = self.env.ref("office_petition.mail_act_office_petition_escalated")
        users = petition.activity_ids.filtered(
            lambda a: a.activity_type_id == escalated
        ).user_id
        self.assertIn(self.deputy, users)
        self.assertIn(self.principal, users)
        self.assertEqual(
            len(petition.with_user(self.deputy).search([("id", "=", petition.id)])), 1
        )

    def test_a_repeated_petition_is_escalated_when_flagged(self):
        petition = self._petition()
        self.assertFalse(
            petition.activity_ids.filtered(lambda a: a.user_id == self.deputy)
        )
        petition.is_repeated = True
        self.assertTrue(
            petition.activity_ids.filtered(lambda a: a.user_id == self.deputy)
        )

    def test_the_petitioners_data_stays_with_the_people_handling_it(self):
        petition = self._petition()
        with self.assertRaises(AccessError):
            petition.with_user(self.staff).read(["petitioner_id_number"])
        with self.assertRaises(AccessError):
            petition.with_user(self.deputy).read(["petitioner_id_number"])
        self.assertEqual(
            petition.with_user(self.handler).petitioner_id_number,
            "430902196505051234",
        )

    def test_the_cron_chases_the_acceptance_deadline(self):
        petition = self._petition(received="2026-11-05")
        later = self._petition(received="2026-11-17")
        self.env["office.petition"]._cron_remind_due()
        due = self.env.ref("office_petition.mail_act_office_petition_due")
        self.assertTrue(
            petition.activity_ids.filtered(lambda a: a.activity_type_id == due)
        )
        self.assertFalse(
            later.activity_ids.filtered(lambda a: a.activity_type_id == due)
        )

    def test_the_notices_print_for_the_petitioner(self):
        petition = self._accepted()
        Report = self.env["ir.actions.report"].with_user(self.officer)
        for xmlid in (
            "office_petition.action_report_office_petition_acceptance",
            "office_petition.action_report_office_petition_extension",
            "office_petition.action_report_office_petition_answer",
        ):
            html, _type = Report._render_qweb_html(xmlid, petition.ids)
            self.assertIn("周某", html.decode(), xmlid)
