import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("office_fleet_request_submit", {
    url: "/odoo/action-office_fleet.office_fleet_request_action",
    steps: () => [
        {
            content: "Request a car",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "The matter",
            trigger: ".o_field_widget[name='reason'] input",
            run: "edit 浏览器测试用车",
        },
        {
            content: "Where to",
            trigger: ".o_field_widget[name='destination'] input",
            run: "edit 资阳区财政局",
        },
        {
            content: "From",
            trigger: ".o_field_widget[name='date_start'] input",
            run: "edit 2026年11月16日 09时00分00秒",
        },
        {
            content: "Until",
            trigger: ".o_field_widget[name='date_end'] input",
            run: "edit 2026年11月16日 12时00分00秒",
        },
        {
            content: "Submit it",
            trigger: ".o_form_view button[name='action_submit']",
            run: "click",
        },
        {
            content: "Submitted: the button is gone",
            trigger: ".o_form_view:not(:has(button[name='action_submit']))",
        },
    ],
});

registry.category("web_tour.tours").add("office_fleet_phone_approve", {
    url: "/odoo/action-office_base.tier_review_action_office_inbox",
    steps: () => [
        {
            content: "The car request waits on a card",
            trigger: ".o_kanban_record:contains('浏览器测试用车')",
        },
        {
            content: "Approve it from the card",
            trigger:
                ".o_kanban_record:contains('浏览器测试用车') button[name='action_office_approve_confirmed']",
            run: "click",
        },
        {
            content: "The card leaves the inbox",
            trigger: ".o_kanban_renderer:not(:has(.o_kanban_record:contains('浏览器测试用车')))",
        },
    ],
});

registry.category("web_tour.tours").add("office_fleet_phone_dispatch", {
    steps: () => [
        {
            content: "Open the actions of the request",
            trigger: ".o_cp_action_menus .dropdown-toggle",
            run: "click",
        },
        {
            content: "Dispatch the approved request",
            trigger: ".dropdown-menu button[name='action_dispatch']",
            run: "click",
        },
        {
            content: "A free car is proposed",
            trigger: ".modal .o_field_widget[name='vehicle_id'] input:value('测A·T0001')",
        },
        {
            content: "Dispatch",
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        {
            content: "Dispatched",
            trigger: ".o_form_view .o_field_widget[name='vehicle_id']:contains('测A·T0001')",
        },
    ],
});

registry.category("web_tour.tours").add("office_fleet_phone_trip", {
    steps: () => [
        {
            content: "Odometer when leaving",
            trigger: ".o_form_view .o_field_widget[name='odometer_out'] input",
            run: "edit 10020",
        },
        {
            content: "Open the actions of the trip",
            trigger: ".o_cp_action_menus .dropdown-toggle",
            run: "click",
        },
        {
            content: "Depart",
            trigger: ".dropdown-menu button[name='action_depart']",
            run: "click",
        },
        {
            content: "The car is out",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains('Out'), .o_form_view .o_statusbar_status .o_arrow_button_current",
        },
        {
            content: "Open the actions again",
            trigger: ".o_cp_action_menus .dropdown-toggle",
            run: "click",
        },
        {
            content: "Back: register the return",
            trigger: ".dropdown-menu button[name='action_return']",
            run: "click",
        },
        {
            content: "Odometer when back",
            trigger: ".modal .o_field_widget[name='odometer_in'] input",
            run: "edit 10086",
        },
        {
            content: "Tolls",
            trigger: ".modal .o_field_widget[name='toll_amount'] input",
            run: "edit 15",
        },
        {
            content: "Register",
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        {
            content: "The trip is in the ledger",
            trigger: ".o_form_view .o_field_widget[name='distance']:contains('66')",
        },
    ],
});
