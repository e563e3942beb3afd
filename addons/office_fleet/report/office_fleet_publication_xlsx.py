from odoo import models


class OfficeFleetPublicationXlsx(models.AbstractModel):
    """The monthly publication of the trip ledger as an Excel workbook
    (OCA report_xlsx): one sheet, one block per car."""

    _name = "report.office_fleet.publication_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Trip Ledger Publication (xlsx)"

    def generate_xlsx_report(self, workbook, data, wizards):
        wizard = wizards[:1]
        first, _last = wizard._period()
        rows = wizard._publication_data(first.year, first.month, wizard.vehicle_ids.ids)
        _ = self.env._
        sheet = workbook.add_worksheet(_("Publication"))
        bold = workbook.add_format({"bold": True})
        title = workbook.add_format({"bold": True, "font_size": 14})
        sheet.write(
            0,
            0,
            _(
                "Official car use %(year)s-%(month)02d",
                year=first.year,
                month=first.month,
            ),
            title,
        )
        headers = [
            _("Car"),
            _("Out at"),
            _("Back at"),
            _("Matter"),
            _("Destination"),
            _("Driver"),
            _("Distance (km)"),
            _("Fuel (litres)"),
            _("Tolls"),
            _("Parking"),
        ]
        for col, header in enumerate(headers):
            sheet.write(2, col, header, bold)
        row = 3
        for block in rows:
            plate = block["vehicle"].license_plate or block["vehicle"].display_name
            for trip in block["trips"]:
                values = [
                    plate,
                    str(trip.date_out or ""),
                    str(trip.date_in or ""),
                    trip.reason,
                    trip.destination,
                    trip.driver_id.name or "",
                    trip.distance,
                    trip.fuel_liters,
                    trip.toll_amount,
                    trip.parking_amount,
                ]
                for col, value in enumerate(values):
                    sheet.write(row, col, value)
                row += 1
            sheet.write(row, 0, plate, bold)
            sheet.write(row, 5, _("Total"), bold)
            sheet.write(row, 6, block["distance"], bold)
            sheet.write(row, 7, block["fuel"], bold)
            sheet.write(row, 8, _("Costs"), bold)
            sheet.write(row, 9, block["costs"], bold)
            row += 2
        sheet.set_column(0, 0, 14)
        sheet.set_column(1, 2, 20)
        sheet.set_column(3, 4, 28)
