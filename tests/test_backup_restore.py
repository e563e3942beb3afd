"""A backup of a full database restores into a working twin (docs/operations.md).

The test database (every addon, demo data, the records the other tests
made) is backed up the documented way: Odoo's own zip archive
(``dump.sql`` + ``filestore/`` + ``manifest.json``), taken by the server's
``db`` service with the master password (``dump_db``, the same code as
``/web/database/backup`` and ``odoo-bin db dump``). The archive is restored
into a new database on the same server with ``copy=False`` ("the database was
moved": it keeps its uuid and secret, as a disaster recovery must). Then:

* every table holds the same rows (every table of the schema but the ones of
  transient models, hence every non-transient model of ``ir_model``);
* every attachment kept in the file store is there and its SHA-1 equals
  ``ir_attachment.checksum``;
* the ledgers verify: the hash chains of every seal's ledgers
  (``office.seal.verify_chain``), the SHA-256 of every filed electronic file
  (``office.archive.item.action_check_integrity``) and the body digest of
  every registered outgoing document (``body_intact``);
* the gap-free incoming register continues: the next document registered in
  the restored database gets the number after the last one.

A second test removes one file from the archive's ``filestore/`` before the
restore and checks that the same checks report it, so they can fail."""

import base64
import hashlib
import io
import re
import secrets
import xmlrpc.client
import zipfile
from pathlib import Path

import pytest
from conftest import _conf, _drop_database, sql_rows

CLERK = ("wenshu", "wenshu")  # 刘芳, office clerk and archivist
NUMBER = re.compile(r"〔(\d{4})〕(\d+)号$")

ROW_COUNTS = """
SELECT string_agg(format('SELECT %L, count(*) FROM %I', tablename, tablename),
                  ' UNION ALL ' ORDER BY tablename)
  FROM pg_tables
 WHERE schemaname = current_schema()
   AND tablename NOT IN (SELECT replace(model, '.', '_') FROM ir_model WHERE transient)
"""
MODEL_TABLES = """
SELECT count(*) FROM ir_model m JOIN pg_tables t
    ON t.tablename = replace(m.model, '.', '_') AND t.schemaname = current_schema()
 WHERE NOT m.transient
"""
STORED_FILES = """
SELECT id, store_fname, checksum FROM ir_attachment
 WHERE store_fname IS NOT NULL AND store_fname != '' ORDER BY id
"""
ARCHIVED_FILES = """
SELECT a.store_fname, e.item_id FROM office_archive_efile e
  JOIN ir_attachment a ON a.id = e.attachment_id
  JOIN office_archive_item i ON i.id = e.item_id
 WHERE e.sha256 IS NOT NULL AND a.store_fname IS NOT NULL
   AND i.state IN ('in_stock', 'on_loan')
 ORDER BY e.id
"""
# the filed items the archive's integrity cron re-hashes
FILED = [("state", "in", ("in_stock", "on_loan")), ("efile_ids", "!=", False)]
UUID = "SELECT value FROM ir_config_parameter WHERE key = 'database.uuid'"


def _master():
    return _conf()["admin_passwd"]


def _row_counts(db):
    [[query]] = sql_rows(db, ROW_COUNTS)
    return dict(sql_rows(db, query))


def _attachment_problems(db):
    """(number of stored files checked, list of problems) for db's file store."""
    root = Path(_conf()["data_dir"]) / "filestore" / db
    rows = sql_rows(db, STORED_FILES)
    problems = []
    for att_id, fname, checksum in rows:
        try:
            data = (root / fname).read_bytes()
        except OSError as exc:
            problems.append(f"attachment {att_id}: {fname} unreadable ({exc.strerror})")
            continue
        if hashlib.sha1(data).hexdigest() != checksum:
            problems.append(f"attachment {att_id}: {fname} does not match its checksum")
    return len(rows), problems


def _incoming_numbers(db):
    """{year: [registration numbers]} of the incoming register."""
    numbers = {}
    for [name] in sql_rows(db, "SELECT name FROM office_incoming_document"):
        match = NUMBER.search(name)
        if match:
            numbers.setdefault(int(match[1]), []).append(int(match[2]))
    return numbers


def _drop(odoo, db):
    """Drop db through the server (closes its registry and connections), then
    make sure with psql."""
    try:
        odoo.proxy("db").drop(_master(), db)
    except xmlrpc.client.Fault:
        pass
    _drop_database(db)


def _restore(odoo, db, archive):
    """Restore the zip archive into the new database db, as moved (copy=False)."""
    _drop_database(db)
    payload = base64.b64encode(archive).decode()
    assert odoo.proxy("db").restore(_master(), db, payload, False)


def _on(odoo, db):
    """The same server, XML-RPC calls going to database db."""
    return type(odoo)(db, odoo.port, odoo.process, odoo.log_path)


