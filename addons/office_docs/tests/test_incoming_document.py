import datetime

from freezegun import freeze_time
from lxml import etree

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common import OfficeDocsCase


@tagged("post_install", "-at_install")
class TestIncomingDocument(OfficeDocsCase):
    # ------------------------------------------------------------------
    # The acceptance path: an upper-level document from registration to
    # closure, each step by its role, each step in the chatter
    # ------------------------------------------------------------------

    @freeze_time("2026-03-04 01:30:00")  # Wednesday 09:30 in Beijing
    def test_upper_level_document_from_registration_to_closure(self):
        doc = self._incoming(reply_required=True)
        self._flush_tracking()
        self.assertRegex(doc.name, r"^收文〔2026〕[1-9]\d*号$")
        self.assertEqual(doc.state, "registered")
        self.assertEqual(doc.sender_level, "upper")
        self.assertEqual(doc.holder_id, self.clerk)

        doc.with_user(self.clerk).action_accept()
        self._flush_tracking()
        self.assertEqual(doc.state, "accepted")

        # an upper-level document needs leaders to instruct it
        with self.assertRaises(UserError):
            doc.with_user(self.clerk).action_propose("请李局长阅示。")
        doc.with_user(self.clerk).action_propose(
            "拟请预算科牵头办理。", leader_ids=[self.leader.id]
        )
        self._flush_tracking()
        self.assertEqual(doc.state, "proposed")
        self.assertIn(self.leader, doc.activity_ids.user_id)

        # the leader sees it because it waits for him
        as_leader = doc.with_user(self.leader)
        self.assertEqual(
            self.env["office.incoming.document"]
            .with_user(self.leader)
            .search([("id", "=", doc.id)]),
            doc,
        )
        # not yet assignable: no instruction
        doc.with_user(self.clerk).lead_department_id = self.dep_budget
        with self.assertRaises(UserError):
            doc.with_user(self.clerk).action_assign()

        as_leader.action_instruct(
            "请预算科抓紧办理，3月20日前报结果。", due_date=datetime.date(2026, 3, 20)
        )
        self._flush_tracking()
        self.assertEqual(doc.state, "instructed")
        self.assertEqual(doc.instruction_ids.leader_id, self.leader)
        self.assertEqual(doc.due_date, datetime.date(2026, 3, 20))
        self.assertNotIn(
            self.leader,
            doc.activity_ids.filtered(
                lambda a: (
                    a.activity_type_id
                    == self.env.ref("office_docs.mail_act_incoming_instruct")
                )
            ).user_id,
        )

        doc.with_user(self.clerk).write(
            {"co_department_ids": [(6, 0, self.dep_it.ids)]}
        )
        doc.with_user(self.clerk).action_assign()
        self._flush_tracking()
        self.assertEqual(doc.state, "assigned")
        self.assertEqual(doc.assigned_at, datetime.datetime(2026, 3, 4, 1, 30))
        # 1 working day: Thursday 09:30 in Beijing
        self.assertEqual(doc.objection_deadline, datetime.datetime(2026, 3, 5, 1, 30))
        self.assertIn(self.budget_head, doc.activity_ids.user_id)
        self.assertEqual(doc.holder_id, self.budget_head)

        # staff of the lead department and of the co-department see it
        for user in (self.budget_staff, self.it_staff):
            self.assertTrue(
                self.env["office.incoming.document"]
                .with_user(user)
                .search_count([("id", "=", doc.id)])
            )

        doc.with_user(self.budget_head).action_undertake(
            handler_id=self.budget_staff.id
        )
        self._flush_tracking()
        self.assertEqual(doc.state, "handling")
        self.assertEqual(doc.handler_id, self.budget_staff)
        self.assertEqual(doc.holder_id, self.budget_staff)
        self.assertEqual(doc.assignment_ids.state, "undertaken")

        doc.with_user(self.budget_staff).action_add_progress(
            "已起草分配方案，报分管领导审定。"
        )
        self._flush_tracking()
        self.assertEqual(len(doc.progress_ids), 1)

        # the sender asked for a reply
        with self.assertRaises(UserError):
            doc.with_user(self.budget_staff).action_close("已按要求分解下达。")
        doc.with_user(self.budget_staff).reply_note = "3月18日以益财函〔2026〕3号函复"
        doc.with_user(self.budget_staff).action_close("已按要求分解下达。")
        self._flush_tracking()
        self.assertEqual(doc.state, "closed")
        self.assertEqual(doc.closed_by_id, self.budget_staff)
        self.assertEqual(doc.result, "已按要求分解下达。")

        chatter = self._messages(doc)
        for text in (
            "First review passed",
            "拟请预算科牵头办理",
            "请预算科抓紧办理",
            "测试预算科",
            "已起草分配方案",
            "已按要求分解下达",
        ):
            self.assertIn(text, chatter)
        states = set(
            doc.message_ids.sudo()
            .tracking_value_ids.filtered(lambda v: v.field_id.name == "state")
            .mapped("new_value_char")
        )
        self.assertEqual(
            states,
            {"Accepted", "Proposed", "Instructed", "Assigned", "Handling", "Closed"},
        )

    def test_propose_dialog_names_the_substitute_of_an_away_leader(self):
        doc = self._incoming()
        doc.with_user(self.clerk).action_accept()
        delegation = (
            self.env["office.delegation"]
            .with_user(self.leader)
            .create(
                {
                    "user_id": self.leader.id,
                    "substitute_id": self.principal.id,
                    "date_from": fields.Date.today(),
                    "date_to": fields.Date.today(),
                }
            )
        )
        delegation.action_confirm()
        action = doc.with_user(self.clerk).action_open_propose_wizard()
        Wizard = self.env[action["res_model"]].with_user(self.clerk)
        wizard = Wizard.with_context(**action["context"]).create(
            {"proposal": "拟请李局长阅示。", "leader_ids": [(6, 0, self.leader.ids)]}
        )
        self.assertIn(self.principal.name, wizard.substitute_note)
        wizard.action_confirm()
        self.assertEqual(doc.state, "proposed")
        self.assertEqual(doc.proposal, "拟请李局长阅示。")
        self.assertEqual(doc.instruct_leader_ids, self.leader)
        # the paper follows the document to the leader
        self.assertEqual(doc.holder_id, self.leader)

    def test_urgent_document_forwarded_by_the_director_then_countersigned(
        self,
    ):
        # 002 公文处理制度 七: 办公室主任安排先转发, 事后报领导阅示或补签
        doc = self._incoming(urgency="urgent")
        doc.with_user(self.clerk).action_accept()
        doc.with_user(self.clerk).action_propose(
            "拟请预算科先行准备。", leader_ids=[self.leader.id, self.principal.id]
        )
        doc.with_user(self.clerk).lead_department_id = self.dep_budget
        # the clerk may not, and the ordinary assignment still waits
        with self.assertRaises(UserError):
            doc.with_user(self.clerk).action_assign()
        with self.assertRaises(AccessError):
            doc.with_user(self.clerk).action_urgent_assign()
        doc.with_user(self.director).action_urgent_assign()
        self.assertEqual(doc.state, "assigned")
        self.assertTrue(doc.urgent_forward)
        self.assertEqual(doc.countersign_missing_ids, self.leader | self.principal)
        doc.with_user(self.leader).action_instruct("同意先行办理。")
        self.assertEqual(doc.countersign_missing_ids, self.principal)
        doc.with_user(self.principal).action_instruct("同意。")
        self.assertFalse(doc.countersign_missing_ids)
        self.assertEqual(doc.state, "assigned")

    def test_only_an_urgent_document_is_forwarded_before_the_instructions(self):
        doc = self._incoming()
        doc.with_user(self.clerk).action_accept()
        doc.with_user(self.clerk).action_propose("拟办", leader_ids=[self.leader.id])
        doc.with_user(self.clerk).lead_department_id = self.dep_budget
        with self.assertRaisesRegex(UserError, "Only an urgent document"):
            doc.with_user(self.director).action_urgent_assign()
        self.assertEqual(doc.state, "proposed")

    def test_registration_numbers_follow_each_other(self):
        first = self._incoming(received_at=datetime.datetime(2026, 5, 6, 2, 0))
        second = self._incoming(received_at=datetime.datetime(2026, 5, 6, 3, 0))
        n1 = int(first.name.removeprefix("收文〔2026〕").removesuffix("号"))
        self.assertEqual(second.name, f"收文〔2026〕{n1 + 1}号")
        # 2027 starts again
        other_year = self._incoming(received_at=datetime.datetime(2027, 1, 4, 2, 0))
        self.assertTrue(other_year.name.startswith("收文〔2027〕"))

    # ------------------------------------------------------------------
    # Roles
    # ------------------------------------------------------------------

    def test_wrong_roles_are_refused(self):
        doc = self._incoming(sender_id=self.district.id)
        with self.assertRaises(AccessError):
            self._incoming(user=self.budget_staff)
        with self.assertRaises(AccessError):
            doc.with_user(self.budget_head).action_accept()
        doc.with_user(self.clerk).action_accept()
        with self.assertRaises(AccessError):
            doc.with_user(self.leader).action_propose("拟办")
        doc.with_user(self.clerk).write({"lead_department_id": self.dep_budget.id})
        with self.assertRaises(AccessError):
            doc.with_user(self.budget_head).action_assign()
        doc.with_user(self.clerk).action_assign()
        # only the head of the lead department undertakes or objects
        for user in (self.budget_staff, self.it_head, self.clerk):
            with self.assertRaises(AccessError):
                doc.with_user(user).action_undertake()
            with self.assertRaises(AccessError):
                doc.with_user(user).action_object("不属于本科职责")
        # staff cannot instruct
        with self.assertRaises(AccessError):
            doc.with_user(self.budget_staff).action_instruct("同意")
        # the state moves only through the workflow
        with self.assertRaises(UserError):
            doc.with_user(self.clerk).write({"state": "closed"})
        # registration is the clerks'
        doc.with_user(self.budget_head).action_undertake()
        with self.assertRaises(AccessError):
            doc.with_user(self.budget_head).write({"title": "改标题"})
        # someone outside the departments does not see it
        self.assertFalse(
            self.env["office.incoming.document"]
            .with_user(self.it_staff)
            .search([("id", "=", doc.id)])
        )
        with self.assertRaises(AccessError):
            doc.with_user(self.it_staff).action_close("办结")
        with self.assertRaises(AccessError):
            doc.with_user(self.it_staff).read(["title"])

    def test_return_to_sender_needs_a_reason(self):
        doc = self._incoming(sender_id=self.district.id)
        action = doc.with_user(self.clerk).action_return()
        self.assertEqual(action["res_model"], "office.reason.wizard")
        wizard = (
            self.env["office.reason.wizard"]
            .with_user(self.clerk)
            .with_context(**action["context"])
            .create({"reason": "不属于本单位办理事项，越级行文。"})
        )
        self.assertEqual(wizard.verb, "return")
        wizard.action_confirm()
        self.assertEqual(doc.state, "returned")
        self.assertEqual(doc.return_reason, "不属于本单位办理事项，越级行文。")
        self.assertIn("越级行文", self._messages(doc))
        with self.assertRaises(UserError):
            doc.with_user(self.clerk).action_accept()

    def test_peer_document_needs_a_proposal_before_assignment(self):
        doc = self._incoming(sender_id=self.tax_bureau.id)
        doc.with_user(self.clerk).action_accept()
        doc.with_user(self.clerk).lead_department_id = self.dep_budget
        with self.assertRaises(UserError):
            doc.with_user(self.clerk).action_assign()
        doc.with_user(self.clerk).action_propose("拟请预算科办理。")
        doc.with_user(self.clerk).action_assign()
        self.assertEqual(doc.state, "assigned")

    def test_several_leaders_instruct(self):
        doc = self._incoming()
        doc.with_user(self.clerk).action_accept()
        doc.with_user(self.clerk).action_propose(
            "呈两位领导批示。", leader_ids=[self.leader.id, self.principal.id]
        )
        doc.with_user(self.leader).action_instruct("拟同意，呈局长审定。")
        self.assertEqual(doc.state, "proposed")
        # the "To instruct" filter: the principal's, no longer the leader's
        self.assertIn(doc, self._to_instruct(self.principal))
        self.assertNotIn(doc, self._to_instruct(self.leader))
        doc.with_user(self.principal).action_instruct("同意。")
        self.assertEqual(doc.state, "instructed")
        self.assertEqual(len(doc.instruction_ids), 2)
        with self.assertRaises(UserError):
            doc.instruction_ids[0].with_user(self.principal).write({"opinion": "改"})

    def _to_instruct(self, user):
        view = self.env.ref("office_docs.office_incoming_document_view_search")
        node = etree.fromstring(view.arch).xpath("//filter[@name='to_instruct']")[0]
        domain = safe_eval(node.get("domain"), {"uid": user.id})
        return self.env["office.incoming.document"].with_user(user).search(domain)

    # ------------------------------------------------------------------
    # Objection (异议)
    # ------------------------------------------------------------------

    def _assigned(self, **vals):
        doc = self._incoming(sender_id=self.district.id, **vals)
        doc.with_user(self.clerk).action_accept()
        doc.with_user(self.clerk).write({"lead_department_id": self.dep_budget.id})
        doc.with_user(self.clerk).action_assign()
        return doc

    def test_objection_returns_to_the_office_with_history(self):
        with freeze_time("2026-03-04 01:30:00"):
            doc = self._assigned()
        with freeze_time("2026-03-04 08:00:00"):
            with self.assertRaises(UserError):
                doc.with_user(self.budget_head).action_object("  ")
            doc.with_user(self.budget_head).action_object("属于信息科职责。")
        self.assertEqual(doc.state, "accepted")
        self.assertFalse(doc.lead_department_id)
        self.assertEqual(doc.assignment_ids.state, "objected")
        self.assertEqual(doc.assignment_ids.objection_reason, "属于信息科职责。")
        self.assertIn(
            self.clerk,
            doc.activity_ids.filtered(
                lambda a: (
                    a.activity_type_id
                    == self.env.ref("office_docs.mail_act_incoming_assign")
                )
            ).user_id,
        )
        # reassigned to the department proposed
        with freeze_time("2026-03-04 09:00:00"):
            doc.with_user(self.clerk).write({"lead_department_id": self.dep_it.id})
            doc.with_user(self.clerk).action_assign()
            doc.with_user(self.it_head).action_undertake()
        self.assertEqual(len(doc.assignment_ids), 2)
        self.assertEqual(
            set(doc.assignment_ids.mapped("state")), {"objected", "undertaken"}
        )
        self.assertIn("属于信息科职责", self._messages(doc))

    def test_objection_after_the_deadline_is_refused(self):
        with freeze_time("2026-03-04 01:30:00"):
            doc = self._assigned()
        with freeze_time("2026-03-05 01:31:00"):
            with self.assertRaises(UserError) as error:
                doc.with_user(self.budget_head).action_object("不属于本科职责")
        self.assertIn("2026-03-05 09:30", str(error.exception))
        self.assertEqual(doc.state, "assigned")
        with freeze_time("2026-03-05 01:31:00"):
            doc.with_user(self.budget_head).action_undertake()
        self.assertEqual(doc.state, "handling")

    def test_urgent_objection_deadline_is_one_working_hour(self):
        # Wednesday 2026-09-30 16:30 in Beijing, before the National Day break
        with freeze_time("2026-09-30 08:30:00"):
            urgent = self._assigned(urgency="urgent")
            normal = self._assigned()
        self.assertEqual(
            urgent.objection_deadline, datetime.datetime(2026, 10, 8, 0, 30)
        )  # 2026-10-08 08:30 in Beijing
        self.assertEqual(
            normal.objection_deadline, datetime.datetime(2026, 10, 8, 8, 30)
        )  # 2026-10-08 16:30 in Beijing
        with freeze_time("2026-09-30 08:30:00"):
            late = self._assigned(urgency="very_urgent")
        with freeze_time("2026-10-08 00:29:00"):
            urgent.with_user(self.budget_head).action_object("请改由信息科办理")
        self.assertEqual(urgent.state, "accepted")
        with freeze_time("2026-10-08 00:31:00"):
            with self.assertRaises(UserError):
                late.with_user(self.budget_head).action_object("请改由信息科办理")
            # the normal document may still be objected to until 16:30
            normal.with_user(self.budget_head).action_object("请改由信息科办理")
        self.assertEqual(late.state, "assigned")
        self.assertEqual(normal.state, "accepted")

    # ------------------------------------------------------------------
    # Due date
    # ------------------------------------------------------------------

    def test_due_date_sources(self):
        received = datetime.datetime(2026, 9, 30, 2, 0)  # 10:00 in Beijing
        normal = self._incoming(received_at=received)
        # the type's 10 working days, the National Day holidays skipped
        self.assertEqual(normal.due_date, datetime.date(2026, 10, 20))
        urgent = self._incoming(received_at=received, urgency="urgent")
        # the urgency rule: 3 working days (Saturday 10-10 is a make-up day)
        self.assertEqual(urgent.due_date, datetime.date(2026, 10, 10))
        urgent.with_user(self.clerk).action_accept()
        urgent.with_user(self.clerk).action_propose("呈阅", leader_ids=self.leader.ids)
        urgent.with_user(self.leader).action_instruct(
            "10月15日前办结", due_date=datetime.date(2026, 10, 15)
        )
        self.assertEqual(urgent.due_date, datetime.date(2026, 10, 15))

    # ------------------------------------------------------------------
    # Circulation (传阅)
    # ------------------------------------------------------------------

    def test_circulation_goes_through_the_office(self):
        doc = self._incoming(
            sender_id=self.district.id,
            handling_kind="read",
            circulation_ids=[
                (0, 0, {"sequence": 1, "reader_id": self.leader.id}),
                (0, 0, {"sequence": 2, "reader_id": self.budget_head.id}),
            ],
        )
        doc.with_user(self.clerk).action_accept()
        with self.assertRaises(UserError):
            doc.with_user(self.clerk).action_assign()
        first, second = doc.circulation_ids.sorted("sequence")
        self.assertEqual(doc.holder_id, self.clerk)

        doc.with_user(self.clerk).action_hand_to_next_reader()
        self.assertEqual(doc.state, "circulating")
        self.assertEqual(first.state, "current")
        self.assertEqual(doc.holder_id, self.leader)
        # the reader sees it; the next reader does not have it yet
        self.assertTrue(doc.with_user(self.leader).can_read_circulation)
        self.assertFalse(doc.with_user(self.budget_head).can_read_circulation)
        # no sideways passing: the office hands it on only once it is back
        with self.assertRaises(UserError):
            doc.with_user(self.clerk).action_hand_to_next_reader()
        with self.assertRaises(UserError):
            second.with_user(self.budget_head).action_mark_read()
        with self.assertRaises(AccessError):
            first.with_user(self.budget_head).action_mark_read()
        with self.assertRaises(AccessError):
            first.with_user(self.leader).write({"reader_id": self.budget_head.id})

        first.with_user(self.leader).action_mark_read("已阅，请预算科研究落实。")
        self.assertEqual(first.state, "read")
        self.assertEqual(doc.holder_id, self.clerk)
        with self.assertRaises(UserError):
            doc.with_user(self.clerk).action_close("传阅完毕")

        doc.with_user(self.clerk).action_hand_to_next_reader()
        self.assertEqual(doc.holder_id, self.budget_head)
        second.with_user(self.budget_head).action_mark_read()
        with self.assertRaises(UserError):
            doc.with_user(self.clerk).action_hand_to_next_reader()
        doc.with_user(self.clerk).action_close("传阅完毕")
        self.assertEqual(doc.state, "closed")
        chatter = self._messages(doc)
        self.assertIn("已阅，请预算科研究落实", chatter)
        self.assertIn(self.budget_head.name, chatter)

    # ------------------------------------------------------------------
    # Chasing (催办)
    # ------------------------------------------------------------------

    def test_cron_chases_due_and_overdue_documents_once(self):
        chase = self.env.ref("office_docs.mail_act_incoming_chase")
        Incoming = self.env["office.incoming.document"]
        with freeze_time("2026-03-02 01:00:00"):
            soon = self._assigned()  # due after 10 working days: 2026-03-16
            soon.with_user(self.budget_head).action_undertake(
                handler_id=self.budget_staff.id
            )
            later = self._assigned()
        with freeze_time("2026-03-13 01:00:00"):  # Friday: 03-16 is 1 working day on
            Incoming._cron_remind_due()
            Incoming._cron_remind_due()
        chased = (soon | later).activity_ids.filtered(
            lambda a: a.activity_type_id == chase
        )
        self.assertEqual(
            sorted(chased.mapped(lambda a: (a.res_id, a.user_id.id))),
            sorted([(soon.id, self.budget_staff.id), (later.id, self.budget_head.id)]),
        )
        with freeze_time("2026-03-13 01:00:00"):
            self.assertIn("Due on", chased[0].summary)
        # done, and overdue later: chased again, once
        chased.action_feedback("已催办")
        with freeze_time("2026-03-18 01:00:00"):
            Incoming._cron_remind_due()
            Incoming._cron_remind_due()
        again = (soon | later).activity_ids.filtered(
            lambda a: a.activity_type_id == chase
        )
        self.assertEqual(len(again), 2)
        self.assertTrue(all("Overdue" in a.summary for a in again))
        # closing ends the chase
        soon.with_user(self.budget_staff).action_close("已办结")
        self.assertFalse(
            soon.activity_ids.filtered(lambda a: a.activity_type_id == chase)
        )

    def test_cron_is_bounded(self):
        # received long ago: due before anything else in the database
        old = {"received_at": datetime.datetime(2020, 1, 2, 1, 0)}
        with freeze_time("2026-03-02 01:00:00"):
            docs = self._assigned(**old) | self._assigned(**old) | self._assigned(**old)
        with freeze_time("2026-03-20 01:00:00"):
            self.env["office.incoming.document"]._cron_remind_due(limit=2)
            chase = self.env.ref("office_docs.mail_act_incoming_chase")
            chased = docs.activity_ids.filtered(lambda a: a.activity_type_id == chase)
            self.assertEqual(len(set(chased.mapped("res_id"))), 2)
            self.env["office.incoming.document"]._cron_remind_due(limit=2)
            chased = docs.activity_ids.filtered(lambda a: a.activity_type_id == chase)
            self.assertEqual(len(set(chased.mapped("res_id"))), 3)

    # ------------------------------------------------------------------
    # Processing slip (收文处理笺)
    # ------------------------------------------------------------------

    def test_processing_slip(self):
        doc = self._incoming()
        doc.with_user(self.clerk).action_accept()
        doc.with_user(self.clerk).action_propose(
            "拟请预算科办理。", leader_ids=self.leader.ids
        )
        doc.with_user(self.leader).action_instruct("同意拟办意见。")
        html, _fmt = (
            self.env["ir.actions.report"]
            .with_user(self.clerk)
            ._render_qweb_html("office_docs.office_incoming_document_report", doc.ids)
        )
        html = html.decode()
        for text in (
            doc.name,
            "测试省财政厅",
            "湘财预〔2026〕8号",
            "拟请预算科办理",
            "同意拟办意见",
        ):
            self.assertIn(text, html)

    def test_workflow_fields_cannot_be_forged(self):
        with self.assertRaises(UserError):
            self._incoming(state="closed")
        with self.assertRaises(UserError):
            self._incoming(name="收文〔2026〕9999号")
        doc = self._incoming()
        with self.assertRaises(UserError):
            self._incoming(
                handling_kind="read",
                circulation_ids=[
                    (0, 0, {"reader_id": self.leader.id, "state": "read"})
                ],
            )
        with self.assertRaises(UserError):
            doc.with_user(self.clerk).write({"name": "收文〔2026〕1号"})
