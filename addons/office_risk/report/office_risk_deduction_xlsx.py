from odoo import models


class OfficeRiskDeductionXlsx(models.AbstractModel):
    """The month's performance deductions for the performance office (绩效办):
    one line per deduction with its evidence, then the totals per person."""

    _name = "report.office_risk.deduction_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Monthly Deduction Workbook"

    def _columns(self):
        _ = self.env._
        return [
            (_("Person"), 14),
            (_("Liability"), 16),
            (_("Error"), 16),
            (_("Description"), 40),
            (_("Area"), 14),
            (_("Class"), 12),
            (_("Occurrence"), 10),
            (_("Deduction"), 10),
            (_("Deduction (%)"), 10),
            (_("No award this year"), 10),
            (_("Measures"), 40),
            (_("Evidence"), 30),
        ]

    def generate_xlsx_report(self, workbook, data, objs):
        objs.check_access("read")
        Deduction = self.env["office.risk.error.deduction"]
        liabilities = dict(
            Deduction._fields["liability"]._description_selection(self.env)
        )
        classes = dict(
            Deduction._fields["classification"]._description_selection(self.env)
        )
        bold = workbook.add_format({"bold": True})
        title = workbook.add_format({"bold": True, "font_size": 14})
        for wizard in objs:
            sheet = workbook.add_worksheet(wizard.month.strftime("%Y-%m"))
            sheet.write(
                0,
                0,
                self.env._(
                    "Performance deductions of %(month)s",
                    month=wizard.month.strftime("%Y-%m"),
                ),
                title,
            )
            for col, (label, width) in enumerate(self._columns()):
                sheet.write(2, col, label, bold)
                sheet.set_column(col, col, width)
            row = 3
            for line in wizard._lines():
                values = [
                    line.user_id.name,
                    liabilities.get(line.liability, ""),
                    line.error_id.name,
                    line.error_id.description or "",
                    line.area_id.name or "",
                    classes.get(line.classification, ""),
                    line.occurrence,
                    line.amount,
                    line.percent,
                    "✔" if line.award_bar else "",
                    line.measure or "",
                    ", ".join(line.error_id.talk_record_ids.mapped("name")),
                ]
                for col, value in enumerate(values):
                    sheet.write(row, col, value)
                row += 1
            row += 1
            sheet.write(row, 0, self.env._("Per person"), bold)
            row += 1
            for user, total in wizard._totals().items():
                sheet.write(row, 0, user.name)
                sheet.write(row, 7, total["amount"])
                sheet.write(row, 8, total["percent"])
                sheet.write(row, 9, "✔" if total["award_bar"] else "")
                row += 1
