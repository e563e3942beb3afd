"""docs/api.md is followed literally: its Python blocks run, in order, in a
fresh interpreter namespace against the live test server (only URL and DB
are pointed at it). A block that fails means the guide lies."""

import re

import pytest
from conftest import ROOT

GUIDE = ROOT / "docs" / "api.md"
BLOCK_RE = re.compile(r"^```python\n(.*?)^```", re.S | re.M)
HEADING_RE = re.compile(r"^## (.+)$", re.M)


def _blocks():
    text = GUIDE.read_text()
    blocks = []
    for match in BLOCK_RE.finditer(text):
        headings = HEADING_RE.findall(text, 0, match.start())
        blocks.append((headings[-1] if headings else "setup", match.group(1)))
    return blocks


def test_the_guide_has_examples():
    sections = {section for section, _code in _blocks()}
    assert "setup" in sections and len(sections) >= 3, sections


def test_every_example_runs(odoo):
    namespace = {}
    for section, code in _blocks():
        if section == "setup":
            code = re.sub(
                r"^URL, DB = .*$",
                f"URL, DB = {odoo.url!r}, {odoo.db!r}",
                code,
                flags=re.M,
            )
        try:
            exec(compile(code, f"docs/api.md [{section}]", "exec"), namespace)  # noqa: S102
        except Exception as error:  # noqa: BLE001
            pytest.fail(f"docs/api.md, section “{section}”: {error!r}")
