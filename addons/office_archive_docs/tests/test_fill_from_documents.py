import base64
import hashlib

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.office_archive.tests.common import OfficeArchiveCase


@tagged("post_install", "-at_install")
class TestFillFromDocuments(OfficeArchiveCase):
    @classmethod
    def _close(cls, documents, closed_at):
        """Closed on `closed_at`, as the demo data puts its documents in
        their states (no test goes through the whole incoming workflow)."""
        cls.env["office.docs.demo"]._demo_reach(
            documents._name, documents.ids, "closed", {"closed_at": closed_at}
        )

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Incoming = cls.env["office.incoming.document"].sudo()
        Outgoing = cls.env["office.outgoing.document"].sudo()
        sender = cls.env["res.partner"].create({"name": "湖南省财政厅（测试）"})
        cls.attachment_body = "来文正文 2024".encode()
        attachment = cls.env["ir.attachment"].create(
            {"name": "来文.pdf", "raw": cls.attachment_body}
        )
        values = {
            "sender_id": sender.id,
            "received_at": "2024-03-02 02:00:00",
            "lead_department_id": cls.dep_budget.id,
        }
        cls.closed = Incoming.create(
            {
                **values,
                "title": "关于做好2024年预算执行工作的通知",
                "sender_ref": "湘财预〔2024〕3号",
                "pages": 4,
                "attachment_ids": [(6, 0, attachment.ids)],
            }
        )
        cls._close(cls.closed, "2024-05-10 08:00:00")
        cls.still_open = Incoming.create({**values, "title": "尚在办理的来文"})
        cls.other_year = Incoming.create({**values, "title": "次年办结的来文"})
        cls._close(cls.other_year, "2025-01-05 08:00:00")
        cls.other_dep = Incoming.create(
            {**values, "title": "他科来文", "lead_department_id": cls.dep_legal.id}
        )
        cls._close(cls.other_dep, "2024-06-01 08:00:00")
        cls.body = "发文正文 2024".encode()
        notice = cls.env.ref("office_docs.document_type_notice")
        cls.filed = Outgoing.create(
            {
                "title": "关于下达2024年部门预算的通知",
                "type_id": notice.id,
                "drafter_id": cls.staff.id,
                "department_id": cls.dep_budget.id,
                "body_file": base64.b64encode(cls.body),
                "body_filename": "正文.pdf",
            }
        )
        cls.env["office.docs.demo"]._demo_reach(
            cls.filed._name,
            cls.filed.ids,
            "filed",
            {"filed_at": "2024-04-01 08:00:00", "number": "益财预〔2024〕1号"},
        )
        cls.draft = Outgoing.create(
            {
                "title": "草稿发文",
                "type_id": notice.id,
                "drafter_id": cls.staff.id,
                "department_id": cls.dep_budget.id,
            }
        )

    def _list(self):
        return (
            self.env["office.archive.transfer.list"]
            .with_user(self.staff)
            .create(
                {
                    "department_id": self.dep_budget.id,
                    "year": 2024,
                    "fonds_id": self.fonds.id,
                    "category_id": self.ws.id,
                    "unit_id": self.unit_ysk.id,
                }
            )
        )

    def test_the_list_is_filled_with_the_years_closed_and_filed_documents(self):
        record = self._list()
        self.assertEqual(record.document_retention_id, self.ret_d30)
        self.assertEqual(record.with_user(self.staff).action_fill_from_documents(), 2)
        items = record.item_ids
        self.assertEqual(items.incoming_document_id, self.closed)
        self.assertEqual(items.outgoing_document_id, self.filed)
        incoming_item = items.filtered("incoming_document_id")
        self.assertEqual(incoming_item.document_number, "湘财预〔2024〕3号")
        self.assertEqual(incoming_item.responsible, "湖南省财政厅（测试）")
        self.assertEqual(incoming_item.pages, 4)
        self.assertEqual(incoming_item.retention_id, self.ret_d30)
        outgoing_item = items.filtered("outgoing_document_id")
        self.assertEqual(outgoing_item.document_number, "益财预〔2024〕1号")
        # filling again adds nothing: each document is archived once
        self.assertEqual(record.with_user(self.staff).action_fill_from_documents(), 0)
        # the electronic files follow and are fixed when the list is accepted
        record.with_user(self.staff).action_submit()
        record.with_user(self.archivist).action_accept(2)
        self.assertEqual(
            incoming_item.efile_ids.sha256,
            hashlib.sha256(self.attachment_body).hexdigest(),
        )
        self.assertEqual(
            outgoing_item.efile_ids.sha256, hashlib.sha256(self.body).hexdigest()
        )
        self.assertEqual(
            sorted(items.mapped("name")),
            ["Z109-WS·2024-D30-YSK-0001", "Z109-WS·2024-D30-YSK-0002"],
        )
        with self.assertRaises(UserError):
            record.with_user(self.staff).action_fill_from_documents()
