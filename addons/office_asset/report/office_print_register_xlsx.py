from odoo import models


class OfficePrintRegisterXlsx(models.AbstractModel):
    """The print register (文印登记) as an Excel workbook: job, pages, copies,
    paper, sides, where and who approved (002 文印管理制度)."""

    _name = "report.office_asset.print_register_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Print Register (xlsx)"

    def generate_xlsx_report(self, workbook, data, jobs):
        _ = self.env._
        sheet = workbook.add_worksheet(_("Print register"))
        bold = workbook.add_format({"bold": True})
        paper_labels = dict(jobs._fields["paper"]._description_selection(self.env))
        headers = [
            _("Reference"),
            _("Job"),
            _("Department"),
            _("Pages"),
            _("Copies"),
            _("Sheets"),
            _("Paper"),
            _("Double-sided"),
            _("Print outside"),
            _("Approved by"),
            _("Printed At"),
            _("Copies not recalled"),
        ]
        for col, header in enumerate(headers):
            sheet.write(0, col, header, bold)
        yes, no = _("Yes"), _("No")
        for row, job in enumerate(jobs, start=1):
            values = [
                job.name,
                job.title,
                job.department_id.name or "",
                job.pages,
                job.copies,
                job.sheets,
                paper_labels.get(job.paper, ""),
                yes if job.duplex else no,
                yes if job.outside else no,
                "、".join(job.approver_ids.mapped("name")),
                str(job.printed_at or ""),
                job.unrecalled_count,
            ]
            for col, value in enumerate(values):
                sheet.write(row, col, value)
        sheet.set_column(0, 0, 16)
        sheet.set_column(1, 1, 36)
        sheet.set_column(2, 11, 12)
