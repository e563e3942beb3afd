import pytz

from odoo import models
from odoo.tools import split_every

# 001: classified documents in red, the others in yellow
RED = "#F8CBAD"
YELLOW = "#FFF2CC"


class OfficeRegisterXlsxMixin(models.AbstractModel):
    """The registers (登记簿) as Excel workbooks, one row per document, with
    the colour rule of 001. The rows are read as the user: record rules and
    the clearance apply, so a secret document is never exported to someone
    who may not see it.

    A year's register has a hundred thousand rows: the workbook is written in
    xlsxwriter's ``constant_memory`` mode (each row goes to a temporary file
    once written) and the records are read in batches whose cache is dropped
    after use, so memory stays flat whatever the number of rows."""

    _name = "report.office_docs.register_xlsx_mixin"
    _inherit = "report.report_xlsx.abstract"
    _description = "Official Document Register Workbook"

    _office_register_model = None
    _office_batch_size = 1000

    def _get_objs_for_report(self, docids, data):
        Model = self.env[self._office_register_model]
        ids = (
            docids
            or (data or {}).get("context", {}).get("active_ids")
            or self.env.context.get("active_ids", [])
        )
        if not Model.has_access("read"):
            return Model
        # only the rows the user may read (record rules, clearance), checked
        # by one search in SQL, in the order given
        readable = set(
            Model.with_context(active_test=False).search([("id", "in", ids)]).ids
        )
        return Model.browse([id_ for id_ in ids if id_ in readable])

    def get_workbook_options(self):
        return {**super().get_workbook_options(), "constant_memory": True}

    def _office_batches(self, objs):
        """The records in batches of their own prefetch set; the cache of a
        batch is dropped once its rows are written."""
        for ids in split_every(self._office_batch_size, objs.ids):
            yield objs.browse(ids)
            self.env.invalidate_all()

    def _office_columns(self):
        """[(header, width, function(record) -> value)]"""
        raise NotImplementedError()

    def _office_title(self):
        raise NotImplementedError()

    def _office_selection(self, name):
        """A getter of the label of the selection field ``name``."""
        field = self.env[self._office_register_model]._fields[name]
        labels = dict(field._description_selection(self.env))
        return lambda record: labels.get(record[name], "")

    def _office_datetime(self, name):
        """A getter of the datetime field ``name`` as '2026-10-08 08:30' in
        Beijing time (the time zone looked up once)."""
        tz = self.env["office.document.mixin"]._office_tz()

        def getter(record):
            value = record[name]
            if not value:
                return ""
            local = pytz.utc.localize(value).astimezone(tz)
            return local.strftime("%Y-%m-%d %H:%M")

        return getter

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
        sheet.autofilter(1, 0, max(len(objs) + 1, 1), len(columns) - 1)
        getters = [getter for _header, _width, getter in columns]
        row = 2
        for batch in self._office_batches(objs):
            for record in batch:
                cell = formats["red"] if record.secrecy_rank else formats["yellow"]
                for col, getter in enumerate(getters):
                    self._office_write_cell(sheet, row, col, getter(record), cell)
                row += 1

    @staticmethod
    def _office_write_cell(sheet, row, col, value, cell):
        """One cell by its type (xlsxwriter's ``write`` guesses the type of
        each value with regular expressions: a third of the export)."""
        if value is None or value is False or value == "":
            sheet.write_blank(row, col, None, cell)
        elif isinstance(value, (int, float)):
            sheet.write_number(row, col, value, cell)
        else:
            sheet.write_string(row, col, str(value), cell)


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
        label = self._office_selection
        return [
            (_("Registration number"), 16, lambda r: r.name),
            (_("Received at"), 16, self._office_datetime("received_at")),
            (_("Sender"), 20, lambda r: r.sender_id.name),
            (_("Sender reference"), 18, lambda r: r.sender_ref),
            (_("Title"), 40, lambda r: r.title),
            (_("Document type"), 8, lambda r: r.type_id.name),
            (_("Confidentiality"), 12, lambda r: r.secrecy_mark or ""),
            (_("Urgency"), 8, label("urgency")),
            (_("Pages"), 6, lambda r: r.pages),
            (_("Copies"), 6, lambda r: r.copies),
            (_("Channel"), 10, label("channel")),
            (_("Reading or action"), 10, label("handling_kind")),
            (_("Lead department"), 14, lambda r: r.lead_department_id.name),
            (_("Current holder"), 10, lambda r: r.holder_id.name),
            (_("Due date"), 12, lambda r: r._office_format_date_cn(r.due_date)),
            (_("Closed at"), 16, self._office_datetime("closed_at")),
            (_("Handling days"), 8, lambda r: r.handling_days if r.closed_at else ""),
            (_("State"), 10, label("state")),
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
        label = self._office_selection
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
            (_("Urgency"), 8, label("urgency")),
            (_("Copies"), 6, lambda r: r.print_copies),
            (_("Copy numbers"), 16, lambda r: r.copy_number_range),
            (_("Distributed at"), 16, self._office_datetime("distributed_at")),
            (_("State"), 10, label("state")),
        ]
