import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("office_seal_request_submit", {
    url: "/odoo/action-office_seal.office_seal_use_request_action",
    steps: () => [
        {
            content: "Create a seal use request",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Choose the seal",
            trigger: ".o_field_widget[name='seal_ids'] input",
            run: "edit 测试局行政章",
        },
        {
            content: "Pick it in the list",
            trigger: ".o-autocomplete--dropdown-item:contains('测试局行政章')",
            run: "click",
        },
        {
            content: "Category ① goes to the principal leader",
            trigger: ".o_field_widget[name='use_category'] select",
            run: 'select "cat1"',
        },
        {
            content: "What is stamped",
            trigger: ".o_field_widget[name='summary'] input",
            run: "edit 浏览器测试用印申请",
        },
        {
            content: "No file: say why there is only paper",
            trigger: ".o_field_widget[name='paper_only_reason'] input",
            run: "edit 手填的表格",
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

registry.category("web_tour.tours").add("office_seal_phone_approve", {
    url: "/odoo/action-office_base.tier_review_action_office_inbox",
    steps: () => [
        {
            content: "The seal use request waits on a card",
            trigger: ".o_kanban_record:contains('手机审批用印')",
        },
        {
            content: "Approve it from the card",
            trigger:
                ".o_kanban_record:contains('手机审批用印') button[name='action_office_approve_confirmed']",
            run: "click",
        },
        {
            content: "The card leaves the inbox",
            trigger: ".o_kanban_renderer:not(:has(.o_kanban_record:contains('手机审批用印')))",
        },
    ],
});

registry.category("web_tour.tours").add("office_seal_keeper_stamp", {
    steps: () => [
        {
            content: "The keeper stamps the approved request",
            trigger: ".o_form_view button[name='action_stamp']",
            run: "click",
        },
        {
            content: "Impressions actually made",
            trigger: ".modal .o_data_row .o_data_cell[name='impressions']",
            run: "click",
        },
        {
            content: "One impression",
            trigger: ".modal .o_data_row .o_data_cell[name='impressions'] input",
            run: "edit 1",
        },
        {
            content: "Stamp and record",
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        {
            content: "Stamped: the button is gone",
            trigger: ".o_form_view:not(:has(button[name='action_stamp']))",
        },
    ],
});
