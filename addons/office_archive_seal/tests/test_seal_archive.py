import base64
import re

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from odoo.addons.office_seal.tests.common import OfficeSealCase

# a 1×1 PNG
PNG = base64.b64encode(
    bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c6360f80f0000010101005a4d6e1f00"
        "00000049454e44ae426082"
    )
)


@tagged("post_install", "-at_install")
class TestSealArchive(OfficeSealCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.archivist = cls._user(
            "seal_arc_archivist", "office_archive.group_archivist", cls.dep_office
        )
        cls.dep_office.archive_lead_id = cls.archivist
        Fonds = cls.env["office.archive.fonds"]
        cls.fonds = Fonds.search(
            [("code", "=", "Z109"), ("company_id", "=", cls.env.company.id)]
        ) or Fonds.create({"code": "Z109", "name": "测试财政局"})
        # no other fonds of the company may come first
        Fonds.search(
            [("company_id", "=", cls.env.company.id), ("id", "!=", cls.fonds.id)]
        ).active = False
        cls.fonds.archive_department_id = cls.dep_office
        Unit = cls.env["office.archive.unit"].with_context(active_test=False)
        cls.unit = Unit.search([("code", "=", "BGS")]) or Unit.create(
            {"code": "BGS", "name": "办公室"}
        )
        cls.unit.write({"department_id": cls.dep_office.id, "active": True})
        cls.seal.write(
            {
                "impression": PNG,
                "police_registration_number": "4309020012345",
                "made_date": "2015-03-01",
            }
        )

    def _deactivation(self, seal=None, user=None, **vals):
        record = (
            self.env["office.seal.deactivation"]
            .with_user(user or self.keeper)
            .create(
                {
                    "seal_id": (seal or self.seal).id,
                    "action": "deactivate",
                    "reason": "rename",
                    "description": "机构更名，旧章停用",
                    "effective_date": "2026-11-20",
                    **vals,
                }
            )
        )
        record.action_submit()
        return record

    def _approved(self, **vals):
        record = self._deactivation(**vals)
        self._approve(record, self.principal)
        self.assertEqual(record.state, "done")
        return record

    def _items(self, record):
        return (
            self.env["office.archive.item"]
            .with_context(active_test=False)
            .search([("seal_deactivation_id", "=", record.id)])
        )

    def test_approval_registers_one_physical_item(self):
        # the principal leader has no archive rights at all
        self.assertFalse(self.principal.has_group("office_archive.group_archivist"))
        record = self._approved()
        item = self._items(record)
        self.assertEqual(len(item), 1)
        self.assertEqual(item.title, "测试局行政章（停用）")
        self.assertEqual(item.state, "draft")
        self.assertFalse(item.name)
        self.assertEqual(item.carrier, "physical")
        self.assertEqual(item.category_id, self.env.ref("office_archive.category_sw"))
        self.assertEqual(item.retention_id, self.env.ref("office_archive.retention_y"))
        self.assertEqual(item.fonds_id, self.fonds)
        self.assertEqual(item.unit_id, self.unit)
        self.assertEqual(item.year, 2026)
        self.assertEqual(item.department_id, self.seal.department_id)
        self.assertEqual(str(item.received_date), "2026-11-20")
        self.assertEqual(item.issuer, self.dep_office.name)
        self.assertIn("4309020012345", item.note)
        self.assertIn("机构更名", item.note)
        self.assertIn(record.name, item.note)
        self.assertEqual(item.document_number, record.name)
        # linked both ways
        self.assertEqual(item.seal_deactivation_id, record)
        self.assertEqual(item.seal_id, self.seal)
        self.assertEqual(record.archive_item_id, item)
        self.assertEqual(self.seal.archive_item_count, 1)
        action = self.seal.with_user(self.keeper).action_view_archive_items()
        self.assertEqual(action["domain"], [("seal_id", "=", self.seal.id)])
        action = record.with_user(self.keeper).action_view_archive_item()
        self.assertEqual(action["res_id"], item.id)
        # the notice and the impression are its electronic files
        names = item.efile_ids.mapped("name")
        self.assertEqual(len(item.efile_ids), 2, names)
        notice = item.efile_ids.filtered(lambda f: f.name.endswith(".pdf"))
        self.assertIn(record.name, notice.name)
        self.assertTrue(notice.attachment_id.raw)
        impression = item.efile_ids - notice
        self.assertEqual(impression.attachment_id.raw, base64.b64decode(PNG))
        self.assertFalse(item.efile_ids.filtered("sha256"))
        # the archivist is asked to file it
        activity = item.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.archivist)
        self.assertGreater(activity.date_deadline, record.done_at.date())
        self.assertEqual(
            activity.activity_type_id,
            self.env.ref("office_archive_seal.mail_act_office_archive_seal_file"),
        )

    def test_idempotent(self):
        record = self._approved()
        item = self._items(record)
        record._office_archive_prepare()
        record.sudo()._office_archive_register()
        record.with_user(self.director).action_office_archive_register()
        self.assertEqual(self._items(record), item)
        # the database refuses a second item too
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            item.sudo().copy({"seal_deactivation_id": record.id})

    def test_archivist_files_the_item(self):
        record = self._approved()
        item = self._items(record)
        item.with_user(self.archivist).action_file()
        self.assertEqual(item.state, "in_stock")
        self.assertTrue(re.fullmatch(r"Z109-SW·2026-Y-BGS-\d{4}", item.name), item.name)
        self.assertEqual(item.name[-4:], f"{item.item_number:04d}")
        self.assertEqual(item.filed_by_id, self.archivist)
        # the digests of the notice and the impression are fixed at filing
        self.assertTrue(all(item.efile_ids.mapped("sha256")))
        item.action_check_integrity()
        self.assertEqual(item.integrity_state, "ok")
        self.assertEqual(record.archive_item_state, "in_stock")
        # a filed item is never deleted
        with self.assertRaises(UserError):
            item.sudo().unlink()

    def test_destruction_title_and_seal_without_impression(self):
        self.seal2.police_registration_number = False
        record = self._deactivation(
            seal=self.seal2,
            user=self.other_keeper,
            action="destroy",
            reason="loss",
            description="遗失作废",
        )
        self._approve(record, self.principal)
        item = self._items(record)
        self.assertEqual(item.title, "测试局合同专用章（缴销）")
        # a seal of the agency itself: owned by the archive office
        self.assertEqual(item.department_id, self.dep_office)
        self.assertEqual(len(item.efile_ids), 1, "only the notice")

    def test_refused_or_pending_registers_nothing(self):
        record = self._deactivation()
        self.assertFalse(self._items(record))
        self._pending_review(record).with_user(self.principal).office_refuse("不同意")
        self.assertEqual(record.state, "refused")
        self.assertFalse(self._items(record))
        with self.assertRaises(UserError):
            record.with_user(self.director).action_office_archive_register()

    def test_archives_not_set_up(self):
        self.fonds.active = False
        record = self._approved()
        self.assertFalse(self._items(record))
        self.assertEqual(self.seal.state, "deactivated")
        self.assertIn(self.env.company.name, record.message_ids[:1].body)
        # only the office director registers it later, once the archives are set up
        with self.assertRaises(AccessError):
            record.with_user(self.keeper).action_office_archive_register()
        with self.assertRaises(UserError):
            record.with_user(self.director).action_office_archive_register()
        self.fonds.active = True
        action = record.with_user(self.director).action_office_archive_register()
        item = self._items(record)
        self.assertEqual(len(item), 1)
        self.assertEqual(action["res_id"], item.id)

    def test_forms(self):
        record = self._approved()
        item = self._items(record)
        form = Form(record.with_user(self.director))
        self.assertEqual(form.archive_item_id, item)
        form = Form(item.with_user(self.archivist))
        self.assertEqual(form.seal_deactivation_id, record)
        # the approver without archive rights still sees which item it is
        form = Form(record.with_user(self.principal))
        self.assertEqual(form.archive_item_id, item)
        self.assertEqual(form.archive_item_state, "draft")
        form = Form(self.seal.with_user(self.director))
        self.assertEqual(form.archive_item_count, 1)
