import { registry } from "@web/core/registry";

function fill(name, value, tag = "textarea") {
    return {
        content: `Fill ${name}`,
        trigger: `.o_form_view .o_field_widget[name='${name}'] ${tag}`,
        run: `edit ${value}`,
    };
}

function tab(name) {
    return {
        content: `Open the ${name} tab`,
        trigger: `.o_form_view .o_notebook .nav-link[name='${name}']`,
        run: "click",
    };
}

function step(button, state) {
    return [
        {
            content: `Click ${button}`,
            trigger: `.o_form_view .o_statusbar_buttons button[name='${button}']`,
            run: "click",
        },
        {
            content: `The incident is ${state}`,
            trigger: `.o_form_view .o_statusbar_status button.o_arrow_button_current[data-value='${state}']`,
        },
    ];
}

registry.category("web_tour.tours").add("office_secrecy_incident_walk", {
    url: "/odoo/action-office_secrecy.office_secrecy_incident_action",
    steps: () => [
        {
            content: "Report an incident",
            trigger: ".o_control_panel .o-kanban-button-new, .o_control_panel .o_list_button_add",
            run: "click",
        },
        fill("name", "浏览器测试：涉密文件遗失", "input"),
        fill("description", "会议结束后在会议室发现遗留的秘密级文件一份。"),
        fill("exposed", "秘密级文件1份，会议室内短时无人看管。"),
        tab("emergency"),
        fill("emergency_actions", "立即收回文件，调取会议室出入记录。"),
        ...step("action_contain", "contained"),
        tab("assessment"),
        fill("loss_assessment", "文件未被带离，未发现扩散。"),
        {
            content: "Severity",
            trigger: ".o_form_view .o_field_widget[name='severity'] select",
            run: 'select "general"',
        },
        ...step("action_assess", "assessed"),
        tab("rectification"),
        fill("rectification", "会议结束清场检查制度。"),
        ...step("action_rectify", "rectifying"),
        tab("rectification"),
        fill("rectification_done", "已建立会后清场登记。"),
        fill("accountability", "对会务人员批评教育。"),
        ...step("action_close", "closed"),
    ],
});
