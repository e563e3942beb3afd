from lxml import etree

from odoo.tests import Form, tagged

from .common import OfficeDocsCase


@tagged("post_install", "-at_install")
class TestViews(OfficeDocsCase):
    """The forms work for the people who use them."""

    def test_views_load_for_every_role(self):
        for model in ("office.incoming.document", "office.outgoing.document"):
            for user in (self.clerk, self.budget_staff, self.budget_head, self.leader):
                views = (
                    self.env[model]
                    .with_user(user)
                    .get_views(
                        [
                            (False, "list"),
                            (False, "form"),
                            (False, "kanban"),
                            (False, "search"),
                        ],
                        {"load_filters": True, "toolbar": True},
                    )
                )
                self.assertEqual(
                    set(views["views"]), {"list", "form", "kanban", "search"}
                )

    def test_registers_mark_the_class_and_search_the_title_first(self):
        """001: red for classified documents, yellow for ordinary ones; what a
        clerk types in the search box is looked for in the titles first."""
        for model in ("office.incoming.document", "office.outgoing.document"):
            Model = self.env[model].with_user(self.clerk)
            arch = etree.fromstring(Model.get_view(view_type="list")["arch"])
            [mark] = arch.xpath("//field[@name='secrecy_level']")
            self.assertEqual(mark.get("decoration-danger"), "secrecy_rank > 0")
            self.assertEqual(mark.get("decoration-warning"), "secrecy_rank == 0")
            search = etree.fromstring(Model.get_view(view_type="search")["arch"])
            self.assertEqual(search.xpath("//field")[0].get("name"), "title")

    def test_register_through_the_form(self):
        form = Form(self.env["office.incoming.document"].with_user(self.clerk))
        form.sender_id = self.province
        form.sender_ref = "湘财预〔2026〕9号"
        form.title = "关于下达2026年第二批专项资金的通知"
        form.type_id = self.notice
        form.urgency = "urgent"
        form.pages = 3
        doc = form.save()
        self.assertRegex(doc.name, r"^收文〔\d{4}〕[1-9]\d*号$")
        self.assertEqual(doc.sender_level, "upper")
        doc.action_accept()
        with Form(doc.with_user(self.clerk)) as edit:
            edit.proposal = "拟请预算科办理。"
            edit.instruct_leader_ids.add(self.leader)
        doc.with_user(self.clerk).action_propose()
        self.assertEqual(doc.state, "proposed")
        action = doc.with_user(self.leader).action_instruct()
        wizard = Form(
            self.env[action["res_model"]]
            .with_user(self.leader)
            .with_context(**action["context"])
        )
        wizard.opinion = "同意。"
        wizard.save().action_confirm()
        self.assertEqual(doc.state, "instructed")
        with Form(doc.with_user(self.clerk)) as edit:
            edit.lead_department_id = self.dep_budget
        doc.with_user(self.clerk).action_assign()
        # the department head opens the form
        self.assertTrue(Form(doc.with_user(self.budget_head)))

    def test_draft_through_the_form(self):
        form = Form(self.env["office.outgoing.document"].with_user(self.budget_staff))
        form.title = "关于报送2027年预算建议的通知"
        form.type_id = self.notice
        form.issuing_code_id = self.code_fa
        form.main_recipient_ids.add(self.district)
        form.body_file = self._body()
        with form.cosign_ids.new() as line:
            line.department_id = self.dep_legal
        doc = form.save()
        self.assertEqual(doc.department_id, self.dep_budget)
        self.assertEqual(doc.cosign_ids.department_id, self.dep_legal)
        doc.action_submit()
        self.assertEqual(doc.state, "cosign")
        # the office ticks the checks on the form
        doc.cosign_ids.with_user(self.legal_head).action_agree()
        doc.with_user(self.budget_staff).action_submit()
        with Form(doc.with_user(self.clerk)) as edit:
            edit.check_policy = True
            edit.check_legal = True
            edit.check_content = True
            edit.check_wording = True
            edit.check_format = True
        doc.with_user(self.clerk).action_request_signoff()
        self.assertEqual(doc.state, "signing")

    def test_boards_show_every_step(self):
        Incoming = self.env["office.incoming.document"].with_user(self.clerk)
        groups = Incoming.with_context(read_group_expand=True).read_group(
            [("id", "=", 0)], ["state"], ["state"]
        )
        self.assertEqual(
            [group["state"] for group in groups],
            [
                "registered",
                "accepted",
                "proposed",
                "instructed",
                "assigned",
                "handling",
                "circulating",
            ],
        )
        Outgoing = self.env["office.outgoing.document"].with_user(self.clerk)
        groups = Outgoing.with_context(read_group_expand=True).read_group(
            [("id", "=", 0)], ["state"], ["state"]
        )
        self.assertNotIn("cancel", [group["state"] for group in groups])
        self.assertEqual(groups[0]["state"], "draft")
