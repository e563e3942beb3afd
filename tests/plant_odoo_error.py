"""A pytest plugin for tests/test_pytest_odoo.py: every test makes one of
our addons' loggers log an ERROR while it runs."""

import logging

import pytest


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item):
    yield
    logging.getLogger("odoo.addons.office_base.tests").error(
        "planted by tests/plant_odoo_error.py"
    )
