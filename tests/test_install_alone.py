"""Each addon installs alone in a fresh database and uninstalls cleanly.

The Odoo apps office_base builds on (hr, mail, resource, base_tier_validation)
are installed once into a template database; each addon then installs into a
copy of it, with no sibling addon, and with every other Odoo app it needs
(fleet, account, ...) installed by its own manifest."""

import ast
import secrets
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import (
    CONF,
    LOGS,
    PYTHON,
    ROOT,
    _conf,
    _drop_database,
    _odoo_cmd,
    _odoo_src,
    _psql,
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


def odoo_shell(db, script, log_name):
    """Run ``script`` in ``odoo-bin shell`` on db; (exit code, log path)."""
    return _run(
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
        log_name,
        stdin=script,
    )


def _base_apps():
    manifest = ROOT / "addons" / "office_base" / "__manifest__.py"
    return ast.literal_eval(manifest.read_text())["depends"]


def _filestore(db):
    data_dir = _conf().get("data_dir")
    return Path(data_dir) / "filestore" / db if data_dir else None


@pytest.fixture(scope="module")
def template_db():
    db = f"office_alone_tpl_{secrets.token_hex(3)}"
    try:
        code, log = _run(
            _odoo_cmd(
                "-d",
                db,
                "-i",
                ",".join(_base_apps()),
                "--without-demo=all",
                "--stop-after-init",
                "--no-http",
                "--max-cron-threads=0",
            ),
            "alone-template.log",
        )
        assert code == 0, _tail(log)
        yield db
    finally:
        _drop_database(db)


def _copy_database(template, db):
    done = _psql(f'CREATE DATABASE "{db}" TEMPLATE "{template}"')
    assert done.returncode == 0, done.stderr
    source = _filestore(template)
    if source and source.is_dir():
        shutil.copytree(source, _filestore(db))


def _install_and_uninstall(template, addon):
    """Install ``addon`` into a copy of the template, uninstall it; return a
    list of problems (empty when clean)."""
    db = f"office_alone_{addon}_{secrets.token_hex(3)}"
    try:
        _copy_database(template, db)
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
        if code != 0 or " ERROR " in text or " CRITICAL " in text:
            return [f"install failed:\n{_tail(log)}"]
        code, log = odoo_shell(
            db, CHECK_UNINSTALLED.format(addon=addon), f"alone-{addon}-uninstall.log"
        )
        text = log.read_text(errors="replace")
        if code != 0 or " ERROR " in text:
            return [f"uninstall failed:\n{_tail(log)}"]
        result = next(
            (line for line in text.splitlines() if line.startswith("RESULT")), ""
        )
        expected = ["'state': 'uninstalled'", "'data': 0", "'menus': 0"]
        if addon == "office_base":
            expected.append("'rules': 0")
        return [f"{want} not in {result}" for want in expected if want not in result]
    finally:
        _drop_database(db)


def _standalone_addons():
    """Our addons except the bridges, which install with their siblings."""
    return [
        addon
        for addon in our_addons()
        if not ast.literal_eval(
            (ROOT / "addons" / addon / "__manifest__.py").read_text()
        ).get("auto_install")
    ]


def two_at_a_time(job, template, addons):
    """{addon: job(template, addon)}, two jobs at a time (they are CPU-bound,
    CI has 2 cores)."""
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {addon: pool.submit(job, template, addon) for addon in addons}
        return {addon: future.result() for addon, future in futures.items()}


@pytest.fixture(scope="module")
def outcomes(template_db):
    return two_at_a_time(_install_and_uninstall, template_db, _standalone_addons())


@pytest.mark.parametrize("addon", _standalone_addons())
def test_addon_installs_alone_and_uninstalls(addon, outcomes):
    assert not outcomes[addon], "\n".join(outcomes[addon])
