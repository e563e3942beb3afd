from odoo import models


class ReportXlsxAbstract(models.AbstractModel):
    """The suite's workbooks write a record's text as text: xlsxwriter would
    turn a title such as ``=HYPERLINK(...)`` into a formula or a link, which
    the spreadsheet opening the register would run."""

    _inherit = "report.report_xlsx.abstract"

    def get_workbook_options(self):
        options = super().get_workbook_options()
        if self._name.startswith("report.office_"):
            options.update(strings_to_formulas=False, strings_to_urls=False)
        return options
