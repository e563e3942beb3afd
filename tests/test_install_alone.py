"""Each addon installs alone in a fresh database and uninstalls cleanly."""

import secrets
import subprocess

import pytest
from conftest import (
    CONF,
    LOGS,
    PYTHON,
    ROOT,
    _drop_database,
    _odoo_cmd,
    _odoo_src,
    _tail,
    our_addons,
)

CHECK_UNINSTALLED = """
module = env["ir.module.module"].search([("name", "=", {addon!r})])
module.button_immediate_uninstall()
env.cr.commit()
env.invalidate_all()
module = env["ir.module.module"].search([("name", "=", {addon!r})])
leftovers = {{
    "state": module.state,
    "rules": env["ir.rule"].search_count([("model_id.model", "=like", "office.%")]),
    "data": env["ir.model.data"].search_count([("module", "=", {addon!r})]),
    "menus": env["ir.ui.menu"].search_count(
        [("action", "=", False), ("child_id", "=", False), ("parent_id", "=", False)]
    ),
}}
print("RESULT", leftovers)
"""


def _run(args, log_name, stdin=None):
    LOGS.mkdir(parents=True, exist_ok=True)
    log_path = LOGS / log_name
    with open(log_path, "w") as log:
        proc = subprocess.run(
            args,
            cwd=ROOT,
            input=stdin,
            stdout=log,
            stderr=subprocess.STDOUT,
            text=True,
            check=False,
        )
    return proc.returncode, log_path


@pytest.mark.parametrize("addon", our_addons())
def test_addon_installs_alone_and_uninstalls(addon):
    db = f"office_alone_{addon}_{secrets.token_hex(3)}"
    try:
        code, log = _run(
            _odoo_cmd(
                "-d",
                db,
                "-i",
                addon,
                "--without-demo=all",
                "--stop-after-init",
                "--no-http",
                "--max-cron-threads=0",
            ),
            f"alone-{addon}-install.log",
        )
        text = log.read_text(errors="replace")
        assert code == 0, _tail(log)
        assert " ERROR " not in text and " CRITICAL " not in text, _tail(log)
        code, log = _run(
            [
                str(PYTHON),
                str(_odoo_src() / "odoo-bin"),
                "shell",
                "-c",
                str(CONF),
                "-d",
                db,
                "--no-http",
                "--max-cron-threads=0",
            ],
            f"alone-{addon}-uninstall.log",
            stdin=CHECK_UNINSTALLED.format(addon=addon),
        )
        text = log.read_text(errors="replace")
        assert code == 0, _tail(log)
        assert " ERROR " not in text, _tail(log)
        result = next(line for line in text.splitlines() if line.startswith("RESULT"))
        assert "'state': 'uninstalled'" in result, result
        assert "'data': 0" in result, result
        assert "'menus': 0" in result, result
        if addon == "office_base":
            assert "'rules': 0" in result, result
    finally:
        _drop_database(db)
