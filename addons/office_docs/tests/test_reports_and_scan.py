import base64
import io

import openpyxl
from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import OfficeDocsCase
from .test_outgoing_document import CHECKS


@tagged("post_install", "-at_install")
class TestReportsAndScan(OfficeDocsCase):
    """Registers as xlsx, the routing record, the QR code and the scan field,
    the formatted document (套红) and the watermarked electronic copies."""

    def _xlsx(self, xmlid, records, user):
        content, kind = (
            self.env["ir.actions.report"].with_user(user)._render(xmlid, records.ids)
        )
        self.assertEqual(kind, "xlsx")
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        return sheet

    def test_incoming_register_xlsx_colours(self):
        normal = self._incoming(lead_department_id=self.dep_budget.id)
        secret = self._incoming(
            user=self.director,
            title="机密来文",
            secrecy_level="secret",
            lead_department_id=self.dep_budget.id,
        )
        sheet = self._xlsx(
            "office_docs.office_incoming_document_report_register_xlsx",
            normal | secret,
            self.director,
        )
        rows = {
            sheet.cell(row, 5).value: sheet.cell(row, 1).fill.fgColor.rgb
            for row in range(3, sheet.max_row + 1)
        }
        self.assertEqual(sheet.cell(2, 1).value, "Registration number")
        self.assertTrue(rows["机密来文"].endswith("F8CBAD"))  # red
        self.assertTrue(rows[normal.title].endswith("FFF2CC"))  # yellow
        # a user without clearance never gets the secret row
        sheet = self._xlsx(
            "office_docs.office_incoming_document_report_register_xlsx",
            normal | secret,
            self.budget_staff,
        )
        titles = [sheet.cell(row, 5).value for row in range(3, sheet.max_row + 1)]
        self.assertEqual(titles, [normal.title])

    def test_register_xlsx_writes_text_as_text(self):
        """A title that reads like a formula or a link stays text in the
        register: the spreadsheet that opens it runs nothing."""
        doc = self._incoming(
            title='=HYPERLINK("http://example.com","点此")',
            lead_department_id=self.dep_budget.id,
        )
        sheet = self._xlsx(
            "office_docs.office_incoming_document_report_register_xlsx",
            doc,
            self.director,
        )
        title = sheet.cell(3, 5)
        self.assertEqual(title.value, doc.title)
        self.assertEqual(title.data_type, "s")
        self.assertFalse(title.hyperlink)
        self.assertEqual(sheet.cell(3, 9).data_type, "n")  # pages: a number

    def test_outgoing_register_xlsx(self):
        doc = self._outgoing()
        sheet = self._xlsx(
            "office_docs.office_outgoing_document_report_register_xlsx",
            doc,
            self.clerk,
        )
        self.assertEqual(sheet.cell(3, 3).value, doc.title)

    def test_slip_label_routing_and_scan(self):
        doc = self._incoming()
        doc.with_user(self.clerk).action_accept()
        doc.with_user(self.clerk).action_propose("拟请预算科办理。", self.leader.ids)
        doc.with_user(self.leader).action_instruct("同意。")
        Report = self.env["ir.actions.report"].with_user(self.clerk)
        qr = doc._office_qr_src(90)
        self.assertIn("barcode_type=QR", qr)
        for xmlid in (
            "office_docs.office_incoming_document_report",
            "office_docs.office_incoming_document_report_label",
        ):
            html = Report._render_qweb_html(xmlid, doc.ids)[0].decode()
            self.assertIn("/report/barcode/?barcode_type=QR", html)
            self.assertIn(doc.name, html)
        html = Report._render_qweb_html(
            "office_docs.office_incoming_document_report_routing", doc.ids
        )[0].decode()
        for step in ("Registration", "Proposal", "Instruction", "同意。"):
            self.assertIn(step, html)
        # the QR code holds the address of the document; the scan opens it
        Scan = self.env["office.document.scan.wizard"]
        for code in (doc._office_qr_value(), doc.name, doc.sender_ref):
            wizard = Scan.with_user(self.clerk).create({"code": code})
            action = wizard.action_open()
            self.assertEqual(
                (action["res_model"], action["res_id"]), (doc._name, doc.id)
            )
        # not found, or not readable: nothing opens
        with self.assertRaises(UserError):
            Scan.with_user(self.it_staff).create({"code": doc.name}).action_open()

    @freeze_time("2026-03-05 02:00:00")
    def test_formatted_document_and_watermarked_copies(self):
        self.code_han.write(
            {
                "header_text": "测试财政局文件",
                "printing_organ": "测试财政局办公室",
            }
        )
        doc = self._outgoing(
            user=self.director,
            type_id=self.request_type.id,
            issuing_code_id=self.code_han.id,
            secrecy_level="secret",
            urgency="urgent",
            main_recipient_ids=[(6, 0, self.province.ids)],
            copy_recipient_ids=[(6, 0, self.district.ids)],
            body_html="<p>现将有关事项请示如下。</p>",
        )
        doc.with_user(self.director).action_submit()
        doc.with_user(self.clerk).write(CHECKS)
        doc.with_user(self.clerk).action_request_signoff()
        # an upward document: director, leader in charge, principal leader
        self._sign(doc, self.director, self.leader, self.principal)
        self.assertEqual(doc.state, "signed")
        doc.with_user(self.clerk).action_first_read()
        doc.with_user(self.clerk).action_number()
        doc.with_user(self.clerk).print_copies = 5
        doc.with_user(self.clerk).action_mark_printed()
        html = (
            self.env["ir.actions.report"]
            .with_user(self.clerk)
            ._render_qweb_html(
                "office_docs.office_outgoing_document_report_formatted", doc.ids
            )[0]
            .decode()
        )
        urgent = dict(doc._fields["urgency"]._description_selection(self.env))["urgent"]
        for text in (
            "测试财政局文件",
            "秘密★10年",
            urgent,
            doc.number,
            "签发人",
            doc.signer_id.name,
            doc.title,
            "测试省财政厅：",
            "现将有关事项请示如下。",
            "2026年3月5日",
            "抄送：测试区财政局",
            "测试财政局办公室",
        ):
            self.assertIn(text, html)
        self.assertLess(html.index("秘密★10年"), html.index(urgent))
        Distribution = self.env["office.outgoing.distribution"].with_user(self.clerk)
        Distribution.create(
            {
                "document_id": doc.id,
                "partner_id": self.province.id,
                "channel": "secure_network",
                "copies": 2,
            }
        )
        Distribution.create(
            {
                "document_id": doc.id,
                "partner_id": self.district.id,
                "channel": "confidential_courier",
            }
        )
        doc.with_user(self.clerk).action_distribute()
        electronic, paper = doc.distribution_ids.sorted("id")
        self.assertFalse(paper.copy_file)
        self.assertEqual(electronic.copy_numbers, "000001–000002")
        self.assertIn("测试省财政厅", electronic.watermark)
        self.assertIn("000001", electronic.watermark)
        self.assertIn("2026年3月5日", electronic.watermark)
        copy = base64.b64decode(electronic.copy_file).decode()
        self.assertIn("o_office_docs_watermark", copy)
        self.assertIn(electronic.watermark, copy)
        # only the distribution writes the copies
        with self.assertRaises(UserError):
            Distribution.browse(electronic.id).write({"copy_file": False})

    def test_dashboard_views_and_handling_days(self):
        for model, types in (
            ("office.incoming.document", ("graph", "pivot")),
            ("office.outgoing.document", ("graph", "pivot")),
            ("office.supervision", ("kanban", "pivot", "list", "form", "search")),
        ):
            views = (
                self.env[model]
                .with_user(self.clerk)
                .get_views([(False, t) for t in types])
            )
            self.assertEqual(set(views["views"]), set(types))
        with freeze_time("2026-03-02 01:00:00"):  # Monday
            doc = self._incoming(sender_id=self.district.id)
            doc.with_user(self.clerk).action_accept()
            doc.with_user(self.clerk).write({"lead_department_id": self.dep_budget.id})
            doc.with_user(self.clerk).action_assign()
            doc.with_user(self.budget_head).action_undertake(self.budget_staff.id)
        with freeze_time("2026-03-06 02:00:00"):  # Friday
            doc.with_user(self.budget_staff).action_close("已办结")
        self.assertEqual(doc.handling_days, 4)
        self.assertFalse(doc.closed_late)  # due 2026-03-16
        groups = self.env["office.incoming.document"].read_group(
            [("id", "=", doc.id)], ["handling_days:avg"], ["lead_department_id"]
        )
        self.assertEqual(groups[0]["handling_days"], 4)
        with self.assertRaises(UserError):
            doc.with_user(self.clerk).write({"handling_days": 1})
        # the "due today" filter of the search view
        view = self.env.ref("office_docs.office_incoming_document_view_search")
        self.assertIn('name="due_today"', view.arch)
        form = Form(self.env["office.document.scan.wizard"].with_user(self.clerk))
        form.code = doc.name
        self.assertEqual(form.save().action_open()["res_id"], doc.id)
