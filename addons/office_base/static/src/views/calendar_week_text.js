import { _t } from "@web/core/l10n/translation";
import { CalendarCommonRenderer } from "@web/views/calendar/calendar_common/calendar_common_renderer";
import { patch } from "@web/core/utils/patch";

// FullCalendar writes "Week 49" from its own locale files, which Odoo does
// not load, and takes the long word from them only: ask for the short form
// and give it Odoo's word (周).
patch(CalendarCommonRenderer.prototype, {
    get options() {
        const options = super.options;
        const long = options.weekNumberFormat?.week === "long";
        return {
            ...options,
            weekText: _t("Week"),
            weekNumberFormat: long ? { week: "short" } : options.weekNumberFormat,
        };
    },
});
