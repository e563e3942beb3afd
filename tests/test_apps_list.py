"""The Apps list as a Chinese administrator sees it: each app of the suite
named and summarised in Chinese, in a Chinese category, with its own icon."""

import hashlib
import re

from conftest import ROOT, our_addons

CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
#: words a summary may keep: file formats and product names, as printed
ALLOWED = {"PDF", "Odoo"}


def _modules(odoo):
    return odoo.call(
        "admin",
        "admin",
        "ir.module.module",
        "search_read",
        [("name", "in", our_addons())],
        ["name", "shortdesc", "summary", "category_id"],
        context={"lang": "zh_CN"},
    )


def test_apps_are_named_in_chinese(odoo):
    modules = _modules(odoo)
    assert {m["name"] for m in modules} == set(our_addons())
    for module in modules:
        for field in ("shortdesc", "summary"):
            text = module[field] or ""
            assert CJK.search(text), f"{module['name']} {field}: {text!r}"
            latin = set(LATIN_WORD.findall(text)) - ALLOWED
            assert not latin, f"{module['name']} {field} keeps English: {latin}"
        category = module["category_id"][1]
        assert CJK.search(category), f"{module['name']} category: {category!r}"


def test_each_app_has_its_own_icon():
    digests = {}
    for name in our_addons():
        icon = ROOT / "addons" / name / "static" / "description" / "icon.png"
        digests.setdefault(hashlib.sha256(icon.read_bytes()).hexdigest(), []).append(
            name
        )
    shared = [names for names in digests.values() if len(names) > 1]
    assert not shared, f"apps sharing an icon: {shared}"
