import base64
import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import OfficeDocsCase

CHECKS = {
    "check_policy": True,
    "check_legal": True,
    "check_content": True,
    "check_wording": True,
    "check_format": True,
}
SIGNATURE = base64.b64encode(
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06"
    b"\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01"
    b"\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
)


@tagged("post_install", "-at_install")
class TestDocumentRules(OfficeDocsCase):
    """The partial rules of 公文 finished (issue 26): one test per rule,
    named after it and its seed."""

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------

    def _sensor(self, xmlid):
        sensor = self.env.ref(f"office_risk.{xmlid}", raise_if_not_found=False)
        if not sensor:
            self.skipTest("office_risk is not installed")
        return sensor

    def _sensor_hits(self, sensor, record):
        sensor._run()
        return (
            self.env["office.risk.event"]
            .sudo()
            .search(
                [
                    ("sensor_id", "=", sensor.id),
                    ("res_model", "=", record._name),
                    ("res_id", "=", record.id),
                ]
            )
        )

    def _closed_incoming(self, **vals):
        """A lower-level document registered, assigned, undertaken and closed."""
        doc = self._incoming(sender_id=self.district.id, **vals)
        doc.with_user(self.clerk).action_accept()
        doc.with_user(self.clerk).lead_department_id = self.dep_budget
        doc.with_user(self.clerk).action_assign()
        doc.with_user(self.budget_head).action_undertake()
        doc.with_user(self.budget_head).action_close("已办结。")
        self.assertEqual(doc.state, "closed")
        return doc

    def _signed(self, **vals):
        doc = self._outgoing(**vals)
        doc.with_user(doc.drafter_id).action_submit()
        doc.with_user(self.clerk).write(CHECKS)
        doc.with_user(self.clerk).action_request_signoff()
        self._sign(doc, self.director, self.leader, self.principal)
        self.assertEqual(doc.state, "signed")
        return doc

    def _activities(self, record, xmlid):
        return record.sudo().activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref(xmlid)
        )

    # ------------------------------------------------------------------
    # 003 第十条: 原则上当日批转
    # ------------------------------------------------------------------

    def test_same_day_assignment_deadline_003_10(self):
        # registered Wednesday 10:00 in Beijing: routed by 17:00 the same day
        doc = self._incoming(
            sender_id=self.district.id,
            received_at=datetime.datetime(2026, 11, 18, 2, 0),
        )
        self.assertEqual(doc.assign_deadline, datetime.datetime(2026, 11, 18, 9, 0))
        self.assertFalse(doc.routing_overdue)
        # received after hours: by the end of the next working day
        late_evening = self._incoming(
            sender_id=self.district.id,
            received_at=datetime.datetime(2026, 11, 18, 11, 0),
        )
        self.assertEqual(
            late_evening.assign_deadline, datetime.datetime(2026, 11, 19, 9, 0)
        )
        # on a Friday evening: by Monday's end
        friday = self._incoming(
            sender_id=self.district.id,
            received_at=datetime.datetime(2026, 11, 20, 12, 0),
        )
        self.assertEqual(friday.assign_deadline, datetime.datetime(2026, 11, 23, 9, 0))

        Incoming = self.env["office.incoming.document"].with_user(self.clerk)
        with freeze_time("2026-11-18 10:00:00"):  # 18:00 in Beijing
            doc.invalidate_recordset(["routing_overdue"])
            self.assertTrue(doc.routing_overdue)
            overdue = Incoming.search([("routing_overdue", "=", True)])
            self.assertIn(doc, overdue)
            self.assertNotIn(late_evening, overdue)
            doc.with_user(self.clerk).action_accept()
            doc.with_user(self.clerk).lead_department_id = self.dep_budget
            doc.with_user(self.clerk).action_assign()
        self.assertEqual(doc.routed_at, datetime.datetime(2026, 11, 18, 10, 0))
        self.assertTrue(doc.routed_late)
        self.assertFalse(doc.routing_overdue)
        # a document registered before the rule has no routing time: it is
        # overdue only while it is still with the office
        self.env.cr.execute(
            "UPDATE office_incoming_document SET routed_at = NULL WHERE id = %s",
            [doc.id],
        )
        doc.invalidate_recordset()
        with freeze_time("2026-11-18 10:00:00"):
            self.assertFalse(doc.routing_overdue)

        # routed in time: submitted to the leaders the same day
        upper = self._incoming(received_at=datetime.datetime(2026, 11, 18, 2, 0))
        upper.with_user(self.clerk).action_accept()
        upper.with_user(self.clerk).action_propose(
            "拟请预算科办理。", leader_ids=[self.leader.id]
        )
        self.assertTrue(upper.routed_at)
        self.assertFalse(upper.routed_late)

        # the company gives a day more: the deadline follows
        self.env.company.office_docs_assign_days = 1
        later = self._incoming(received_at=datetime.datetime(2026, 11, 18, 2, 0))
        self.assertEqual(later.assign_deadline, datetime.datetime(2026, 11, 19, 9, 0))
        # only the workflow records the routing
        with self.assertRaises(UserError):
            later.with_user(self.clerk).write({"routed_at": "2026-11-18 03:00:00"})

    def test_same_day_assignment_sensor_003_10(self):
        sensor = self._sensor("sensor_incoming_routing_late")
        doc = self._incoming(received_at=datetime.datetime(2026, 11, 18, 2, 0))
        self.assertFalse(self._sensor_hits(sensor, doc))
        with freeze_time("2026-11-18 10:00:00"):
            events = self._sensor_hits(sensor, doc)
        self.assertEqual(len(events), 1)
        self.assertEqual(events.point_id, self.env.ref("office_risk.risk_point_01_02"))
        self.assertIn(doc.name, events.description)

    # ------------------------------------------------------------------
    # 003 第十一条(二)2: 资金文件由预算科和部门预算管理科同时主办
    # ------------------------------------------------------------------

    def test_fund_document_led_jointly_by_budget_department_003_11(self):
        doc = self._incoming(sender_id=self.district.id, fund_document=True)
        doc.with_user(self.clerk).action_accept()
        doc.with_user(self.clerk).lead_department_id = self.dep_it
        # no budget department named in the settings
        with self.assertRaises(UserError):
            doc.with_user(self.clerk).action_assign()
        self.env.company.office_docs_budget_department_id = self.dep_budget
        # one lead only
        with self.assertRaises(UserError):
            doc.with_user(self.clerk).action_assign()
        # two leads, but not the budget department
        doc.with_user(self.clerk).joint_lead_department_id = self.dep_legal
        with self.assertRaises(UserError):
            doc.with_user(self.clerk).action_assign()
        self.assertEqual(doc.state, "accepted")

        doc.with_user(self.clerk).joint_lead_department_id = self.dep_budget
        doc.with_user(self.clerk).action_assign()
        self.assertEqual(doc.state, "assigned")
        self.assertIn(self.dep_budget, doc.co_department_ids)
        undertake = self._activities(doc, "office_docs.mail_act_incoming_undertake")
        self.assertEqual(undertake.user_id, self.it_head | self.budget_head)
        # the budget department sees and undertakes it as a lead
        self.assertEqual(
            self.env["office.incoming.document"]
            .with_user(self.budget_staff)
            .search([("id", "=", doc.id)]),
            doc,
        )
        doc.with_user(self.budget_head).action_undertake(self.budget_staff.id)
        self.assertEqual(doc.handler_id, self.budget_staff)

        # a document that is not on funds has one lead
        other = self._incoming(sender_id=self.district.id)
        other.with_user(self.clerk).action_accept()
        other.with_user(self.clerk).write(
            {
                "lead_department_id": self.dep_it.id,
                "joint_lead_department_id": self.dep_budget.id,
            }
        )
        with self.assertRaises(UserError):
            other.with_user(self.clerk).action_assign()

    def test_lead_department_precedence_003_11(self):
        doc = self._incoming(sender_id=self.district.id)
        doc.with_user(self.clerk).action_accept()
        doc.with_user(self.clerk).write(
            {
                "lead_department_id": self.dep_budget.id,
                "co_department_ids": [(6, 0, self.dep_it.ids)],
                "lead_basis": "leader",
            }
        )
        # ⑦ designated by a leader: not without the leader's instruction
        with self.assertRaises(UserError):
            doc.with_user(self.clerk).action_assign()
        # ① by the departments' duties, the first ground
        doc.with_user(self.clerk).lead_basis = "duties"
        doc.with_user(self.clerk).action_assign()
        self.assertEqual(doc.state, "assigned")

    # ------------------------------------------------------------------
    # 002 公文处理制度 八: 复印(含批示件)转发,原件留存归档
    # ------------------------------------------------------------------

    def test_copies_forwarded_with_instructions_original_kept_002_8(self):
        doc = self._incoming()
        doc.with_user(self.clerk).action_accept()
        doc.with_user(self.clerk).action_propose(
            "拟请预算科办理。", leader_ids=[self.leader.id]
        )
        doc.with_user(self.leader).action_instruct("请预算科办理。")
        Copy = self.env["office.document.copy"]
        with self.assertRaises(AccessError):
            Copy.with_user(self.budget_staff).create(
                {"document_id": doc.id, "department_ids": [(6, 0, self.dep_it.ids)]}
            )
        entry = Copy.with_user(self.clerk).create(
            {
                "document_id": doc.id,
                "copies": 2,
                "department_ids": [(6, 0, self.dep_it.ids)],
            }
        )
        # the instruction sheet goes with the copies
        with self.assertRaises(UserError):
            entry.with_user(self.clerk).action_forward()
        entry.with_user(self.clerk).with_instructions = True
        entry.with_user(self.clerk).action_forward()
        self.assertEqual(entry.state, "forwarded")
        self.assertEqual(entry.original_kept, self.dep_office.name)
        self.assertEqual(entry.forwarded_by_id, self.clerk)
        with self.assertRaises(UserError):
            entry.with_user(self.clerk).copies = 5
        # the receiving department sees its copies, others do not
        self.assertEqual(Copy.with_user(self.it_staff).search([]), entry)
        self.assertFalse(Copy.with_user(self.budget_staff).search([]))
        entry.with_user(self.clerk).action_recover()
        self.assertEqual(entry.state, "recovered")

    def test_copies_of_a_classified_document_follow_its_readability_002_8(self):
        doc = self._incoming(
            sender_id=self.district.id,
            secrecy_level="secret",
            need_to_know_department_ids=[(6, 0, self.dep_it.ids)],
        )
        entry = (
            self.env["office.document.copy"]
            .with_user(self.clerk)
            .create(
                {"document_id": doc.id, "department_ids": [(6, 0, self.dep_it.ids)]}
            )
        )
        # copying a secret carrier is approved: the director forwards
        with self.assertRaises(AccessError):
            entry.with_user(self.clerk).action_forward()
        entry.with_user(self.director).action_forward()
        # a member of the department without clearance does not see the entry
        self.assertFalse(
            self.env["office.document.copy"].with_user(self.it_staff).search([])
        )
        self.assertEqual(
            self.env["office.document.copy"].with_user(self.it_head).search([]),
            entry,
        )

    # ------------------------------------------------------------------
    # 002 公文处理制度 九: 借阅公文要严格履行登记、签字手续
    # ------------------------------------------------------------------

    def test_document_loan_signed_by_the_borrower_002_9(self):
        doc = self._closed_incoming()
        Loan = self.env["office.document.loan"]
        loan = Loan.with_user(self.clerk).create(
            {
                "document_id": doc.id,
                "borrower_id": self.it_staff.id,
                "purpose": "查阅往年预算指标文件。",
            }
        )
        # no lending before the borrower has signed for it
        with self.assertRaises(UserError):
            loan.with_user(self.clerk).action_lend()
        # nor with a signature the office puts in the register itself
        with self.assertRaises(UserError):
            loan.with_user(self.clerk).write({"signature": SIGNATURE})
        with self.assertRaises(UserError):
            Loan.with_user(self.clerk).create(
                {
                    "document_id": doc.id,
                    "borrower_id": self.it_staff.id,
                    "purpose": "查阅",
                    "signed_at": "2026-11-18 02:00:00",
                }
            )
        # the borrower signs, nobody for him
        with self.assertRaises(AccessError):
            loan.with_user(self.director).action_sign(SIGNATURE)
        with self.assertRaises(UserError):
            loan.with_user(self.it_staff).action_sign()
        loan.with_user(self.it_staff).action_sign(SIGNATURE)
        self.assertEqual(loan.state, "signed")
        self.assertTrue(loan.signature)
        with self.assertRaises(AccessError):
            loan.with_user(self.it_staff).action_lend()
        loan.with_user(self.clerk).action_lend()
        self.assertEqual(loan.state, "lent")
        # five working days from Wednesday 18 November
        self.assertEqual(loan.due_date, datetime.date(2026, 11, 25))
        self.assertEqual(
            self._activities(loan, "office_docs.mail_act_document_loan_return").user_id,
            self.it_staff,
        )
        with freeze_time("2026-11-26 02:00:00"):
            self.assertTrue(loan.is_overdue)
            Loan._cron_remind_overdue()
        self.assertEqual(
            len(self._activities(loan, "office_docs.mail_act_document_loan_return")),
            1,
        )
        loan.with_user(self.clerk).action_take_back("完整无缺。")
        self.assertEqual(loan.state, "returned")
        self.assertEqual(loan.received_by_id, self.clerk)
        self.assertFalse(
            self._activities(loan, "office_docs.mail_act_document_loan_return")
        )

    def test_classified_document_lent_only_within_need_to_know_002_9(self):
        doc = self._incoming(sender_id=self.district.id, secrecy_level="secret")
        loan = (
            self.env["office.document.loan"]
            .with_user(self.clerk)
            .create(
                {
                    "document_id": doc.id,
                    "borrower_id": self.it_head.id,
                    "purpose": "工作参考。",
                }
            )
        )
        # the borrower may not read the document: neither its loan
        with self.assertRaises(AccessError):
            loan.with_user(self.it_head).action_sign(SIGNATURE)
        self.assertFalse(
            self.env["office.document.loan"].with_user(self.it_head).search([])
        )
        doc.with_user(self.clerk).write(
            {"need_to_know_user_ids": [(4, self.it_head.id)]}
        )
        loan.with_user(self.it_head).action_sign(SIGNATURE)
        # taken off the list before the hand-over: not lent
        doc.with_user(self.clerk).write(
            {"need_to_know_user_ids": [(3, self.it_head.id)]}
        )
        with self.assertRaises(AccessError):
            loan.with_user(self.clerk).action_lend()

    # ------------------------------------------------------------------
    # 002 公文处理制度 十: 公文的清退、销毁
    # ------------------------------------------------------------------

    def test_year_end_return_and_destruction_list_approved_002_10(self):
        closed = self._closed_incoming()
        open_doc = self._incoming(sender_id=self.district.id)
        Disposal = self.env["office.document.disposal"]
        disposal = Disposal.with_user(self.clerk).create(
            {
                "year": 2026,
                "line_ids": [
                    (0, 0, {"document_id": closed.id, "action": "destroyed"}),
                    (0, 0, {"document_id": open_doc.id, "action": "returned"}),
                ],
            }
        )
        # a document still in handling is not disposed of
        with self.assertRaises(UserError):
            disposal.with_user(self.clerk).action_submit()
        disposal.line_ids.filtered(lambda line: line.document_id == open_doc).with_user(
            self.clerk
        ).unlink()
        disposal.with_user(self.clerk).action_submit()
        self.assertEqual(disposal.state, "submitted")
        with self.assertRaises(UserError):
            disposal.line_ids.with_user(self.clerk).action = "returned"
        self.assertIn(
            self.director,
            self._activities(
                disposal, "office_docs.mail_act_document_disposal_approve"
            ).user_id,
        )
        # not done before the director's approval
        with self.assertRaises(UserError):
            disposal.with_user(self.clerk).action_mark_done()
        with self.assertRaises(AccessError):
            disposal.with_user(self.clerk).action_approve()
        disposal.with_user(self.director).action_approve()
        self.assertEqual(disposal.approved_by_id, self.director)
        disposal.with_user(self.clerk).action_mark_done()
        self.assertEqual(disposal.state, "done")
        self.assertEqual(closed.disposal, "destroyed")
        # a destroyed document is neither lent nor on another list
        loan = (
            self.env["office.document.loan"]
            .with_user(self.clerk)
            .create(
                {
                    "document_id": closed.id,
                    "borrower_id": self.it_staff.id,
                    "purpose": "查阅",
                }
            )
        )
        loan.with_user(self.it_staff).action_sign(SIGNATURE)
        with self.assertRaises(UserError):
            loan.with_user(self.clerk).action_lend()
        again = Disposal.with_user(self.clerk).create(
            {"year": 2026, "line_ids": [(0, 0, {"document_id": closed.id})]}
        )
        with self.assertRaises(UserError):
            again.with_user(self.clerk).action_submit()

    def test_year_end_list_own_approval_and_secret_witnesses_002_10(self):
        secret = self._closed_incoming(secrecy_level="secret")
        disposal = (
            self.env["office.document.disposal"]
            .with_user(self.director)
            .create({"year": 2026, "line_ids": [(0, 0, {"document_id": secret.id})]})
        )
        disposal.with_user(self.director).action_submit()
        # the director does not approve the list he prepared
        with self.assertRaises(AccessError):
            disposal.with_user(self.director).action_approve()
        other_director = self._user(
            "t_director2", "group_office_director", "important", self.dep_office
        )
        disposal.with_user(other_director).action_approve()
        # classified documents are destroyed before two witnesses
        with self.assertRaises(UserError):
            disposal.with_user(self.director).action_mark_done()
        disposal.with_user(self.director).witness_ids = self.clerk | other_director
        disposal.with_user(self.director).action_mark_done()
        self.assertEqual(secret.disposal, "destroyed")
        # lines of a classified document are read within its need-to-know:
        # not by a clerk of another department, cleared but not on the list
        outsider = self._user(
            "t_clerk_it", "group_office_clerk", "general", self.dep_it
        )
        self.assertFalse(
            self.env["office.document.disposal.line"]
            .with_user(outsider)
            .search([("id", "in", disposal.line_ids.ids)])
        )
        self.assertEqual(
            self.env["office.document.disposal.line"]
            .with_user(self.director)
            .search([("id", "in", disposal.line_ids.ids)]),
            disposal.line_ids,
        )

    # ------------------------------------------------------------------
    # 003 表3, 表9: 会签时限与催办
    # ------------------------------------------------------------------

    def test_cosigning_deadline_and_chase_of_late_departments_003_table3_9(self):
        doc = self._outgoing(
            cosign_ids=[
                (0, 0, {"department_id": self.dep_legal.id}),
                (0, 0, {"department_id": self.dep_it.id}),
            ]
        )
        doc.with_user(self.budget_staff).action_submit()
        self.assertEqual(doc.state, "cosign")
        legal, it = doc.cosign_ids.sorted("id")
        # two working days from Wednesday
        self.assertEqual(legal.deadline, datetime.date(2026, 11, 20))
        with self.assertRaises(UserError):
            legal.with_user(self.budget_staff).write({"deadline": "2026-12-31"})
        legal.with_user(self.legal_head).action_agree()

        chase = "office_docs.mail_act_outgoing_cosign_chase"
        Outgoing = self.env["office.outgoing.document"]
        Outgoing._cron_chase_late_cosigners()
        self.assertFalse(self._activities(doc, chase))
        with freeze_time("2026-11-23 02:00:00"):  # Monday
            self.assertTrue(it.is_late)
            self.assertFalse(legal.is_late)
            Outgoing._cron_chase_late_cosigners()
            Outgoing._cron_chase_late_cosigners()
            self.assertEqual(self._activities(doc, chase).user_id, self.it_head)
            it.with_user(self.it_head).action_agree()
        self.assertFalse(self._activities(doc, chase))

    def test_cosigning_sensor_003_table9(self):
        sensor = self._sensor("sensor_outgoing_cosign_late")
        doc = self._outgoing(cosign_ids=[(0, 0, {"department_id": self.dep_it.id})])
        doc.with_user(self.budget_staff).action_submit()
        self.assertFalse(self._sensor_hits(sensor, doc))
        with freeze_time("2026-11-23 02:00:00"):
            events = self._sensor_hits(sensor, doc)
        self.assertEqual(len(events), 1)
        self.assertEqual(events.point_id, self.env.ref("office_risk.risk_point_09_02"))
        self.assertEqual(events.department_ids, self.dep_budget)

    # ------------------------------------------------------------------
    # 003 第十七条(二)2, 004 一(一)4: 印制时限
    # ------------------------------------------------------------------

    def test_very_urgent_document_printed_within_its_limit_003_17(self):
        # signed Wednesday 10:00 in Beijing: four working hours, lunch apart
        very_urgent = self._signed(urgency="very_urgent")
        self.assertEqual(
            very_urgent.print_deadline, datetime.datetime(2026, 11, 18, 7, 0)
        )
        urgent = self._signed(urgency="urgent")
        self.assertEqual(urgent.print_deadline, datetime.datetime(2026, 11, 19, 2, 0))
        normal = self._signed()
        self.assertEqual(normal.print_deadline, datetime.datetime(2026, 11, 23, 2, 0))

        Outgoing = self.env["office.outgoing.document"].with_user(self.clerk)
        with freeze_time("2026-11-18 08:00:00"):  # 16:00 in Beijing
            self.assertEqual(
                Outgoing.search(
                    [
                        ("print_overdue", "=", True),
                        ("id", "in", (very_urgent | urgent | normal).ids),
                    ]
                ),
                very_urgent,
            )
            for doc in (very_urgent, urgent):
                doc.with_user(self.clerk).action_first_read()
                doc.with_user(self.clerk).action_number()
                doc.with_user(self.clerk).print_copies = 10
                doc.with_user(self.clerk).action_mark_printed()
        self.assertTrue(very_urgent.printed_late)
        self.assertFalse(very_urgent.print_overdue)
        self.assertFalse(urgent.printed_late)

        # the limits are the company's settings
        self.env.company.office_docs_print_hours_very_urgent = 2
        quicker = self._signed(urgency="very_urgent")
        self.assertEqual(quicker.print_deadline, datetime.datetime(2026, 11, 18, 4, 0))

    def test_printing_sensor_003_17(self):
        sensor = self._sensor("sensor_outgoing_print_late")
        doc = self._signed(urgency="very_urgent")
        self.assertFalse(self._sensor_hits(sensor, doc))
        with freeze_time("2026-11-18 08:00:00"):
            events = self._sensor_hits(sensor, doc)
        self.assertEqual(len(events), 1)
        self.assertEqual(events.point_id, self.env.ref("office_risk.risk_point_07_04"))
