from odoo import models

from ..wizards.office_attendance_register_wizard import KIND_COLUMNS


class OfficeAttendanceRegisterXlsx(models.AbstractModel):
    """The monthly or yearly attendance register as an Excel workbook."""

    _name = "report.office_attendance.register_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Attendance Register (xlsx)"

    def generate_xlsx_report(self, workbook, data, wizards):
        wizard = wizards[:1]
        _ = self.env._
        sheet = workbook.add_worksheet(_("Register"))
        bold = workbook.add_format({"bold": True})
        sheet.write(
            0, 0, wizard._title(), workbook.add_format({"bold": True, "font_size": 14})
        )
        headers = [
            _("Department"),
            _("Employee"),
            _("Working days"),
            _("Days clocked in"),
            _("On time"),
            _("Late"),
            _("Annual leave"),
            _("Sick leave"),
            _("Personal leave"),
            _("Compensatory leave"),
            _("Other leave"),
            _("Discrepancies"),
        ]
        for col, header in enumerate(headers):
            sheet.write(2, col, header, bold)
        keys = [
            "department",
            "name",
            "working_days",
            "punched_days",
            "punctual",
            "late",
        ]
        keys += list(KIND_COLUMNS) + ["discrepancies"]
        for row, line in enumerate(wizard._lines(), start=3):
            for col, key in enumerate(keys):
                sheet.write(row, col, line[key])