@pytest.fixture(scope="module")
def backup(odoo):
    """The zip backup of the test database, and what the database held.

    Taken from the test database itself, not from a ``_copy`` of it: a backup
    only reads (``pg_dump``'s snapshot and a copy of the file store) and the
    server's crons are off, so the other tests see no change; the copy cost
    about 50 s (copy, then drop) of the few minutes this file may take. The
    row counts are taken before and after the dump and must agree."""
    source = odoo.db
    checked, problems = _attachment_problems(source)
    assert not problems, f"the file store of {source} is already damaged: {problems}"
    state = {
        "counts": _row_counts(source),
        "model_tables": int(sql_rows(source, MODEL_TABLES)[0][0]),
        "files": checked,
        # identical contents share one file: the store holds fewer files
        "distinct_files": len({row[1] for row in sql_rows(source, STORED_FILES)}),
        "archived": {
            f"filestore/{fname}": int(item)
            for fname, item in sql_rows(source, ARCHIVED_FILES)
        },
        "uuid": sql_rows(source, UUID)[0][0],
        "incoming": _incoming_numbers(source),
    }
    dump = odoo.proxy("db").dump(_master(), source, "zip")
    assert _row_counts(source) == state["counts"], f"{source} changed during the dump"
    state["archive"] = base64.b64decode(dump)
    return state


def test_backup_restores_rows_files_ledgers_and_counters(odoo, backup):
    archive = zipfile.ZipFile(io.BytesIO(backup["archive"]))
    names = archive.namelist()
    assert {"dump.sql", "manifest.json"} <= set(names)
    stored = sum(name.startswith("filestore/") for name in names)
    assert stored >= backup["distinct_files"] > 0

    target = f"{odoo.db}_restored_{secrets.token_hex(3)}"
    try:
        _restore(odoo, target, backup["archive"])
        # rows first: the calls below write (logins, access log, checks)
        after = _row_counts(target)
        assert backup["model_tables"] > 100
        differ = {
            table: (count, after.get(table))
            for table, count in backup["counts"].items()
            if after.get(table) != count
        }
        assert not differ, f"row counts differ (backup, restored): {differ}"
        assert sql_rows(target, UUID)[0][0] == backup["uuid"]

        checked, problems = _attachment_problems(target)
        assert checked == backup["files"]
        assert not problems, problems

        twin = _on(odoo, target)
        # the office director keeps the seals (the system administrator reads
        # no office record: 三员分立)
        director = ("bgszr", "bgszr")
        seals = twin.call(*director, "office.seal", "search", [])
        assert seals
        chains = twin.call(*director, "office.seal", "verify_chain", seals)
        assert chains == {"ok": True, "broken": []}

        items = twin.call(*CLERK, "office.archive.item", "search", FILED)
        assert items, "no filed item with electronic files in the demo data"
        assert twin.call(*CLERK, "office.archive.item", "action_check_integrity", items)
        states = twin.call(
            *CLERK, "office.archive.item", "read", items, ["integrity_state"]
        )
        assert {s["integrity_state"] for s in states} == {"ok"}, states

        bodies = twin.call(
            *director,
            "office.outgoing.document",
            "search_read",
            [("body_sha256", "!=", False)],
            ["body_intact"],
        )
        assert bodies and all(b["body_intact"] for b in bodies), bodies

        sender = twin.call(
            *CLERK, "res.partner", "search", [("name", "=", "湖南省财政厅")], limit=1
        )
        doc = twin.call(
            *CLERK,
            "office.incoming.document",
            "create",
            {
                "sender_id": sender[0],
                "title": "恢复演练：关于核对备份数据的通知",
                "handling_kind": "read",
                "channel": "paper",
            },
        )
        [new] = twin.call(*CLERK, "office.incoming.document", "read", [doc], ["name"])
        year, number = map(int, NUMBER.search(new["name"]).groups())
        before = backup["incoming"].get(year, [])
        assert number == max(before, default=0) + 1, (new["name"], sorted(before)[-3:])
    finally:
        _drop(odoo, target)


def test_backup_missing_a_stored_file_is_detected(odoo, backup):
    """The checks above can fail: one file of filestore/ removed from the zip."""
    source = zipfile.ZipFile(io.BytesIO(backup["archive"]))
    stored = sorted(n for n in source.namelist() if n.startswith("filestore/"))
    # prefer a filed electronic file: the archive's own digest must flag it too
    archived = backup["archived"]
    removed = next((n for n in sorted(archived) if n in stored), stored[0])
    damaged = io.BytesIO()
    with zipfile.ZipFile(damaged, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            if info.filename != removed:
                out.writestr(info, source.read(info))

    target = f"{odoo.db}_damaged_{secrets.token_hex(3)}"
    try:
        _restore(odoo, target, damaged.getvalue())
        checked, problems = _attachment_problems(target)
        assert checked == backup["files"]
        fname = removed[len("filestore/") :]
        # identical contents share one file: every attachment of it is reported
        sharing = sql_rows(
            target,
            f"SELECT count(*) FROM ir_attachment WHERE store_fname = '{fname}'",
        )
        assert problems and all(fname in problem for problem in problems), problems
        assert len(problems) == int(sharing[0][0]), problems

        if removed in archived:
            twin = _on(odoo, target)
            items = [archived[removed]]
            twin.call(*CLERK, "office.archive.item", "action_check_integrity", items)
            states = twin.call(
                *CLERK, "office.archive.item", "read", items, ["integrity_state"]
            )
            assert {s["integrity_state"] for s in states} == {"mismatch"}
    finally:
        _drop(odoo, target)
