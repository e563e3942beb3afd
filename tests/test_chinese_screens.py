"""Every screen of the suite in Chinese, as each demo role sees it.

Each demo role (config/demo-logins.txt, the system administrator aside) logs
in with a zh_CN browser and opens every menu of the suite it can see (the
view the menu opens, then, once per action over all roles, the form of its
first record, from a list or a kanban). The visible text of each screen must
carry no run of Latin letters but codes (a run with a digit, or of two to four
capitals: document numbers, plates, archival codes), a user name, an e-mail
address, a file's extension or a word of ``EXCEPTIONS``.

The same test times each role's landing after login, at desktop width and on
an emulated phone (390×844), and saves phone screenshots of the home and of
the approvals inbox to .run/screenshots/ (no sideways scroll allowed). The
timings are a benchmark written to .run/logs/home-load.txt, not an assertion.

``OFFICE_WEB_ROLES=juzhang,zhouli`` picks the roles (default: a staff member, a
clerk and the principal leader; ``all`` for every role).
"""

import os
import re
import time

import pytest
from browser import (
    DESKTOP,
    PHONE,
    ROOT,
    browser,
    horizontal_overflow,
    open_action,
    screenshot,
    wait,
)
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec

#: the suite's apps: every top-level menu of an office_* addon
SUITE_APPS = "office_"
INBOX = "office_base.tier_review_action_office_inbox"
#: Latin words a Chinese office screen legitimately shows, each argued.
#: Runs of two to four capitals are codes too (DA/T 22 门类代码 WS, 机构代码
#: YSK, the risk domains' DOC, file formats PDF/XLSX, CA证书).
EXCEPTIONS = {
    "Excel",  # the product name, as Chinese software says it (导出Excel)
    "UKey",  # the bank's USB key (网银UKey), the name printed on it
    # a file's size as Odoo's web client writes it; its zh_CN keeps the units
    # ("Bytes|Kb|Mb|..."), and a term of web cannot be overridden reliably
    "Kb",
    "Mb",
}
CODE = re.compile(r"[A-Z]{2,4}")
LATIN_RUN = re.compile(r"[^\s\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]+")
WORD = re.compile(r"[A-Za-z]{2,}")
EMAIL = re.compile(r"\S+@\S+")


def _logins():
    logins = []
    for line in (ROOT / "config" / "demo-logins.txt").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            login, _slash, password = line.split()[:3]
            logins.append((login, password))
    return logins


USER_NAMES = {login for login, _pw in _logins()}
#: the test command sweeps a staff member, a clerk and the principal leader
#: (every role takes 15-45 min); OFFICE_WEB_ROLES=all sweeps them all
DEFAULT_ROLES = "zhouli,wenshu,juzhang"
_WANTED = os.environ.get("OFFICE_WEB_ROLES") or DEFAULT_ROLES
ROLES = [
    role
    for role in _logins()
    if role[0] != "admin" and (_WANTED == "all" or role[0] in _WANTED.split(","))
]


def latin_words(text):
    """The Latin words of a screen's text that are not codes, e-mails, user
    names or listed exceptions."""
    found = set()
    for run in LATIN_RUN.findall(EMAIL.sub(" ", text)):
        if any(ch.isdigit() for ch in run) or "://" in run or run.startswith("."):
            continue  # a code, an address, a file's extension (承诺书.pdf)
        if run in USER_NAMES:
            continue  # a login (sweep_integration)
        for word in WORD.findall(run):
            if CODE.fullmatch(word):
                continue
            if word not in EXCEPTIONS and word not in USER_NAMES:
                found.add(word)
    return found


@pytest.fixture(scope="module", autouse=True)
def _every_login_is_a_user_name(odoo):
    """Users other tests created (an integration's, another agency's clerk)
    are listed by their login too."""
    users = odoo.call(
        "admin",
        "admin",
        "res.users",
        "search_read",
        [],
        ["login"],
        context={"active_test": False},
    )
    USER_NAMES.update(user["login"] for user in users)


def test_latin_words_are_found():
    """The checker itself: it must be able to fail."""
    assert latin_words("本单据需要审批。 Validate 退回") == {"Validate"}
    assert not latin_words("益财发〔2026〕12号 湘H·A0001 Z109-WS·2026-Y-BGS-0001")
    assert not latin_words("导出 PDF  juzhang@example.gov.cn  juzhang")
    USER_NAMES.add("sweep_integration")
    assert not latin_words("巡检接口系统 sweep_integration")
    assert not latin_words("门类 WS 机构 YSK 保密承诺书.pdf")
    assert latin_words("Nissan Micra") == {"Nissan", "Micra"}


def _login_timed(driver, odoo, login, password):
    """Log in and return the seconds from submitting the form to the first
    view of the landing action."""
    driver.get(f"{odoo.url}/web/login?db={odoo.db}")
    wait(driver).until(ec.element_to_be_clickable((By.ID, "login")))
    driver.find_element(By.ID, "login").send_keys(login)
    driver.find_element(By.ID, "password").send_keys(password)
    start = time.monotonic()
    driver.find_element(
        By.CSS_SELECTOR, "form.oe_login_form button[type=submit]"
    ).click()
    wait(driver).until(
        ec.presence_of_element_located(
            (By.CSS_SELECTOR, ".o_action_manager > .o_action, .o_action_manager > *")
        )
    )
    wait(driver).until(
        lambda d: d.execute_script(
            "return !document.querySelector('.o_loading_indicator, .o_loading')"
        )
    )
    return time.monotonic() - start


