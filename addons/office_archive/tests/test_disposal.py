import io

from freezegun import freeze_time
from openpyxl import load_workbook

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import OfficeArchiveCase


@tagged("post_install", "-at_install")
class TestDisposal(OfficeArchiveCase):
    """Appraisal and destruction; transfer to the state archives;
    statistics."""

    def _expired(self):
        return self._filed(
            year=2015, retention_id=self.ret_d10.id, title="2015年采购登记"
        )

    def test_expired_items_are_proposed_and_destroyed_under_supervision(self):
        expired = self._expired()
        kept = self._filed(
            year=2015, retention_id=self.ret_d10.id, title="2015年会议记录"
        )
        current = self._filed(year=2020, retention_id=self.ret_d10.id)
        permanent = self._filed(year=2000)
        with freeze_time("2026-03-01"):
            appraisal = self.env["office.archive.item"]._cron_propose_appraisal()
            mine = expired | kept | current | permanent
            self.assertEqual(appraisal.line_ids.item_id & mine, expired | kept)
            count = len(appraisal.line_ids)
            # run again: nothing proposed twice
            self.env["office.archive.item"]._cron_propose_appraisal()
            self.assertEqual(len(appraisal.line_ids), count)
        appraisal.line_ids.filtered(lambda line: line.item_id not in mine).unlink()
        self.assertNotIn(current, appraisal.line_ids.item_id)
        self.assertNotIn(permanent, appraisal.line_ids.item_id)
        lines = {line.item_id: line for line in appraisal.line_ids}
        with self.assertRaises(ValidationError):
            lines[expired].decision = "destroy"
        lines[expired].write({"decision": "destroy", "reason": "已无保存价值"})
        lines[kept].write(
            {"decision": "extend", "extend_until": 2030, "reason": "涉及未结事项"}
        )
        appraisal.appraiser_ids = self.archivist | self.office_head
        with self.assertRaises(AccessError):
            appraisal.with_user(self.staff).action_done()
        appraisal.with_user(self.archivist).action_done()
        self.assertEqual(kept.extended_until, 2030)
        destruction = appraisal.destruction_ids
        self.assertEqual(destruction.item_ids, expired)
        destruction.with_user(self.archivist).action_submit()
        self.assertEqual(destruction.state, "to_approve")
        destruction.supervisor_ids = self.archivist | self.office_head
        destruction.destroyed_on = "2026-03-10"
        with self.assertRaises(UserError):
            destruction.with_user(self.archivist).action_done()
        self.assertEqual(self._approve_next(destruction), self.principal)
        self.assertEqual(destruction.state, "approved")
        destruction.supervisor_ids = self.archivist
        with self.assertRaises(ValidationError):
            destruction.with_user(self.archivist).action_done()
        destruction.supervisor_ids = self.archivist | self.office_head
        destruction.with_user(self.archivist).action_done()
        self.assertEqual(destruction.state, "done")
        self.assertEqual(expired.state, "destroyed")
        # the metadata stays
        with self.assertRaises(UserError):
            expired.unlink()
        self.assertEqual(expired.name, "Z109-WS·2015-D10-BGS-0001")
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "office_archive.office_archive_destruction_report", destruction.ids
            )[0]
            .decode()
        )
        self.assertIn(expired.name, html)
        self.assertIn(self.office_head.name, html)
        self.assertIn(self.principal.name, html)

    def test_transfer_to_the_state_archives(self):
        old_permanent = self._filed(year=2012, title="2012年工作报告")
        old_d30 = self._filed(year=2013, retention_id=self.ret_d30.id)
        old_d10 = self._filed(year=2012, retention_id=self.ret_d10.id)
        recent = self._filed(year=2020)
        self._efile(old_permanent, b"2012 report")
        transfer = (
            self.env["office.archive.state.transfer"]
            .with_user(self.archivist)
            .create(
                {
                    "archives_name": "益阳市档案馆",
                    "fonds_id": self.fonds.id,
                    "transfer_date": "2026-06-01",
                }
            )
        )
        transfer.action_fill_due()
        mine = old_permanent | old_d30 | old_d10 | recent
        self.assertEqual(transfer.item_ids & mine, old_permanent | old_d30)
        transfer.item_ids = old_permanent | old_d30
        self.assertNotIn(old_d10, transfer.item_ids)
        self.assertNotIn(recent, transfer.item_ids)
        self.assertEqual(transfer.efile_count, 1)
        self._approve_transfer(transfer)
        transfer.action_done()
        self.assertEqual(transfer.state, "done")
        self.assertEqual(set(transfer.item_ids.mapped("state")), {"transferred"})
        self.assertEqual(old_permanent.integrity_state, "ok")

    def _approve_transfer(self, transfer):
        transfer.with_user(self.archivist).action_submit()
        self.assertEqual(transfer.leader_id, self.leader)
        self.assertEqual(self._approve_next(transfer), self.leader)
        self.assertEqual(transfer.state, "approved")

    def test_state_transfer_is_approved_by_the_office_leader_in_charge(
        self,
    ):
        # 003 第三十二条: 经分管办公室的局领导审核批准后 … 向市档案局移交
        item = self._filed(year=2012, title="2012年工作报告")
        transfer = (
            self.env["office.archive.state.transfer"]
            .with_user(self.archivist)
            .create(
                {
                    "archives_name": "益阳市档案馆",
                    "fonds_id": self.fonds.id,
                    "item_ids": [(6, 0, item.ids)],
                }
            )
        )
        with self.assertRaises(UserError):
            transfer.action_done()
        transfer.action_submit()
        with self.assertRaises(UserError):
            transfer.action_done()
        self.assertEqual(item.state, "in_stock")
        self.assertEqual(self._approve_next(transfer), self.leader)
        transfer.action_done()
        self.assertEqual(item.state, "transferred")

    def test_statistics_workbook(self):
        self._filed()
        self._filed(retention_id=self.ret_d10.id)
        content, kind = (
            self.env["ir.actions.report"]
            .with_user(self.archivist)
            ._render("office_archive.office_archive_statistics_xlsx", [], {})
        )
        self.assertEqual(kind, "xlsx")
        book = load_workbook(io.BytesIO(content))
        self.assertEqual(len(book.sheetnames), 2)
        rows = list(book.worksheets[0].iter_rows(values_only=True))
        self.assertEqual(len(rows[0]), 6)
        counted = sum(row[4] for row in rows[1:] if row[2] == 2026)
        self.assertGreaterEqual(counted, 2)
