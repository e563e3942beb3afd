import io

from openpyxl import load_workbook

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import OfficeSealCase


@tagged("post_install", "-at_install")
class TestLedgerXlsx(OfficeSealCase):
    def _render(self, user, seals):
        return (
            self.env["ir.actions.report"]
            .with_user(user)
            ._render("office_seal.office_seal_ledger_xlsx_report", seals.ids, {})
        )

    def test_one_sheet_per_seal_with_the_ledger_columns(self):
        request = self._approved_request(document_ref="测试财〔2026〕1号")
        request.with_user(self.keeper).stamp(2)
        entry = request.sudo().ledger_ids
        entry.with_user(self.keeper).correct("少盖一枚", impressions=1)
        content, kind = self._render(self.keeper, self.seal)
        self.assertEqual(kind, "xlsx")
        book = load_workbook(io.BytesIO(content))
        self.assertEqual(book.sheetnames, [self.seal.name])
        sheet = book.active
        header = [cell.value for cell in sheet[3]]
        self.assertEqual(
            header,
            [
                "No.",
                "Seal",
                "Time of use",
                "Use category",
                "Content summary",
                "Document reference",
                "Approving leaders",
                "Impressions",
                "Applicant / handler",
                "Seal keeper",
                "Correction",
                "Violation",
            ],
        )
        rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=4)]
        self.assertEqual(len(rows), 2)
        self.assertEqual(rows[0][0], 1)
        self.assertEqual(rows[0][1], self.seal.name)
        self.assertEqual(rows[0][4], "关于申请追加预算的请示")
        self.assertEqual(rows[0][5], "测试财〔2026〕1号")
        self.assertEqual(rows[0][6], self.principal.name)
        self.assertEqual(rows[0][7], 2)
        self.assertEqual(rows[0][8], self.staff.name)
        self.assertEqual(rows[0][9], self.keeper.name)
        self.assertIn("少盖一枚", rows[1][10])
        self.assertEqual(rows[1][7], 1)

    def test_keepers_export_their_seals_only(self):
        with self.assertRaises(AccessError):
            self._render(self.staff, self.seal)
        content, _kind = self._render(self.other_keeper, self.seal)
        sheet = load_workbook(io.BytesIO(content)).active
        self.assertEqual(list(sheet.iter_rows(min_row=4)), [])
