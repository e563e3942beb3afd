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
            trigger: ".modal .o_field_widget[name='reason'] textarea",
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

registry.category("web_tour.tours").add("office_docs_supervision_board", {
    url: "/odoo/action-office_docs.office_supervision_action",
    steps: () => [
        {
            content: "The board has a red column with the overdue item",
            trigger: ".o_kanban_group:has(.o_kanban_record:contains('浏览器督办测试事项'))",
        },
        {
            content: "Open the item",
            trigger: ".o_kanban_record:contains('浏览器督办测试事项')",
            run: "click",
        },
        {
            content: "Give feedback",
            trigger: "button[name='action_add_feedback']",
            run: "click",
        },
        {
            content: "Write the feedback",
            trigger: ".modal .o_field_widget[name='reason'] textarea",
            run: "edit 已完成初稿，正在征求意见。",
        },
        {
            content: "Confirm",
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        {
            content: "The feedback is listed",
            trigger: ".o_field_widget[name='feedback_ids'] td:contains('已完成初稿')",
        },
    ],
});

registry.category("web_tour.tours").add("office_docs_instruct_with_signature", {
    url: "/odoo/action-office_docs.office_incoming_document_action",
    steps: () => [
        {
            content: "Open the document to instruct",
            trigger: ".o_data_row td:contains('浏览器批示测试来文')",
            run: "click",
        },
        {
            content: "Instruct",
            trigger: "button[name='action_instruct']",
            run: "click",
        },
        {
            content: "Write the instruction",
            trigger: ".modal .o_field_widget[name='opinion'] textarea",
            run: "edit 同意，请预算科办理。",
        },
        {
            content: "The signature pad is there",
            trigger: ".modal .o_field_widget[name='signature'] .o_signature",
        },
        {
            content: "Confirm",
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        {
            content: "Instructed",
            trigger: ".o_statusbar_status button[data-value='instructed'].o_arrow_button_current",
        },
    ],
});
