"""Uninstalling any single addon from the full database leaves a working one.

The test database (every addon, demo data, what the Odoo tests left) is
copied once (the test command runs this file beside the XML-RPC tests);
each addon is then uninstalled from its own copy of that (Odoo takes the
addons that depend on it along). Afterwards, in the registry Odoo rebuilt
after the uninstall: every view
of the remaining office addons still compiles with its inheritance, every
menu the demo users see opens a model that exists and its
views load, and every record rule still evaluates for those users."""

import secrets

import pytest
from conftest import _drop_database, _tail, our_addons
from test_install_alone import _copy_database, odoo_shell, two_at_a_time
from test_upgrade import _copy

CHECK_AFTER_UNINSTALL = """
import odoo
from odoo.exceptions import AccessError

env["ir.module.module"].search([("name", "=", {addon!r})]).button_immediate_uninstall()
env.cr.commit()
problems = []
# the registry Odoo rebuilt after the uninstall (not a third load)
registry = odoo.modules.registry.Registry(env.cr.dbname)
with registry.cursor() as cr:
    env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {{}})
    ours = env["ir.model.data"].search(
        [("model", "=", "ir.ui.view"), ("module", "=like", "office_%")]
    )
    for view in env["ir.ui.view"].browse(ours.mapped("res_id")).exists():
        try:
            view._check_xml()
        except Exception as error:
            problems.append(f"view {{view.xml_id}}: {{error}}")
    users = env["res.users"].search([("login", "in", {logins!r})])
    checked = {{"menus": 0, "rules": 0}}
    for user in users:
        env["ir.ui.menu"].with_user(user).load_menus(False)
        menus = env["ir.ui.menu"].with_user(user).search([("action", "!=", False)])
        screens = set()
        for menu in menus:
            action = menu.action.sudo()
            if not action.exists():
                problems.append(f"menu {{menu.complete_name}}: its action is gone")
            elif action._name == "ir.actions.act_window":
                if action.res_model not in env:
                    problems.append(f"menu {{menu.complete_name}}: model gone")
                    continue
                modes = [m for m in action.view_mode.split(",") if m != "qweb"]
                screens.add((action.res_model, tuple(modes + ["search"])))
        for model, modes in screens:
            env[model].with_user(user).get_views([(False, m) for m in modes])
            checked["menus"] += 1
        rules = env["ir.rule"].search([])
        for model in set(rules.mapped("model_id.model")):
            if model not in env:
                problems.append(f"rules of a model that is gone: {{model}}")
                continue
            try:
                env[model].with_user(user).search_count([], limit=1)
            except AccessError:
                pass
            checked["rules"] += 1
    state = env["ir.module.module"].search([("name", "=", {addon!r})]).state
    print("RESULT", state, checked, problems)
"""
LOGINS = ["admin", "wenshu", "zhouli"]  # all rights, the clerk, plain staff


@pytest.fixture(scope="module")
def full_copy(test_db):
    db = f"office_uninst_tpl_{secrets.token_hex(3)}"
    try:
        _copy(test_db, db)
        yield db
    finally:
        _drop_database(db)


def _uninstall_and_check(template, addon):
    db = f"office_uninst_{addon}_{secrets.token_hex(3)}"
    try:
        _copy_database(template, db)
        code, log = odoo_shell(
            db,
            CHECK_AFTER_UNINSTALL.format(addon=addon, logins=LOGINS),
            f"uninstall-{addon}.log",
        )
        result = [
            line
            for line in log.read_text(errors="replace").splitlines()
            if line.startswith("RESULT")
        ]
        if code != 0 or not result:
            return f"uninstall or check failed:\n{_tail(log)}"
        return result[0]
    finally:
        _drop_database(db)


@pytest.fixture(scope="module")
def outcomes(full_copy):
    return two_at_a_time(_uninstall_and_check, full_copy, our_addons())


@pytest.mark.parametrize("addon", our_addons())
def test_uninstalling_one_addon_leaves_a_working_database(addon, outcomes):
    outcome = outcomes[addon]
    assert outcome.startswith("RESULT uninstalled "), outcome
    assert outcome.endswith(" []"), outcome
    assert "'menus': 0" not in outcome, outcome
