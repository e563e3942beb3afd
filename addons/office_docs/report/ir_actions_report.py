# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Page numbers of the formatted document (套红), GB/T 9704-2012 §7.5.

wkhtmltopdf as Debian ships it (no patched Qt) prints no header or footer,
so the numbers are stamped on the PDF it returns: 4号 (14 pt) Arabic
numerals between two em dashes, 7 mm below the type area, one character in
from the outer edge of the type area (odd pages right, even pages left)."""

import io

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont
from reportlab.pdfgen import canvas

from odoo import models
from odoo.tools.pdf import PdfFileReader, PdfFileWriter

FORMATTED_REPORT = "office_docs.office_outgoing_document_report_formatted_template"
MM = 72 / 25.4
NUMBER_SIZE = 14  # 4号
# the paper format's type area: 28 mm from the left, 26 from the right,
# 35 from the bottom; the dash 7 mm below it
TYPE_LEFT = 28 * MM
TYPE_RIGHT = 26 * MM
DASH_HEIGHT = (35 - 7) * MM
FONT = "OfficeDocsPageNumber"
# a serif face with an em dash, embedded: DejaVu Serif (fonts-dejavu-core),
# else the Vera face reportlab ships
FONT_FILES = ("DejaVuSerif.ttf", "Vera.ttf")


def _register_font():
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    for filename in FONT_FILES:
        try:
            pdfmetrics.registerFont(TTFont(FONT, filename))
            return
        except TTFError:
            continue
    raise TTFError(f"none of {FONT_FILES} found")


def _number_overlay(sizes):
    """A PDF with one page per (width, height), each with its number."""
    _register_font()
    packet = io.BytesIO()
    sheet = canvas.Canvas(packet, initialFontName=FONT, initialFontSize=NUMBER_SIZE)
    # the em dash sits about a third of the size above the baseline
    baseline = DASH_HEIGHT - 0.3 * NUMBER_SIZE
    for index, (width, height) in enumerate(sizes, start=1):
        sheet.setPageSize((width, height))
        text = f"— {index} —"
        if index % 2:
            sheet.drawRightString(width - TYPE_RIGHT - NUMBER_SIZE, baseline, text)
        else:
            sheet.drawString(TYPE_LEFT + NUMBER_SIZE, baseline, text)
        sheet.showPage()
    sheet.save()
    packet.seek(0)
    return packet


def stamp_page_numbers(stream):
    """The PDF of stream with the page numbers of GB/T 9704-2012."""
    reader = PdfFileReader(stream, strict=False)
    pages = [reader.getPage(i) for i in range(reader.getNumPages())]
    sizes = [
        (float(abs(page.mediaBox.getWidth())), float(abs(page.mediaBox.getHeight())))
        for page in pages
    ]
    overlay = PdfFileReader(_number_overlay(sizes), strict=False)
    writer = PdfFileWriter()
    for index, page in enumerate(pages):
        page.mergePage(overlay.getPage(index))
        writer.addPage(page)
    result = io.BytesIO()
    writer.write(result)
    return result


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _render_qweb_pdf_prepare_streams(self, report_ref, data, res_ids=None):
        streams = super()._render_qweb_pdf_prepare_streams(
            report_ref, data, res_ids=res_ids
        )
        report = self._get_report(report_ref)
        if report.report_name != FORMATTED_REPORT:
            return streams
        for stream_data in streams.values():
            # a stored copy reused as it is was numbered when it was printed
            reused = report.attachment_use and stream_data.get("attachment")
            if stream_data["stream"] and not reused:
                stream_data["stream"] = stamp_page_numbers(stream_data["stream"])
        return streams
