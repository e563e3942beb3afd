"""The addons' Odoo tests under pytest-odoo, held to the rules of Odoo's
own test runner and of the log check of the test command.

pytest-odoo (the ``--odoo-*`` options, addons/pytest.ini) runs the test
classes against an installed database. This file adds what ``odoo-bin
--test-enable`` gives and pytest-odoo leaves out:

* ``odoo.modules.module.current_test`` is set for the session, as Odoo's
  ``run_suite`` sets it: mail servers refuse to connect and the bus does not
  open websockets while it is set;
* a test that makes Odoo log an ERROR or CRITICAL record, or a WARNING about
  our addons, fails, by the rules of scripts/check_odoo_log.py (one place for
  them; records silenced by ``mute_logger`` or caught by ``assertLogs`` never
  reach the root logger and do not count);
* (tests/test_pytest_odoo.py) a test module that ``tests/__init__.py`` does
  not import fails the run: pytest collects it, ``odoo-bin --test-enable``
  would not.

Odoo writes its log at ``--odoo-log-level`` (pytest-odoo's default,
``critical``, would hide the warnings: the test command passes ``info``).
"""

import logging
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import check_odoo_log as log_rules  # noqa: E402

ADDONS_DIR = Path(__file__).resolve().parent


class LogJudge(logging.Handler):
    """Keeps the records a test must not log, until the test's report takes
    them."""

    def __init__(self, db_name):
        super().__init__(logging.WARNING)
        self.db_name = db_name
        manifests = ADDONS_DIR.glob("*/__manifest__.py")
        self.addons = sorted(p.parent.name for p in manifests)
        self.found = []

    def emit(self, record):
        if self._is_problem(record):
            self.found.append(self._text(record))

    def _is_problem(self, record):
        message = record.getMessage()
        if record.levelno >= logging.ERROR:
            return record.levelno > logging.ERROR or not log_rules.allowed(
                record.name, message, log_rules.ALLOWED_ERRORS
            )
        if log_rules.allowed(record.name, message):
            return False
        text = self._text(record)
        if self.db_name:
            text = text.replace(self.db_name, "<db>")
        return bool(
            log_rules.ours(text, str(ADDONS_DIR), self.addons)
            or log_rules.BAD_WARNING_RE.search(message)
        )

    def _text(self, record):
        text = f"{record.levelname} {record.name}: {record.getMessage()}"
        if record.exc_info:
            text += "\n" + logging.Formatter().formatException(record.exc_info)
        return text

    def take(self):
        found, self.found = self.found, []
        return found


JUDGE = None


def pytest_configure(config):
    global JUDGE
    if not config.getoption("--odoo-database", default=None) and not config.getoption(
        "--odoo-config", default=None
    ):
        return
    JUDGE = LogJudge(config.getoption("--odoo-database") or "")
    logging.getLogger().addHandler(JUDGE)


def pytest_unconfigure(config):
    if JUDGE is not None:
        logging.getLogger().removeHandler(JUDGE)


@pytest.fixture(scope="session", autouse=True)
def odoo_current_test(load_registry):
    """What Odoo's run_suite sets around a test suite."""
    from odoo.modules import module

    module.current_test = True
    yield
    module.current_test = False


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    found = JUDGE.take() if JUDGE is not None else []
    if found and not report.failed:
        report.outcome = "failed"
        report.longrepr = "Odoo logged during the test ({}):\n{}".format(
            call.when, "\n".join(found[:10])
        )
