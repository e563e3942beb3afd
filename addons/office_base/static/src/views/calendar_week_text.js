import { _t } from "@web/core/l10n/translation";
import { CalendarCommonRenderer } from "@web/views/calendar/calendar_common/calendar_common_renderer";
import { patch } from "@web/core/utils/patch";

// FullCalendar names the week column in English ("Week 49") unless its own
// locale files are loaded, which Odoo does not do: give it Odoo's word.
patch(CalendarCommonRenderer.prototype, {
    get options() {
        return { ...super.options, weekText: _t("Week"), weekTextLong: _t("Week") };
    },
});
