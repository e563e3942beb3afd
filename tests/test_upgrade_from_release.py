"""The last release before the workflow kernel upgrades to this tree.

The suite as it landed at ``RELEASE`` (taken from git into a scratch folder)
is installed with its demo data (the agency's month, requests and ledgers in
their different states) and a few hundred generated records: copies of every
record of a workflow model, left in the state of their original, then
upgraded with this tree's addons and
``-u all``. Afterwards every table of our addons holds at least its rows
(transient wizards excepted), every open approval can still be decided by
its reviewer, and every seal's hash chains still verify."""

import json
import secrets
import subprocess

import pytest
from conftest import LOGS, ROOT, _conf, _drop_database, _odoo_cmd, _tail
from test_install_alone import odoo_shell
from test_upgrade import _row_counts, _sql

# the last commit of main before the workflow kernel (issue 28)
RELEASE = "382aa63"

DECIDE_AND_VERIFY = """
import json
reviews = env["tier.review"].search(
    [("office_approval", "=", True), ("status", "=", "pending")]
)
decided, failed = 0, []
for review in reviews:
    reviewer = review.reviewer_ids[:1]
    try:
        with env.cr.savepoint():
            review.with_user(reviewer).action_office_approve()
        decided += 1
    except Exception as exc:
        failed.append(f"{review.model},{review.res_id}: {exc}")
chains = {"ok": True}
if "office.seal" in env:
    chains = env["office.seal"].search([]).verify_chain()
print("RESULT " + json.dumps({"pending": len(reviews), "decided": decided,
                              "failed": failed, "chains": chains}))
env.cr.rollback()
"""

# run by the release's own code: copies of every record of each workflow
# model of the suite, in the state of the original
GENERATE = """
import json
made = {}
for name in sorted(env.registry):
    Model = env[name].sudo()
    field = Model._fields.get("state")
    if (not name.startswith("office.") or Model._abstract or Model._transient
            or not field or not field.store):
        continue
    made[name] = 0
    for record in Model.search([], order="id"):
        for _copy in range(%(copies)d):
            try:
                with env.cr.savepoint():
                    new = record.with_context(tracking_disable=True).copy()
                    env.cr.execute(
                        f'UPDATE "{Model._table}" SET state = %%s WHERE id = %%s',
                        (record.state, new.id),
                    )
                made[name] += 1
            except Exception:
                break
env.cr.commit()
print("RESULT " + json.dumps(made))
"""
COPIES = 2


def _result(log_path, code):
    text = log_path.read_text(errors="replace")
    line = next((row for row in text.splitlines() if row.startswith("RESULT ")), None)
    assert code == 0 and line, _tail(log_path)
    return json.loads(line[len("RESULT ") :])


def _release_addons(tmp_path):
    target = tmp_path / "release"
    target.mkdir()
    archive = subprocess.run(
        ["git", "archive", RELEASE, "addons"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    )
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive.stdout, check=True)
    return target / "addons"


def _addons_path(first):
    rest = [p for p in _conf()["addons_path"].split(",") if p != str(ROOT / "addons")]
    return ",".join([str(first), *rest])


def _run_release_shell(db, addons_path, script, log_name):
    """``odoo-bin shell`` on db with the release's addons; (code, log)."""
    log_path = LOGS / log_name
    cmd = _odoo_cmd(f"--addons-path={addons_path}", "-d", db, "--no-http")
    cmd.insert(2, "shell")
    with open(log_path, "w") as log:
        code = subprocess.run(
            cmd,
            cwd=ROOT,
            input=script.encode(),
            stdout=log,
            stderr=subprocess.STDOUT,
            check=False,
        ).returncode
    return code, log_path


def _odoo(db, log_name, *args):
    log_path = LOGS / log_name
    with open(log_path, "w") as log:
        code = subprocess.run(
            _odoo_cmd(
                "-d",
                db,
                *args,
                "--stop-after-init",
                "--no-http",
                "--max-cron-threads=0",
            ),
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
            check=False,
        ).returncode
    text = log_path.read_text(errors="replace")
    assert code == 0 and " ERROR " not in text and " CRITICAL " not in text, _tail(
        log_path
    )


def _state_counts(db):
    """{(table, state): rows} of every table of ours with a state column."""
    tables = _sql(
        db,
        "SELECT string_agg(format('SELECT %L, state, count(*) FROM %I GROUP BY "
        "state', table_name, table_name), ' UNION ALL ') FROM information_schema"
        ".columns WHERE table_schema = current_schema() AND column_name = 'state' "
        "AND table_name LIKE 'office\\_%'",
    )
    rows = (line.split("|") for line in _sql(db, tables).splitlines())
    return {(table, state): int(count) for table, state, count in rows}


def _transient_tables(db):
    return set(
        _sql(
            db,
            "SELECT replace(model, '.', '_') FROM ir_model WHERE transient",
        ).splitlines()
    )


@pytest.fixture
def release_db(tmp_path):
    db = f"office_release_{secrets.token_hex(3)}"
    _drop_database(db)
    release = _release_addons(tmp_path)
    names = sorted(p.parent.name for p in release.glob("*/__manifest__.py"))
    _odoo(
        db,
        "release-install.log",
        f"--addons-path={_addons_path(release)}",
        "-i",
        ",".join(names),
    )
    code, log = _run_release_shell(
        db,
        _addons_path(release),
        GENERATE % {"copies": COPIES},
        "release-generate.log",
    )
    made = _result(log, code)
    assert sum(made.values()) >= 200, f"generated records: {made}"
    try:
        yield db
    finally:
        _drop_database(db)


def test_the_last_release_upgrades_with_every_row_and_open_request(release_db):
    db = release_db
    transient = _transient_tables(db)
    before = {t: n for t, n in _row_counts(db).items() if t not in transient}
    states_before = {
        key: n for key, n in _state_counts(db).items() if key[0] not in transient
    }
    assert sum(int(n) for n in before.values()) > 500, "the release's demo is there"
    _odoo(
        db,
        "release-upgrade.log",
        f"--addons-path={_addons_path(ROOT / 'addons')}",
        "-u",
        "all",
    )
    after = _row_counts(db)
    lost = {
        t: (n, after.get(t))
        for t, n in before.items()
        if int(after.get(t) or 0) < int(n)
    }
    assert not lost, f"rows lost by the upgrade (before, after): {lost}"
    states_after = _state_counts(db)
    moved = {
        key: (n, states_after.get(key))
        for key, n in states_before.items()
        if states_after.get(key) != n
    }
    assert not moved, f"records whose state the upgrade changed: {moved}"
    code, log = odoo_shell(db, DECIDE_AND_VERIFY, "release-decide.log")
    result = _result(log, code)
    assert result["pending"] > 0, "the release's demo has open approvals"
    assert not result["failed"], result["failed"]
    assert result["decided"] == result["pending"]
    assert result["chains"]["ok"], result["chains"]
