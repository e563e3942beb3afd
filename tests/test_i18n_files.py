"""Every translation file loads the way Odoo loads it: each entry of an
addon's zh_CN.po needs its ``#. module:`` line and must be listed in the
addon's .pot (Odoo merges the .po into the .pot and drops what the .pot
lacks: a translation missing there never reaches a screen)."""

import re

import polib
import pytest
from conftest import ROOT

PO_FILES = sorted((ROOT / "addons").glob("*/i18n/zh_CN.po"))
MODULE = re.compile(r"(module[s]?): (\w+)")


@pytest.mark.parametrize("po_path", PO_FILES, ids=lambda p: p.parts[-3])
def test_every_translation_reaches_odoo(po_path):
    pot_path = po_path.with_name(f"{po_path.parts[-3]}.pot")
    po = polib.pofile(str(po_path))
    if pot_path.exists():
        pot = polib.pofile(str(pot_path))
        listed = {(e.msgctxt, e.msgid) for e in pot}
        dropped = [
            e.msgid for e in po if e.msgid and (e.msgctxt, e.msgid) not in listed
        ]
        assert not dropped, (
            f"{len(dropped)} translations missing from the .pot: {dropped[:5]}"
        )
        po.merge(pot)  # what odoo.tools.translate.PoFileReader does
    unreadable = [
        e.msgid for e in po if not e.obsolete and not MODULE.match(e.comment or "")
    ]
    assert not unreadable, f"entries without their '#. module:' line: {unreadable[:5]}"


PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|%[sd]|\{\w*\}")


@pytest.mark.parametrize(
    "po_path", PO_FILES, ids=[p.parent.parent.name for p in PO_FILES]
)
def test_translations_keep_their_placeholders(po_path):
    """A translation carries exactly its source's placeholders: a merge once
    glued a holiday warning with %(year)s onto the column label 附件."""
    wrong = [
        entry.msgid
        for entry in polib.pofile(str(po_path))
        if entry.msgstr
        and sorted(PLACEHOLDER.findall(entry.msgid))
        != sorted(PLACEHOLDER.findall(entry.msgstr))
    ]
    assert not wrong, f"placeholders differ from the source in: {wrong[:5]}"


@pytest.mark.parametrize(
    "po_path", PO_FILES, ids=[p.parent.parent.name for p in PO_FILES]
)
def test_code_terms_are_marked_as_code(po_path):
    """Odoo reads a term of Python code only when its entry is marked
    ``odoo-python`` (``odoo-javascript`` for the web client's): unmarked, the
    term stays English on the screen (待我审批 showed "… you may not read")."""
    pot_path = po_path.with_name(f"{po_path.parts[-3]}.pot")
    files = [po_path] + ([pot_path] if pot_path.exists() else [])
    unmarked = []
    for path in files:
        for entry in polib.pofile(str(path)):
            sources = [o[0] for o in entry.occurrences if o[0].startswith("code:")]
            comment = entry.comment or ""
            if any(s.endswith(".py") for s in sources) and "odoo-python" not in comment:
                unmarked.append((path.name, entry.msgid))
            if any("/static/" in s for s in sources) and (
                "odoo-javascript" not in comment
            ):
                unmarked.append((path.name, entry.msgid))
    assert not unmarked, f"code terms Odoo will not read: {unmarked[:5]}"
