"""Twenty XML-RPC clients at once for LOAD_SECONDS (default 60): clerks
register incoming documents while staff without clearance search and read.

Checks: every successful registration got its own number, the numbers of the
run have no gap, a failed call wrote nothing, no error other than an expected
concurrency conflict, and no secret document leaked to the searching staff.
The figures are printed (pytest -s) and written to .run/logs/load.json; the
latest ones are quoted in docs/security.md."""

import json
import os
import re
import secrets
import threading
import time
import xmlrpc.client
from collections import Counter

from conftest import LOGS

CLIENTS = 20
WRITERS = 10
CLERKS = (("wenshu", "wenshu"), ("jiyao", "jiyao"))
READER = ("zhouli", "zhouli")  # staff, no clearance
NUMBER_RE = re.compile(r"〔(\d{4})〕(\d+)号$")
CONFLICT_MARKERS = ("could not serialize", "could not obtain lock", "being stamped")


class Client:
    def __init__(self, odoo, login, password):
        self.db, self.password = odoo.db, password
        common = xmlrpc.client.ServerProxy(f"{odoo.url}/xmlrpc/2/common")
        self.uid = common.authenticate(odoo.db, login, password, {})
        self.models = xmlrpc.client.ServerProxy(
            f"{odoo.url}/xmlrpc/2/object", allow_none=True
        )

    def call(self, model, method, *args, **kw):
        return self.models.execute_kw(
            self.db, self.uid, self.password, model, method, list(args), kw
        )


def _writer(odoo, marker, sender, deadline, stats, created):
    client = Client(odoo, *CLERKS[threading.get_ident() % len(CLERKS)])
    while time.monotonic() < deadline:
        stats["requests"] += 1
        try:
            doc = client.call(
                "office.incoming.document",
                "create",
                {"sender_id": sender, "title": f"{marker} {secrets.token_hex(4)}"},
            )
            created.append(doc)
        except xmlrpc.client.Fault as fault:
            kind = "conflicts" if _is_conflict(fault) else "errors"
            stats[kind] += 1
            stats[f"{kind}: {fault.faultString.splitlines()[-1][:120]}"] += 1


def _reader(odoo, deadline, stats, leaks):
    client = Client(odoo, *READER)
    while time.monotonic() < deadline:
        stats["requests"] += 1
        try:
            secret = client.call(
                "office.incoming.document",
                "search_count",
                [("secrecy_level", "!=", "none")],
            )
            rows = client.call(
                "office.incoming.document",
                "search_read",
                [],
                fields=["name", "secrecy_level"],
                limit=80,
            )
            stats["requests"] += 1
            leaks.extend(r["id"] for r in rows if r["secrecy_level"] != "none")
            if secret:
                leaks.append(("count", secret))
        except xmlrpc.client.Fault as fault:
            stats["errors"] += 1
            stats[f"errors: {fault.faultString.splitlines()[-1][:120]}"] += 1


def _is_conflict(fault):
    text = fault.faultString.lower()
    return any(marker in text for marker in CONFLICT_MARKERS)


def test_twenty_clients_register_and_read(odoo):
    seconds = float(os.environ.get("LOAD_SECONDS", "60"))
    marker = f"负载测试{secrets.token_hex(3)}"
    # the office director reads the register (the system administrator
    # holds no office role: 三员分立)
    director = Client(odoo, "bgszr", "bgszr")
    [sender] = director.call(
        "res.partner", "search", [("office_sender_level", "=", "upper")], limit=1
    )
    # one Counter per thread: ``+=`` on a shared one could lose counts
    per_thread = [Counter() for _ in range(CLIENTS)]
    created, leaks = [], []
    deadline = time.monotonic() + seconds
    threads = [
        threading.Thread(
            target=_writer,
            args=(odoo, marker, sender, deadline, per_thread[i], created),
        )
        for i in range(WRITERS)
    ] + [
        threading.Thread(target=_reader, args=(odoo, deadline, per_thread[i], leaks))
        for i in range(WRITERS, CLIENTS)
    ]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    stats = sum(per_thread, Counter())

    docs = director.call(
        "office.incoming.document",
        "search_read",
        [("title", "like", marker)],
        fields=["name"],
    )
    numbers = Counter()
    for doc in docs:
        year, seq = NUMBER_RE.search(doc["name"]).groups()
        numbers[(int(year), int(seq))] += 1
    duplicates = [key for key, n in numbers.items() if n > 1]
    seqs = sorted(seq for _year, seq in numbers)
    gaps = (seqs[-1] - seqs[0] + 1 - len(seqs)) if seqs else 0
    figures = {
        "clients": CLIENTS,
        "seconds": round(elapsed, 1),
        "requests": stats["requests"],
        "requests_per_second": round(stats["requests"] / elapsed, 1),
        "registrations": len(created),
        "expected_conflicts": stats["conflicts"],
        "errors": stats["errors"],
        "duplicate_numbers": len(duplicates),
        "gaps": gaps,
        "secret_leaks": len(leaks),
        "messages": {k: v for k, v in stats.items() if ":" in k},
    }
    LOGS.mkdir(parents=True, exist_ok=True)
    (LOGS / "load.json").write_text(json.dumps(figures, ensure_ascii=False, indent=2))
    print(json.dumps(figures, ensure_ascii=False))

    assert stats["errors"] == 0, figures
    assert len(docs) == len(created), "a failed call left a document behind"
    assert not duplicates and gaps == 0, figures
    assert not leaks, figures
    assert len(created) > CLIENTS, figures
