import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("office_inbox_phone_approve", {
    url: "/odoo/action-office_base.tier_review_action_office_inbox",
    steps: () => [
        {
            content: "The request waits on a card",
            trigger: ".o_kanban_record:contains('手机审批请示')",
        },
        {
            content: "Approve it from the card",
            trigger: ".o_kanban_record:contains('手机审批请示') button[name='action_office_approve_confirmed']",
            run: "click",
        },
        {
            content: "The card leaves the inbox",
            trigger: ".o_kanban_renderer:not(:has(.o_kanban_record:contains('手机审批请示')))",
        },
    ],
});

registry.category("web_tour.tours").add("office_inbox_desktop_refuse", {
    url: "/odoo/action-office_base.tier_review_action_office_inbox",
    steps: () => [
        {
            content: "Refuse the request from its row",
            trigger: ".o_data_row:contains('桌面退回请示') button[name='action_office_refuse']",
            run: "click",
        },
        {
            content: "Give the reason",
            trigger: ".modal .o_field_widget[name='reason'] textarea",
            run: "edit 请补充用车事由",
        },
        {
            content: "Confirm the refusal",
            trigger: ".modal button[name='action_refuse']",
            run: "click",
        },
        {
            content: "The row leaves the inbox",
            trigger: ".o_list_renderer:not(:has(.o_data_row:contains('桌面退回请示')))",
        },
    ],
});
