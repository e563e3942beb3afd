"""An addon's Odoo tests run through pytest-odoo against an installed
database, as a developer runs them: ``pytest --odoo-database=<db>
addons/<addon>/tests -k <words>`` (README, "Run parts by hand").

The run must collect the addon's test classes, select by ``-k`` and pass;
the STANDALONE group runs it beside the XML-RPC tests on the test database
(the tests roll back their transaction, so the database is left as found)."""

import os
import re
import subprocess

from conftest import CONF, PYTHON, ROOT, our_addons

# reading tests only: the XML-RPC tests write the same holidays beside this run
SELECTION = "add_working_days or working_days_between or weekend_is_off"
ADDON_TESTS = "addons/office_base/tests"


def _run_pytest_odoo(test_db, *args, env=None):
    proc = subprocess.run(
        [
            str(PYTHON),
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider",
            f"--odoo-database={test_db}",
            f"--odoo-config={CONF}",
            "--odoo-log-level=info",
            ADDON_TESTS,
            "-k",
            SELECTION,
            "-q",
            *args,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
        env=env,
    )
    summary = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else ""
    return proc, summary


def test_addon_tests_run_through_pytest_odoo(test_db):
    proc, summary = _run_pytest_odoo(test_db)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]
    passed = re.search(r"(\d+) passed", summary)
    assert passed and int(passed.group(1)) > 0, summary
    assert "deselected" in summary, f"-k selected everything: {summary}"
    assert "failed" not in summary and "error" not in summary, summary


def test_an_error_odoo_logs_during_a_test_fails_it(test_db):
    """addons/conftest.py holds the tests to the log check's rules: the same
    selection fails when each test makes an addon log an ERROR (planted by
    tests/plant_odoo_error.py)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT / "tests"))
    proc, summary = _run_pytest_odoo(test_db, "-p", "plant_odoo_error", env=env)
    assert proc.returncode == 1, proc.stdout[-3000:] + proc.stderr[-2000:]
    failed = re.search(r"(\d+) failed", summary)
    assert failed and "passed" not in summary, summary
    assert "Odoo logged during the test (call)" in proc.stdout
    assert "planted by tests/plant_odoo_error.py" in proc.stdout


IMPORT_RE = re.compile(r"^from \. import (\w+)", re.MULTILINE)


def test_every_test_module_is_imported_for_odoo_runner():
    """pytest-odoo collects tests/test_*.py files; Odoo's own runner
    (``odoo-bin --test-enable``, Odoo.sh, runbot) only what tests/__init__.py
    imports."""
    missing = []
    for addon in our_addons():
        init = ROOT / "addons" / addon / "tests" / "__init__.py"
        if not init.is_file():
            continue
        imported = set(IMPORT_RE.findall(init.read_text(encoding="utf-8")))
        missing += [
            f"{addon}/tests/{path.name}"
            for path in init.parent.glob("test_*.py")
            if path.stem not in imported
        ]
    assert not missing, f"not imported by their tests/__init__.py: {missing}"
