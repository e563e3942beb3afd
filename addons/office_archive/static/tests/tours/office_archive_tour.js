import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("office_archive_accept_transfer_list", {
    steps: () => [
        {
            content: "Count the files received",
            trigger: ".o_form_view .o_field_widget[name='received_count'] input",
            run: "edit 2",
        },
        {
            content: "Accept the department's transfer list",
            trigger: ".o_form_view button[name='action_accept']",
            run: "click",
        },
        {
            content: "Accepted: the button is gone",
            trigger: ".o_form_view:not(:has(button[name='action_accept']))",
        },
        {
            content: "The items got their archival codes",
            trigger: ".o_field_widget[name='item_ids'] .o_data_cell:contains('Z109-WS·2022-Y-YSK-0001')",
        },
    ],
});

registry.category("web_tour.tours").add("office_archive_lend_and_take_back", {
    steps: () => [
        {
            content: "Lend the approved loan",
            trigger: ".o_form_view button[name='action_lend']",
            run: "click",
        },
        {
            content: "Take the items back",
            trigger: ".o_form_view button[name='action_take_back']",
            run: "click",
        },
        {
            content: "They come back intact",
            trigger: ".modal .o_field_widget[name='condition'] select",
            run: 'select "intact"',
        },
        {
            content: "Confirm",
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        {
            content: "Returned: the button is gone",
            trigger: ".o_form_view:not(:has(button[name='action_take_back']))",
        },
    ],
});
