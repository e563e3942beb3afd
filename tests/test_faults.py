"""Faults: a server killed in the middle of a batch registration, or whose
database connection is cut in the middle of one, leaves no partial batch and
no used number, and numbering goes on without a gap; a full file store
refuses an upload with a message and keeps no truncated file; scheduled
actions run again produce no second reminder or event."""

import base64
import hashlib
import os
import re
import resource
import secrets
import signal
import subprocess
import threading
import time
import xmlrpc.client

import pytest
from conftest import (
    LOGS,
    ROOT,
    OdooServer,
    _free_port,
    _odoo_cmd,
    _psql,
    _wait_until_up,
    new_outgoing_draft,
    sql_rows,
)

CLERK = ("wenshu", "wenshu")
STAFF = ("zhouli", "zhouli")
NUMBER_RE = re.compile(r"〔(\d{4})〕(\d+)号$")
FILE_LIMIT = 2 * 1024 * 1024  # the "disk" of the file-store test
ZH = {"context": {"lang": "zh_CN"}}


def _limit_file_size():
    resource.setrlimit(resource.RLIMIT_FSIZE, (FILE_LIMIT, FILE_LIMIT))


def _start(db, *args, preexec_fn=None):
    port = _free_port()
    log_path = LOGS / f"faults-server-{port}.log"
    process = subprocess.Popen(
        _odoo_cmd(
            "-d",
            db,
            "--http-port",
            str(port),
            "--workers=0",
            "--max-cron-threads=0",
            *args,
        ),
        cwd=ROOT,
        stdout=open(log_path, "w"),  # noqa: SIM115 (closed with the process)
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
        preexec_fn=preexec_fn,  # noqa: PLW1509 (only sets a resource limit)
    )
    server = OdooServer(db, port, process, log_path)
    _wait_until_up(server)
    return server


def _stop(server):
    if server.process.poll() is None:
        os.killpg(server.process.pid, signal.SIGTERM)
        server.process.wait(timeout=60)


def _sender(odoo):
    [sender] = odoo.call(
        *CLERK,
        "res.partner",
        "search",
        [("office_sender_level", "=", "upper")],
        limit=1,
    )
    return sender


def _batch_in_thread(server, sender, marker, outcome):
    def batch():
        try:
            server.call(
                *CLERK,
                "office.incoming.document",
                "create",
                [{"sender_id": sender, "title": f"{marker} {i}"} for i in range(3000)],
                **ZH,
            )
            outcome["done"] = True
        except (OSError, xmlrpc.client.Error) as error:
            outcome["error"] = error

    thread = threading.Thread(target=batch)
    thread.start()
    return thread


def _assert_batch_left_nothing(odoo, marker, before):
    left = odoo.call(
        *CLERK, "office.incoming.document", "search_count", [("title", "like", marker)]
    )
    assert left == 0, f"{left} documents of the broken batch were kept"
    # the numbers the batch had taken were rolled back with it
    doc = odoo.call(
        *CLERK,
        "office.incoming.document",
        "create",
        {"sender_id": _sender(odoo), "title": f"{marker} 之后"},
    )
    [after] = odoo.call(*CLERK, "office.incoming.document", "read", [doc], ["name"])
    assert int(NUMBER_RE.search(after["name"]).group(2)) == before + 1


def _last_number(odoo):
    """The year's last registration number, from SQL: the clerk may not see
    every document (classified ones stay with their need-to-know list)."""
    year = time.strftime("%Y")
    [[last]] = sql_rows(
        odoo.db,
        "SELECT max(substring(name from '〔\\d{4}〕(\\d+)号')::int) "
        f"FROM office_incoming_document WHERE name LIKE '收文〔{year}〕%'",
    )
    return int(last)


def test_a_killed_batch_leaves_nothing_behind(odoo):
    marker = f"断电测试{secrets.token_hex(3)}"
    before = _last_number(odoo)
    victim = _start(odoo.db)
    outcome = {}
    thread = _batch_in_thread(victim, _sender(odoo), marker, outcome)
    time.sleep(3)  # the batch is being written
    victim.process.send_signal(signal.SIGKILL)
    victim.process.wait(timeout=30)
    thread.join(timeout=60)

    assert "done" not in outcome, "the batch ended before the kill: make it larger"
    _assert_batch_left_nothing(odoo, marker, before)


