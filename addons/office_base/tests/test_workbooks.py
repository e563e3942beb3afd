import io

import openpyxl
import xlsxwriter

from odoo.tests import tagged

from .common import OfficeTestCase


@tagged("post_install", "-at_install")
class TestWorkbooks(OfficeTestCase):
    """Every workbook of the suite writes a record's text as text."""

    def test_text_is_never_a_formula_or_a_link(self):
        workbooks, parents = set(), ["report.report_xlsx.abstract"]
        while parents:
            children = self.env.registry[parents.pop()]._inherit_children
            workbooks |= set(children)
            parents += children
        workbooks = sorted(n for n in workbooks if n.startswith("report.office_"))
        self.assertIn("report.office_docs.incoming_register_xlsx", workbooks)
        for name in workbooks:
            buffer = io.BytesIO()
            workbook = xlsxwriter.Workbook(
                buffer, self.env[name].get_workbook_options()
            )
            workbook.add_worksheet().write_row(0, 0, ["=1+1", "http://example.com"])
            workbook.close()
            sheet = openpyxl.load_workbook(buffer).active
            self.assertEqual([cell.data_type for cell in sheet[1]], ["s", "s"], name)
            self.assertFalse(sheet.cell(1, 2).hyperlink, name)
