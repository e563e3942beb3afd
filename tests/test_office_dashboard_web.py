"""The office dashboards in Odoo's Dashboards app, as the office director sees
them in a real browser: every pivot of every dashboard loads, no cell is left
loading or in error, no error dialog opens and every label is Chinese. The
director's dashboard is saved to .run/screenshots/ (docs/img/ shows it)."""

import time

from browser import browser, login, screenshot, wait
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec
from test_chinese_screens import latin_words

DIRECTOR = ("bgszr", "bgszr")
#: the director sees the three dashboards of the office group
DASHBOARDS = ("办公室主任", "内控办", "局领导")
#: tall enough for the whole director's dashboard in one picture
SIZE = (1440, 1700)

#: the spreadsheet model of the open dashboard, found in the Owl tree
CELLS_JS = """
const find = (node) => {
    const props = node.component && node.component.props;
    const model = props && props.model;
    if (model && model.getters && model.getters.getSheetIds) {
        return model;
    }
    for (const child of Object.values(node.children || {})) {
        const found = find(child);
        if (found) { return found; }
    }
    return null;
};
const model = find(odoo.__WOWL_DEBUG__.root.__owl__);
if (!model) { return null; }
const out = [];
for (const sheetId of model.getters.getSheetIds()) {
    const sheet = model.getters.getSheetName(sheetId);
    for (const position of model.getters.getEvaluatedCellsPositions(sheetId)) {
        const cell = model.getters.getEvaluatedCell({sheetId, ...position});
        const column = String.fromCharCode(65 + position.col);
        out.push({
            where: `${sheet}!${column}${position.row + 1}`,
            type: cell.type,
            value: String(cell.value),
            shown: cell.formattedValue,
            message: cell.message || "",
        });
    }
}
return out;
"""


def _open_dashboard(driver, name):
    for item in driver.find_elements(
        By.CSS_SELECTOR, ".o_spreadsheet_dashboard_search_panel li"
    ):
        if item.text.strip() == name:
            item.click()
            return
    raise AssertionError(f"the director is not offered the dashboard {name}")


def _loaded_cells(driver, seconds=60):
    """The evaluated cells once no pivot is loading any more."""
    deadline = time.monotonic() + seconds
    while True:
        cells = driver.execute_script(CELLS_JS)
        loading = [
            c
            for c in cells or []
            if c["value"].startswith("Loading") or "Loading" in c["shown"]
        ]
        if cells and not loading:
            return cells
        assert time.monotonic() < deadline, f"still loading: {loading[:5]}"
        time.sleep(0.5)


def _problems(driver, cells):
    problems = [
        f"{c['where']}: {c['value']} {c['message']}"
        for c in cells
        if c["type"] == "error" or c["value"].startswith("#")
    ]
    if driver.find_elements(By.CSS_SELECTOR, ".o_error_dialog, .modal .o_dialog_error"):
        problems.append("an error dialog is open")
    if driver.find_elements(By.CSS_SELECTOR, ".dashboard-loading-status.error"):
        problems.append("the dashboard failed to load")
    labels = " ".join(c["shown"] for c in cells if c["type"] == "text")
    if latin_words(labels):
        problems.append(f"English on the dashboard: {sorted(latin_words(labels))}")
    return problems


def test_director_sees_the_office_dashboards_loaded_in_chinese(odoo):
    with browser(SIZE) as driver:
        login(driver, odoo, *DIRECTOR)
        driver.get(f"{odoo.url}/odoo/dashboards")
        wait(driver).until(
            ec.presence_of_element_located(
                (By.CSS_SELECTOR, ".o_spreadsheet_dashboard_search_panel li")
            )
        )
        offered = [
            item.text.strip()
            for item in driver.find_elements(
                By.CSS_SELECTOR, ".o_spreadsheet_dashboard_search_panel li"
            )
        ]
        for name in DASHBOARDS:
            assert name in offered, f"{name} not in {offered}"
        problems = {}
        for name in (*DASHBOARDS[1:], DASHBOARDS[0]):  # the director's last
            _open_dashboard(driver, name)
            wait(driver).until(
                ec.presence_of_element_located((By.CSS_SELECTOR, ".o-spreadsheet"))
            )
            cells = _loaded_cells(driver)
            found = _problems(driver, cells)
            if found:
                problems[name] = found
        texts = {c["shown"] for c in cells}
        assert {
            "收文（按状态）",
            "发文（按状态）",
            "用印申请（按类别）",
            "档案借阅",
        } <= texts
        time.sleep(1)  # the charts' animation
        screenshot(driver, "office_dashboard-director")
    assert not problems, problems
