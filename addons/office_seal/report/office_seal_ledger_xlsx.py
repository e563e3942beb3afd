from odoo import fields, models


class OfficeSealLedgerXlsx(models.AbstractModel):
    """The seal ledger (用印登记簿) of each selected seal as one worksheet with
    the columns of the paper register, oldest entry first."""

    _name = "report.office_seal.seal_ledger_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Seal Ledger Workbook"

    def _ledger_columns(self):
        _ = self.env._
        return [
            (_("No."), 6),
            (_("Seal"), 22),
            (_("Time of use"), 18),
            (_("Use category"), 26),
            (_("Content summary"), 40),
            (_("Document reference"), 20),
            (_("Approving leaders"), 18),
            (_("Impressions"), 8),
            (_("Applicant / handler"), 14),
            (_("Seal keeper"), 14),
            (_("Correction"), 30),
            (_("Violation"), 30),
        ]

    def _ledger_row(self, entry, categories):
        tz_entry = entry.with_context(tz=self.env.user.tz or "Asia/Shanghai")
        stamped_at = fields.Datetime.context_timestamp(tz_entry, entry.stamped_at)
        correction = ""
        if entry.correction_of_id:
            correction = self.env._(
                "Corrects No. %(sequence)s: %(reason)s",
                sequence=entry.correction_of_id.sequence,
                reason=entry.correction_reason or "",
            )
        return [
            entry.sequence,
            entry.seal_id.name,
            stamped_at.strftime("%Y-%m-%d %H:%M"),
            categories.get(entry.use_category, ""),
            entry.summary,
            entry.document_ref or "",
            "、".join(entry.approver_ids.mapped("name")),
            entry.impressions,
            entry.applicant_id.name or "",
            entry.keeper_id.name or "",
            correction,
            (entry.violation_reason or "") if entry.violation else "",
        ]

    def generate_xlsx_report(self, workbook, data, objs):
        objs.check_access("read")
        Ledger = self.env["office.seal.ledger"]
        categories = dict(
            Ledger._fields["use_category"]._description_selection(self.env)
        )
        title = workbook.add_format({"bold": True, "font_size": 14})
        header = workbook.add_format({"bold": True, "border": 1, "bg_color": "#EEEEEE"})
        cell = workbook.add_format({"border": 1, "text_wrap": True, "valign": "top"})
        columns = self._ledger_columns()
        for seal in objs:
            sheet = workbook.add_worksheet(seal.name[:31])
            sheet.write(
                0, 0, self.env._("Seal ledger: %(seal)s", seal=seal.name), title
            )
            for col, (label, width) in enumerate(columns):
                sheet.set_column(col, col, width)
                sheet.write(2, col, label, header)
            # what the user may read of the ledger (keepers: their seals)
            entries = Ledger.search([("seal_id", "=", seal.id)], order="sequence")
            for row, entry in enumerate(entries, start=3):
                for col, value in enumerate(self._ledger_row(entry, categories)):
                    sheet.write(row, col, value, cell)
            sheet.freeze_panes(3, 0)
