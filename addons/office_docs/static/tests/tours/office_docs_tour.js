import { registry } from "@web/core/registry";

const TITLE = "浏览器登记测试来文";

registry.category("web_tour.tours").add("office_docs_incoming_register", {
    url: "/odoo/action-office_docs.office_incoming_document_action",
    steps: () => [
        {
            content: "Register a new incoming document",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Its title",
            trigger: ".o_field_widget[name='title'] input",
            run: `edit ${TITLE}`,
        },
        {
            content: "The sender",
            trigger: ".o_field_widget[name='sender_id'] input",
            run: "edit 测试区财政局",
        },
        {
            content: "Pick the sender",
            trigger: ".o-autocomplete--dropdown-item:contains('测试区财政局')",
            run: "click",
        },
        {
            content: "Save: the registration number is given",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The number is shown",
            trigger: ".o_field_widget[name='name']:contains('收文〔')",
        },
        {
            content: "First review: accept",
            trigger: "button[name='action_accept']",
            run: "click",
        },
        {
            content: "Accepted",
            trigger: ".o_statusbar_status button[data-value='accepted'].o_arrow_button_current",
        },
        {
            content: "Open the assignment tab",
            trigger: ".o_notebook_headers a[name='handling']",
            run: "click",
        },
        {
            content: "The lead department",
            trigger: ".o_field_widget[name='lead_department_id'] input",
            run: "edit 测试预算科",
        },
        {
            content: "Pick the department itself (its units follow it)",
            trigger: ".o-autocomplete--dropdown-item:contains('测试预算科'):not(:contains('一股'))",
            run: "click",
        },
        {
            content: "Assign",
            trigger: "button[name='action_assign']",
            run: "click",
        },
        {
            content: "Assigned",
            trigger: ".o_statusbar_status button[data-value='assigned'].o_arrow_button_current",
        },
    ],
});

registry.category("web_tour.tours").add("office_docs_incoming_undertake_close", {
    url: "/odoo/action-office_docs.office_incoming_document_action",
    steps: () => [
        {
            content: "Open the document assigned to the department",
            trigger: `.o_data_row:contains('${TITLE}') td.o_data_cell`,
            run: "click",
        },
        {
            content: "Undertake it",
            trigger: "button[name='action_undertake']",
            run: "click",
        },
        {
            content: "Handling",
            trigger: ".o_statusbar_status button[data-value='handling'].o_arrow_button_current",
        },
        {
            content: "Close it",
            trigger: "button[name='action_close']",
            run: "click",
        },
        {
            content: "Write the result",
            trigger: ".modal .o_field_widget[name='text'] textarea",
            run: "edit 已按要求办结。",
        },
        {
            content: "Confirm",
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        {
            content: "Closed",
            trigger: ".o_statusbar_status button[data-value='closed'].o_arrow_button_current",
        },
    ],
});
