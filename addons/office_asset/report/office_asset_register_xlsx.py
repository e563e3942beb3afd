from odoo import models


class OfficeAssetRegisterXlsx(models.AbstractModel):
    """The fixed-asset ledger as an Excel workbook (OCA report_xlsx), for the
    finance section's register (002 财务财物管理制度 五: 建立专门台帐)."""

    _name = "report.office_asset.asset_register_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Fixed Asset Register (xlsx)"

    def generate_xlsx_report(self, workbook, data, assets):
        _ = self.env._
        sheet = workbook.add_worksheet(_("Fixed assets"))
        bold = workbook.add_format({"bold": True})
        money = workbook.add_format({"num_format": "#,##0.00"})
        state_labels = dict(assets._fields["state"]._description_selection(self.env))
        kind_labels = dict(assets._fields["kind"]._description_selection(self.env))
        headers = [
            _("Asset number"),
            _("Asset"),
            _("Kind"),
            _("Department"),
            _("User"),
            _("Asset keeper"),
            _("Location"),
            _("Purchase Date"),
            _("Historical cost"),
            _("Status"),
        ]
        for col, header in enumerate(headers):
            sheet.write(0, col, header, bold)
        for row, asset in enumerate(assets, start=1):
            values = [
                asset.code,
                asset.name,
                kind_labels.get(asset.kind, ""),
                asset.department_id.name or "",
                asset.holder_id.name or "",
                asset.keeper_id.name or "",
                asset.location or "",
                str(asset.purchase_date or ""),
            ]
            for col, value in enumerate(values):
                sheet.write(row, col, value)
            sheet.write_number(row, 8, asset.historical_cost, money)
            sheet.write(row, 9, state_labels.get(asset.state, ""))
        sheet.set_column(0, 0, 16)
        sheet.set_column(1, 1, 30)
        sheet.set_column(2, 9, 14)
