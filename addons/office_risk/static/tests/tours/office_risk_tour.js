import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("office_risk_event_decide", {
    url: "/odoo/action-office_risk.office_risk_event_action",
    steps: () => [
        {
            content: "Report a risk event",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "What happened",
            trigger: ".o_field_widget[name='title'] input",
            run: "edit 浏览器测试风险事件",
        },
        {
            content: "Proposed level",
            trigger: ".o_field_widget[name='proposed_level'] select",
            run: 'select "significant"',
        },
        {
            content: "The internal-control office investigates",
            trigger: ".o_form_view button[name='action_investigate']",
            run: "click",
        },
        {
            content: "Investigation opened",
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value='investigation']",
        },
        {
            content: "Open the investigation tab",
            trigger: ".o_notebook a.nav-link[name='investigation']",
            run: "click",
        },
        {
            content: "Findings",
            trigger: ".o_field_widget[name='investigation'] textarea",
            run: "edit 调查属实",
        },
        {
            content: "Report to the committee",
            trigger: ".o_form_view button[name='action_propose']",
            run: "click",
        },
        {
            content: "Waiting for the committee",
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value='decision']",
        },
        {
            content: "Open the decision tab",
            trigger: ".o_notebook a.nav-link[name='decision']",
            run: "click",
        },
        {
            content: "The committee decides the level",
            trigger: ".o_field_widget[name='decided_level'] select",
            run: 'select "major"',
        },
        {
            content: "Accountability",
            trigger: ".o_field_widget[name='accountability'] textarea",
            run: "edit 对责任人提醒谈话",
        },
        {
            content: "Decide",
            trigger: ".o_form_view button[name='action_decide']",
            run: "click",
        },
        {
            content: "Rectification started",
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value='rectification']",
        },
    ],
});

registry.category("web_tour.tours").add("office_risk_rectification_done", {
    steps: () => [
        {
            content: "Open the completion tab",
            trigger: ".o_notebook a.nav-link[name='completion']",
            run: "click",
        },
        {
            content: "What was done",
            trigger: ".o_field_widget[name='done_note'] textarea",
            run: "edit 已建立登记制度",
        },
        {
            content: "Report it done",
            trigger: ".o_form_view button[name='action_submit']",
            run: "click",
        },
        {
            content: "Waiting for verification",
            trigger: ".o_form_view:not(:has(button[name='action_submit']))",
        },
    ],
});

registry.category("web_tour.tours").add("office_risk_event_verify", {
    steps: () => [
        {
            content: "The department has rectified",
            trigger: ".o_form_view button[name='action_submit_verification']",
            run: "click",
        },
        {
            content: "Open the rectification tab",
            trigger: ".o_notebook a.nav-link[name='rectification']",
            run: "click",
        },
        {
            content: "Verification note",
            trigger: ".o_field_widget[name='verification_note'] textarea",
            run: "edit 复查无问题",
        },
        {
            content: "Verify and close",
            trigger: ".o_form_view button[name='action_verify']",
            run: "click",
        },
        {
            content: "Closed",
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value='closed']",
        },
    ],
});
