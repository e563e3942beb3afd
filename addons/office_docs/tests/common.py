import base64

from odoo.tests import new_test_user

from odoo.addons.office_base.tests.common import OfficeTestCase


class OfficeDocsCase(OfficeTestCase):
    """Departments, organs and users with the fewest groups that suffice.

    Nothing here relies on demo data; an issuing code named like one of the
    demo data is renamed for the test so that the test's own starts at 1."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))
        company = cls.env.company
        company.resource_calendar_id.tz = "Asia/Shanghai"
        cls.env["office.holiday.year"].seed_years([2026])

        Department = cls.env["hr.department"]
        cls.dep_office = Department.create({"name": "测试办公室"})
        cls.dep_budget = Department.create({"name": "测试预算科"})
        cls.dep_budget_unit = Department.create(
            {"name": "测试预算一股", "parent_id": cls.dep_budget.id}
        )
        cls.dep_legal = Department.create({"name": "测试税政法规科"})
        cls.dep_discipline = Department.create({"name": "测试纪检监察室"})
        cls.dep_it = Department.create({"name": "测试信息科"})
        company.write(
            {
                "office_docs_office_department_id": cls.dep_office.id,
                "office_docs_legal_department_id": cls.dep_legal.id,
                "office_docs_discipline_department_id": cls.dep_discipline.id,
            }
        )

        cls.clerk = cls._user(
            "t_clerk", "group_office_clerk", "general", cls.dep_office
        )
        cls.director = cls._user(
            "t_director", "group_office_director", "important", cls.dep_office
        )
        cls.budget_head = cls._user(
            "t_budget_head",
            "group_office_dept_head",
            "general",
            cls.dep_budget,
            manager=True,
        )
        cls.budget_staff = cls._user(
            "t_budget_staff", "group_office_user", "none", cls.dep_budget
        )
        cls.legal_head = cls._user(
            "t_legal_head",
            "group_office_dept_head",
            "general",
            cls.dep_legal,
            manager=True,
        )
        cls.discipline_head = cls._user(
            "t_discipline_head",
            "group_office_dept_head",
            "general",
            cls.dep_discipline,
            manager=True,
        )
        cls.it_head = cls._user(
            "t_it_head", "group_office_dept_head", "general", cls.dep_it, manager=True
        )
        cls.it_staff = cls._user("t_it_staff", "group_office_user", "none", cls.dep_it)
        cls.leader = cls._user("t_leader", "group_office_leader", "important", None)
        cls.principal = cls._user("t_principal", "group_office_principal", "core", None)
        cls.leader_legal = cls._user(
            "t_leader_legal", "group_office_leader", "important", None
        )
        # 分管领导 of each department (002 公文处理制度 二、三)
        (cls.dep_office | cls.dep_budget | cls.dep_discipline | cls.dep_it).write(
            {"office_leader_id": cls.leader.id}
        )
        cls.dep_legal.office_leader_id = cls.leader_legal

        Partner = cls.env["res.partner"]
        cls.province = Partner.create(
            {"name": "测试省财政厅", "is_company": True, "office_sender_level": "upper"}
        )
        cls.tax_bureau = Partner.create(
            {"name": "测试市税务局", "is_company": True, "office_sender_level": "peer"}
        )
        cls.district = Partner.create(
            {"name": "测试区财政局", "is_company": True, "office_sender_level": "lower"}
        )
        cls.notice = cls.env.ref("office_docs.document_type_notice")
        cls.request_type = cls.env.ref("office_docs.document_type_request")
        cls.order_type = cls.env.ref("office_docs.document_type_order")
        cls.letter_type = cls.env.ref("office_docs.document_type_letter")

        Code = cls.env["office.issuing.code"]
        for name in ("益财发", "益财函"):
            Code.search([("name", "=", name)]).write({"name": f"{name}演示"})
        Code.flush_model()
        cls.code_fa = Code.create({"name": "益财发", "description": "局发文"})
        cls.code_han = Code.create({"name": "益财函", "description": "局函"})

    @classmethod
    def _user(cls, login, group, clearance, department, manager=False):
        user = new_test_user(
            cls.env,
            login=login,
            groups=f"office_base.{group}",
            name=login[2:].replace("_", " ").title(),
            email=f"{login}@example.com",
            lang="en_US",
        )
        user.office_clearance = clearance
        if department:
            employee = cls.env["hr.employee"].create(
                {"name": user.name, "user_id": user.id, "department_id": department.id}
            )
            if manager:
                department.manager_id = employee
        else:
            cls.env["hr.employee"].create({"name": user.name, "user_id": user.id})
        return user

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------

    def _incoming(self, user=None, **vals):
        values = {
            "sender_id": self.province.id,
            "sender_ref": "湘财预〔2026〕8号",
            "title": "关于提前下达2027年转移支付预算指标的通知",
            "type_id": self.notice.id,
            "pages": 6,
            "copies": 2,
            "channel": "paper",
            "handling_kind": "action",
        }
        values.update(vals)
        return (
            self.env["office.incoming.document"]
            .with_user(user or self.clerk)
            .create(values)
        )

    @staticmethod
    def _body(text="正文"):
        return base64.b64encode(text.encode())

    def _outgoing(self, user=None, env=None, **vals):
        values = {
            "title": "关于做好2026年度预算执行工作的通知",
            "type_id": self.notice.id,
            "issuing_code_id": self.code_fa.id,
            "main_recipient_ids": [(6, 0, self.district.ids)],
            "body_file": self._body(),
            "body_filename": "正文.docx",
        }
        values.update(vals)
        return (
            (env or self.env)["office.outgoing.document"]
            .with_user(user or self.budget_staff)
            .create(values)
        )

    def _pending_review(self, document, user):
        reviews = document.sudo().review_ids.filtered(
            lambda r: r.status == "pending" and user in r.reviewer_ids
        )
        self.assertEqual(len(reviews), 1, f"{user.name} has no pending review")
        return reviews.with_user(user)

    def _sign(self, document, *signers):
        """Approve every step of the sign-off, in order, as `signers`."""
        for signer in signers:
            self._pending_review(document, signer).action_office_approve()

    def _flush_tracking(self):
        """End of a request: the tracked values of the step are logged."""
        self.env.flush_all()
        self.env.cr.precommit.run()

    def _messages(self, document):
        """Bodies and tracked values of the chatter, as one text."""
        texts = []
        for message in document.sudo().message_ids:
            texts.append(message.body or "")
            for value in message.sudo().tracking_value_ids:
                texts.append(str(value.new_value_char or ""))
        return "\n".join(texts)