SUITE_MENUS_JS = """
const menus = odoo.__WOWL_DEBUG__.root.env.services.menu;
const apps = menus.getApps().filter((m) => (m.xmlid || "").startsWith(arguments[0]));
const out = [];
const walk = (menu, path) => {
    const here = path ? path + " / " + menu.name : menu.name;
    if (menu.actionID) { out.push([menu.actionID, here, menu.xmlid]); }
    for (const child of menu.children) { walk(menus.getMenu(child), here); }
};
for (const app of apps) { walk(menus.getMenuAsTree(app.id), ""); }
return out;
"""

DO_ACTION_JS = """
const [actionId, done] = arguments;
const env = odoo.__WOWL_DEBUG__.root.env;
env.services.action.doAction(actionId, {clearBreadcrumbs: true}).then(
    () => setTimeout(() => done(""), 200),
    (error) => done(String(error && error.message || error)),
);
"""

SCREEN_TEXT_JS = """
const parts = [];
for (const sel of ['.o_main_navbar', '.o_action_manager', '.modal']) {
    for (const el of document.querySelectorAll(sel)) { parts.push(el.innerText); }
}
return parts.join('\\n');
"""


def _settle(driver):
    wait(driver).until(
        lambda d: d.execute_script(
            "return !document.querySelector('.o_loading_indicator, .o_loading')"
            " && !!document.querySelector('.o_action_manager > *')"
        )
    )
    time.sleep(0.2)


def _close_dialogs(driver):
    driver.execute_script(
        "for (const b of document.querySelectorAll('.modal .btn-close')) { b.click(); }"
    )


def _open_first_record(driver):
    """Open the first record of a list or kanban; False when there is none."""
    rows = driver.find_elements(
        By.CSS_SELECTOR, ".o_list_view .o_data_row .o_data_cell"
    )
    cards = driver.find_elements(
        By.CSS_SELECTOR, ".o_kanban_view .o_kanban_record:not(.o_kanban_ghost)"
    )
    target = rows[:1] or cards[:1]
    if not target:
        return False
    driver.execute_script("arguments[0].click()", target[0])
    try:
        wait(driver, 15).until(
            ec.presence_of_element_located((By.CSS_SELECTOR, ".o_form_view"))
        )
    except Exception:  # noqa: BLE001 - a card whose click opens no form
        return False
    _settle(driver)
    return True


#: actions whose first record's form a previous role already read: a form
#: is the same view for every role, so later roles only open the menus
FORMS_SEEN = set()


def _sweep_menus(driver, login):
    """Open every suite menu of the logged-in user; return {screen: words}
    and the count of screens seen."""
    problems = {}
    seen = 0
    menus = driver.execute_script(SUITE_MENUS_JS, SUITE_APPS)
    assert menus, f"{login} sees no menu of the suite"
    for action_id, path, _xmlid in menus:
        error = driver.execute_async_script(DO_ACTION_JS, action_id)
        if error:
            problems[path] = {f"error: {error}"}
            _close_dialogs(driver)
            continue
        _settle(driver)
        screens = [(path, driver.execute_script(SCREEN_TEXT_JS))]
        if action_id not in FORMS_SEEN and _open_first_record(driver):
            FORMS_SEEN.add(action_id)
            screens.append((f"{path} › 表单", driver.execute_script(SCREEN_TEXT_JS)))
        for name, text in screens:
            seen += 1
            words = latin_words(text)
            if words:
                problems[name] = words
        _close_dialogs(driver)
    return problems, seen


@pytest.mark.parametrize("login,password", ROLES, ids=[r[0] for r in ROLES])
def test_every_screen_is_chinese(odoo, login, password):
    with browser(DESKTOP) as driver:
        driver.set_script_timeout(60)
        _login_timed(driver, odoo, login, password)
        problems, seen = _sweep_menus(driver, login)
    report = "\n".join(
        f"  {screen}: {', '.join(sorted(words))}"
        for screen, words in sorted(problems.items())
    )
    assert not problems, (
        f"{login}: Latin words on {len(problems)} of {seen} screens:\n{report}"
    )


def test_homes_load_fast_and_fit_a_phone(odoo):
    """Each role's landing: timed at desktop and phone width; on the phone
    the home and the approvals inbox are saved as screenshots and must not
    scroll sideways."""
    lines = ["role        desktop(s)  phone(s)"]
    overflow = {}
    with browser(DESKTOP) as driver:  # warm: the first page builds the assets
        _login_timed(driver, odoo, *ROLES[0])
    for login, password in ROLES:
        with browser(DESKTOP) as driver:
            desktop = _login_timed(driver, odoo, login, password)
        with browser(PHONE) as driver:
            phone = _login_timed(driver, odoo, login, password)
            time.sleep(0.5)
            screenshot(driver, f"home-{login}-phone")
            overflow[f"{login} home"] = horizontal_overflow(driver)
            open_action(driver, odoo, INBOX)
            screenshot(driver, f"inbox-{login}-phone")
            overflow[f"{login} inbox"] = horizontal_overflow(driver)
        lines.append(f"{login:<11} {desktop:>10.2f}  {phone:>8.2f}")
    logs = ROOT / ".run" / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    (logs / "home-load.txt").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))  # noqa: T201 - the benchmark figure for the report
    wide = {screen: px for screen, px in overflow.items() if px > 0}
    assert not wide, f"sideways scroll on the phone (px): {wide}"
