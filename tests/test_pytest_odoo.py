"""An addon's Odoo tests run through pytest-odoo against an installed
database, as a developer runs them: ``pytest --odoo-database=<db>
addons/<addon>/tests -k <words>`` (README, "Run parts by hand").

The run must collect the addon's test classes, select by ``-k`` and pass;
the STANDALONE group runs it beside the XML-RPC tests on the test database
(the tests roll back their transaction, so the database is left as found)."""

import re
import subprocess

from conftest import CONF, PYTHON, ROOT

# reading tests only: the XML-RPC tests write the same holidays beside this run
SELECTION = "add_working_days or working_days_between or weekend_is_off"
ADDON_TESTS = "addons/office_base/tests"


def test_addon_tests_run_through_pytest_odoo(test_db):
    proc = subprocess.run(
        [
            str(PYTHON),
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider",
            f"--odoo-database={test_db}",
            f"--odoo-config={CONF}",
            ADDON_TESTS,
            "-k",
            SELECTION,
            "-q",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    summary = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else ""
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]
    passed = re.search(r"(\d+) passed", summary)
    assert passed and int(passed.group(1)) > 0, summary
    assert "deselected" in summary, f"-k selected everything: {summary}"
    assert "failed" not in summary and "error" not in summary, summary
