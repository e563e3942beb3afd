from odoo import models

# 001: classified documents in red, the others in yellow
RED = "#F8CBAD"
YELLOW = "#FFF2CC"


class OfficeRegisterXlsxMixin(models.AbstractModel):
    """The registers (登记簿) as Excel workbooks, one row per document, with
    the colour rule of 001. The rows are read as the user: record rules and
    the clearance apply, so a secret document is never exported to someone
    who may not see it."""

    _name = "report.office_docs.register_xlsx_mixin"
    _inherit = "report.report_xlsx.abstract"
    _description = "Official Document Register Workbook"

    _office_register_model = None

    def _get_objs_for_report(self, docids, data):
        Model = self.env[self._office_register_model]
        ids = (
            docids
            or (data or {}).get("context", {}).get("active_ids")
            or self.env.context.get("active_ids", [])
        )
        # only the rows the user may read (record rules, clearance)
        return Model.browse(ids).exists()._filtered_access("read")

    def _office_columns(self):
        """[(header, width, function(record) -> value)]"""
        raise NotImplementedError()

    def _office_title(self):
        raise NotImplementedError()

    def _office_selection(self, record, name):
        value = record[name]
        return dict(record._fields[name]._description_selection(self.env)).get(
            value, ""
        )

    def generate_xlsx_report(self, workbook, data, objs):
        title = self._office_title()
        sheet = workbook.add_worksheet(title[:31])
        base = {"border": 1, "valign": "vcenter", "text_wrap": True, "font_size": 10}
        formats = {
            "title": workbook.add_format(
                {"bold": True, "font_size": 16, "align": "center"}
            ),
            "head": workbook.add_format({**base, "bold": True, "bg_color": "#D9D9D9"}),
            "red": workbook.add_format({**base, "bg_color": RED}),
            "yellow": workbook.add_format({**base, "bg_color": YELLOW}),
        }
        columns = self._office_columns()
        sheet.merge_range(0, 0, 0, len(columns) - 1, title, formats["title"])
        for col, (header, width, _getter) in enumerate(columns):
            sheet.set_column(col, col, width)
            sheet.write(1, col, header, formats["head"])
        sheet.freeze_panes(2, 0)
        for row, record in enumerate(objs, start=2):
            cell = formats["red"] if record.secrecy_rank else formats["yellow"]
            for col, (_header, _width, getter) in enumerate(columns):
                value = getter(record)
                sheet.write(row, col, value if value not in (None, False) else "", cell)
        sheet.autofilter(1, 0, max(len(objs) + 1, 1), len(columns) - 1)


class OfficeIncomingRegisterXlsx(models.AbstractModel):
    """收文登记簿."""

    _name = "report.office_docs.incoming_register_xlsx"
    _inherit = "report.office_docs.register_xlsx_mixin"
    _description = "Incoming Register Workbook"

    _office_register_model = "office.incoming.document"

    def _office_title(self):
        return self.env._("Incoming register")

    def _office_columns(self):
        _ = self.env._
        fmt = self.env["office.document.mixin"]._office_format_datetime
        return [
            (_("Registration number"), 16, lambda r: r.name),
            (_("Received at"), 16, lambda r: fmt(r.received_at)),
            (_("Sender"), 20, lambda r: r.sender_id.name),
            (_("Sender reference"), 18, lambda r: r.sender_ref),
            (_("Title"), 40, lambda r: r.title),
            (_("Document type"), 8, lambda r: r.type_id.name),
            (_("Confidentiality"), 12, lambda r: r.secrecy_mark or ""),
            (_("Urgency"), 8, lambda r: self._office_selection(r, "urgency")),
            (_("Pages"), 6, lambda r: r.pages),
            (_("Copies"), 6, lambda r: r.copies),
            (_("Channel"), 10, lambda r: self._office_selection(r, "channel")),
            (
                _("Reading or action"),
                10,
                lambda r: self._office_selection(r, "handling_kind"),
            ),
            (_("Lead department"), 14, lambda r: r.lead_department_id.name),
            (_("Current holder"), 10, lambda r: r.holder_id.name),
            (_("Due date"), 12, lambda r: r._office_format_date_cn(r.due_date)),
            (_("Closed at"), 16, lambda r: fmt(r.closed_at)),
            (_("Handling days"), 8, lambda r: r.handling_days if r.closed_at else ""),
            (_("State"), 10, lambda r: self._office_selection(r, "state")),
        ]


class OfficeOutgoingRegisterXlsx(models.AbstractModel):
    """发文登记簿."""

    _name = "report.office_docs.outgoing_register_xlsx"
    _inherit = "report.office_docs.register_xlsx_mixin"
    _description = "Outgoing Register Workbook"

    _office_register_model = "office.outgoing.document"

    def _office_title(self):
        return self.env._("Outgoing register")

    def _office_columns(self):
        _ = self.env._
        fmt = self.env["office.document.mixin"]._office_format_datetime
        return [
            (_("Document number"), 18, lambda r: r.number),
            (_("Document date"), 12, lambda r: r.document_date_text),
            (_("Title"), 40, lambda r: r.title),
            (_("Document type"), 8, lambda r: r.type_id.name),
            (_("Drafting department"), 14, lambda r: r.department_id.name),
            (_("Drafter"), 10, lambda r: r.drafter_id.name),
            (_("Signed by"), 10, lambda r: r.signer_id.name),
            (
                _("Main recipients"),
                24,
                lambda r: "、".join(r.main_recipient_ids.mapped("name")),
            ),
            (
                _("Copy recipients"),
                24,
                lambda r: "、".join(r.copy_recipient_ids.mapped("name")),
            ),
            (_("Confidentiality"), 12, lambda r: r.secrecy_mark or ""),
            (_("Urgency"), 8, lambda r: self._office_selection(r, "urgency")),
            (_("Copies"), 6, lambda r: r.print_copies),
            (_("Copy numbers"), 16, lambda r: r.copy_number_range),
            (_("Distributed at"), 16, lambda r: fmt(r.distributed_at)),
            (_("State"), 10, lambda r: self._office_selection(r, "state")),
        ]
