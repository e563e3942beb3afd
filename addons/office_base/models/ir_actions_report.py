from odoo import api, models


class IrActionsReport(models.Model):
    """A report renders only records the user may read, checked before any
    rendering (a template's reads come from the cache, which a ``sudo()``
    read of a helper may have filled); a classified record printed is logged
    in the access log with the channel ``report``."""

    _inherit = "ir.actions.report"

    def _office_check_report_access(self, report_ref, res_ids, log=True):
        if self.env.su or not res_ids:
            return
        report = self._get_report(report_ref)
        if not report.model or report.model not in self.env:
            return
        if not self._office_guards(report):
            return
        if isinstance(res_ids, int):
            res_ids = [res_ids]
        records = self.env[report.model].browse(res_ids)
        records.check_access("read")
        if log and hasattr(records, "_log_secret_access"):
            records._log_secret_access(channel="report")

    @api.model
    def _office_guards(self, report):
        """The suite's reports and every report of a suite's model; Odoo's
        own reports of other models keep Odoo's behaviour."""
        if report.model.startswith("office.") or hasattr(
            self.env[report.model], "_log_secret_access"
        ):
            return True
        xmlid = report.sudo().get_external_id().get(report.id, "")
        return xmlid.startswith("office_")

    @api.model
    def _render_qweb_html(self, report_ref, docids, data=None):
        self._office_check_report_access(report_ref, docids)
        return super()._render_qweb_html(report_ref, docids, data=data)

    @api.model
    def _render_qweb_text(self, report_ref, docids, data=None):
        self._office_check_report_access(report_ref, docids)
        return super()._render_qweb_text(report_ref, docids, data=data)

    def _render_qweb_pdf_prepare_streams(self, report_ref, data, res_ids=None):
        # a PDF may come from a stored attachment without any rendering; the
        # HTML rendering logs the reading
        self._office_check_report_access(report_ref, res_ids, log=False)
        return super()._render_qweb_pdf_prepare_streams(report_ref, data, res_ids)
