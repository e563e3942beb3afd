"""Faults: a server killed in the middle of a batch registration leaves no
partial batch and no used number; the restarted server goes on numbering
without a gap."""

import re
import secrets
import signal
import subprocess
import threading
import time
import xmlrpc.client

from conftest import LOGS, ROOT, OdooServer, _free_port, _odoo_cmd, _wait_until_up

CLERK = ("wenshu", "wenshu")
NUMBER_RE = re.compile(r"〔(\d{4})〕(\d+)号$")


def _start(db):
    port = _free_port()
    log_path = LOGS / f"faults-server-{port}.log"
    process = subprocess.Popen(
        _odoo_cmd(
            "-d", db, "--http-port", str(port), "--workers=0", "--max-cron-threads=0"
        ),
        cwd=ROOT,
        stdout=open(log_path, "w"),  # noqa: SIM115 (closed with the process)
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
    )
    server = OdooServer(db, port, process, log_path)
    _wait_until_up(server)
    return server


def _last_number(odoo):
    year = time.strftime("%Y")
    [last] = odoo.call(
        *CLERK,
        "office.incoming.document",
        "search_read",
        [("name", "like", f"收文〔{year}〕")],
        ["name"],
        limit=1,
        order="id desc",
    )
    return int(NUMBER_RE.search(last["name"]).group(2))


def test_a_killed_batch_leaves_nothing_behind(odoo):
    marker = f"断电测试{secrets.token_hex(3)}"
    [sender] = odoo.call(
        *CLERK,
        "res.partner",
        "search",
        [("office_sender_level", "=", "upper")],
        limit=1,
    )
    before = _last_number(odoo)
    victim = _start(odoo.db)
    outcome = {}

    def batch():
        try:
            victim.call(
                *CLERK,
                "office.incoming.document",
                "create",
                [{"sender_id": sender, "title": f"{marker} {i}"} for i in range(3000)],
            )
            outcome["done"] = True
        except (OSError, xmlrpc.client.Error) as error:
            outcome["error"] = error

    thread = threading.Thread(target=batch)
    thread.start()
    time.sleep(3)  # the batch is being written
    victim.process.send_signal(signal.SIGKILL)
    victim.process.wait(timeout=30)
    thread.join(timeout=60)

    assert "done" not in outcome, "the batch ended before the kill: make it larger"
    left = odoo.call(
        *CLERK, "office.incoming.document", "search_count", [("title", "like", marker)]
    )
    assert left == 0, f"{left} documents of the killed batch were kept"
    # the numbers the batch had taken were rolled back with it
    doc = odoo.call(
        *CLERK,
        "office.incoming.document",
        "create",
        {"sender_id": sender, "title": f"{marker} 重启后"},
    )
    [after] = odoo.call(*CLERK, "office.incoming.document", "read", [doc], ["name"])
    assert int(NUMBER_RE.search(after["name"]).group(2)) == before + 1
