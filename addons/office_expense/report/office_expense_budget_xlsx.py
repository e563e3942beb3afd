from odoo import models


class OfficeExpenseBudgetXlsx(models.AbstractModel):
    """The publication table of the three public expenses as an Excel
    workbook (OCA report_xlsx)."""

    _name = "report.office_expense.budget_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Three Public Expenses Publication (xlsx)"

    def generate_xlsx_report(self, workbook, data, budgets):
        _ = self.env._
        rows, total = budgets._publication_rows()
        sheet = workbook.add_worksheet(_("Three public expenses"))
        bold = workbook.add_format({"bold": True})
        title = workbook.add_format({"bold": True, "font_size": 14})
        money = workbook.add_format({"num_format": "#,##0.00"})
        money_bold = workbook.add_format({"num_format": "#,##0.00", "bold": True})
        sheet.write(
            0,
            0,
            _(
                "%(company)s: three public expenses, budget and spending",
                company=self.env.company.name,
            ),
            title,
        )
        headers = [
            _("Item"),
            _("Budget"),
            _("Spent"),
            _("Remaining"),
            _("Consumed (%)"),
        ]
        for col, header in enumerate(headers):
            sheet.write(2, col, header, bold)
        row = 3
        for line in [*rows, total]:
            style = money_bold if line is total else money
            sheet.write(row, 0, line["label"], bold if line is total else None)
            sheet.write_number(row, 1, line["amount"], style)
            sheet.write_number(row, 2, line["spent"], style)
            sheet.write_number(row, 3, line["remaining"], style)
            sheet.write_number(row, 4, round(line["pct"], 1))
            row += 1
        sheet.set_column(0, 0, 30)
        sheet.set_column(1, 4, 16)
