"""Odoo's own fleet, hr and mail tests, run after the whole suite is loaded.

Their at_install tests run while their module installs, before the suite's
addons are in the registry, so they would not see the suite's overrides.
Here each of their test classes is subclassed into this module and tagged
post_install, so it runs against the full registry."""

import importlib
import inspect
import pkgutil
import unittest

from odoo.tests import BaseCase, tagged

PEERS = ("fleet", "hr", "mail")
#: peer tests that cannot hold once other Odoo addons the suite needs are
#: installed, whatever the suite does; each with why
NOT_WITH_THE_SUITE = {
    ("hr", "TestSelfAccessRights", "testWriteSelfUserEmployee"): (
        "hr_attendance (office_attendance needs it) adds hours_last_month_display "
        "to res.users, self-readable, hr-only and computed: the test writes every "
        "such char field and no user may write a computed one; upstream runs the "
        "test at install, before hr_attendance is there"
    ),
}


def _peer_classes(addon):
    package = importlib.import_module(f"odoo.addons.{addon}.tests")
    for info in pkgutil.iter_modules(package.__path__):
        if not info.name.startswith("test_"):
            continue
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        for name, cls in inspect.getmembers(module, inspect.isclass):
            if (
                issubclass(cls, BaseCase)
                and cls.__module__ == module.__name__
                and any(attr.startswith("test") for attr in vars(cls))
            ):
                yield name, cls


for _addon in PEERS:
    for _name, _cls in _peer_classes(_addon):
        _peer = type(
            f"{_addon}_{_name}",
            (_cls,),
            {
                "__module__": __name__,
                # a subclass keeps its parent's module otherwise (MetaCase)
                "test_module": "office_peer_tests",
                "test_class": f"{_addon}_{_name}",
                # Odoo's loader takes a class's own test methods only
                "allow_inherited_tests_method": True,
                **{
                    method: unittest.skip(reason)(getattr(_cls, method))
                    for (addon, cls_name, method), reason in NOT_WITH_THE_SUITE.items()
                    if addon == _addon and cls_name == _name
                },
            },
        )
        globals()[_peer.__name__] = tagged("post_install", "-at_install")(_peer)

del _addon, _name, _cls, _peer