def test_a_lost_database_connection_fails_the_batch_cleanly(odoo):
    marker = f"断库测试{secrets.token_hex(3)}"
    before = _last_number(odoo)
    server = _start(odoo.db)
    try:
        outcome = {}
        thread = _batch_in_thread(server, _sender(odoo), marker, outcome)
        time.sleep(3)
        cut = _psql(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            f"WHERE datname = '{odoo.db}' "
            f"AND application_name = 'odoo-{server.process.pid}'"
        )
        thread.join(timeout=60)

        assert cut.returncode == 0, cut.stderr
        assert "done" not in outcome, "the batch ended before the cut: make it larger"
        fault = outcome["error"]
        assert isinstance(fault, xmlrpc.client.Fault), fault
        assert "Traceback" not in fault.faultString, fault.faultString[-600:]
        assert "连接中断" in fault.faultString
        _assert_batch_left_nothing(odoo, marker, before)
        # the same server takes new connections and goes on working
        assert server.call(*CLERK, "office.incoming.document", "search_count", [])
    finally:
        _stop(server)


def _body(server, doc):
    return server.call(
        *STAFF, "office.outgoing.document", "read", [doc], ["body_filename"]
    )[0]["body_filename"]


def _store_is_whole(store):
    """Every file of the store holds the content its name (a SHA-1) says."""
    for path in store.rglob("*"):
        if path.is_file() and "checklist" not in path.parts:
            assert hashlib.sha1(path.read_bytes()).hexdigest() == path.name, path


def test_a_full_file_store_refuses_the_upload_and_keeps_nothing(odoo, tmp_path):
    server = _start(odoo.db, f"--data-dir={tmp_path}", preexec_fn=_limit_file_size)
    try:
        doc = new_outgoing_draft(server, "关于磁盘已满时上传正文的测试")
        too_big = base64.b64encode(os.urandom(FILE_LIMIT + 4096)).decode()
        with pytest.raises(xmlrpc.client.Fault) as refused:
            server.call(
                *STAFF,
                "office.outgoing.document",
                "write",
                [doc],
                {"body_file": too_big, "body_filename": "正文.pdf"},
                **ZH,
            )
        assert "Traceback" not in refused.value.faultString
        assert "附件存储空间已满" in refused.value.faultString
        assert _body(server, doc) is False
        _store_is_whole(tmp_path / "filestore" / odoo.db)

        small = base64.b64encode("正文：空间释放后再上传。".encode()).decode()
        server.call(
            *STAFF,
            "office.outgoing.document",
            "write",
            [doc],
            {"body_file": small, "body_filename": "正文.docx"},
        )
        assert _body(server, doc) == "正文.docx"
        _store_is_whole(tmp_path / "filestore" / odoo.db)
    finally:
        _stop(server)


def _cron_footprint(odoo):
    """What a reminder or sensor run leaves behind, counted in SQL (the
    system administrator reads no office record: 三员分立)."""
    return {
        table: int(sql_rows(odoo.db, f"SELECT count(*) FROM {table}")[0][0])
        for table in ("mail_activity", "mail_message", "office_risk_event")
    }


def test_scheduled_actions_run_again_add_nothing(odoo):
    crons = [
        row["res_id"]
        for row in odoo.call(
            "admin",
            "admin",
            "ir.model.data",
            "search_read",
            [("model", "=", "ir.cron"), ("module", "like", "office_")],
            ["res_id"],
        )
    ]
    assert len(crons) >= 10, crons

    def run_all():
        for cron in crons:
            odoo.call("admin", "admin", "ir.cron", "method_direct_trigger", [cron])

    # a sensor raises at most its batch per run and the cron worker calls it
    # again at once; one call here is one batch, so run until nothing is left
    footprints = [_cron_footprint(odoo)]
    for _round in range(4):
        run_all()
        footprints.append(_cron_footprint(odoo))
        if footprints[-1] == footprints[-2]:
            break
    # an interrupted run rolls back: running again is what remains, and a
    # finished run run again adds nothing
    assert footprints[-1] == footprints[-2], footprints
