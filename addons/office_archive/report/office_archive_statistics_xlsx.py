from collections import Counter

from odoo import fields, models


class OfficeArchiveStatisticsXlsx(models.AbstractModel):
    """The annual archive statistics (档案统计年报) as a workbook: items by
    category, retention, year and state, and loans by department."""

    _name = "report.office_archive.statistics_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Archive Statistics Workbook"

    def generate_xlsx_report(self, workbook, data, objs):
        env = self.env
        bold = workbook.add_format({"bold": True})
        items = objs or env["office.archive.item"].search([])
        states = dict(items._fields["state"]._description_selection(env))
        sheet = workbook.add_worksheet(env._("Items"))
        headers = [
            env._("Category"),
            env._("Retention"),
            env._("Year"),
            env._("State"),
            env._("Items"),
            env._("Pages"),
        ]
        for col, header in enumerate(headers):
            sheet.write(0, col, header, bold)
        counts = Counter()
        pages = Counter()
        for item in items:
            key = (
                item.category_id.display_name,
                item.retention_id.display_name,
                item.year,
                states[item.state],
            )
            counts[key] += 1
            pages[key] += item.pages
        for row, key in enumerate(sorted(counts), start=1):
            for col, value in enumerate(key):
                sheet.write(row, col, value)
            sheet.write(row, 4, counts[key])
            sheet.write(row, 5, pages[key])
        loans = env["office.archive.loan"].search(
            [("state", "in", ("lent", "returned"))]
        )
        sheet = workbook.add_worksheet(env._("Loans"))
        headers = [
            env._("Department"),
            env._("Year"),
            env._("Loans"),
            env._("Items lent"),
            env._("Overdue"),
        ]
        for col, header in enumerate(headers):
            sheet.write(0, col, header, bold)
        by_dep = Counter()
        items_by_dep = Counter()
        overdue = Counter()
        today = fields.Date.context_today(self)
        for loan in loans:
            key = (
                loan.external_org if loan.external else loan.department_id.name or "",
                loan.loan_date.year,
            )
            by_dep[key] += 1
            items_by_dep[key] += len(loan.item_ids)
            if loan.state == "lent" and loan.due_date < today:
                overdue[key] += 1
        for row, key in enumerate(sorted(by_dep), start=1):
            sheet.write(row, 0, key[0])
            sheet.write(row, 1, key[1])
            sheet.write(row, 2, by_dep[key])
            sheet.write(row, 3, items_by_dep[key])
            sheet.write(row, 4, overdue[key])
