"""The short scale-out run (bench/scaleout.py; the long one is the benchmark
of bench/README.md): a copy of the test database in a PostgreSQL primary of
its own with a streaming replica, two prefork Odoo servers (2 workers each,
cron on the first only, reads through the replica) behind a round robin, then
one threaded server on the same primary, each under SCALEOUT_CLIENTS (10)
clients for SCALEOUT_SECONDS (20) s of registrations, outgoing documents
(approved, numbered, stamped, dispatched, filed), archive filings and web
searches.

Checks, in both modes: no error but concurrency conflicts (retried), no
duplicate or missing number (incoming, outgoing, archival codes), every seal
ledger chain verifying, no read-only request that had to write; and in the
prefork mode, the web client's reads counted on the replica (its
pg_stat_statements) and not on the primary. Figures:
.run/logs/scaleout-test-<pid>.json and pytest -s."""

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import scaleout  # noqa: E402

CLIENTS = int(os.environ.get("SCALEOUT_CLIENTS", "10"))
SECONDS = float(os.environ.get("SCALEOUT_SECONDS", "20"))


def test_two_prefork_servers_and_a_replica_against_one_threaded(test_db):
    report = scaleout.run(test_db, CLIENTS, SECONDS, name=f"test-{os.getpid()}")
    print(scaleout.markdown(report))
    print(json.dumps({m: r["replica"] for m, r in report["modes"].items()}))
    assert not (scaleout.RUNS / f"test-{os.getpid()}").exists(), "not torn down"

    assert scaleout.problems(report) == []
    for mode, result in report["modes"].items():
        kinds = result["kinds"]
        # every kind of work was done, through both servers
        for kind in scaleout.NAMED_KINDS:
            assert kinds.get(kind, {}).get("calls"), (mode, kind, sorted(kinds))
        assert result["numbers"]["outgoing"]["numbered"] > 0, result["numbers"]

    prefork = report["modes"]["prefork"]
    replica, primary = prefork["replica"], prefork["primary"]
    searches = prefork["kinds"]["web office.incoming.document.web_search_read"]
    # the web client's list reads ran on the replica (a list is a search and
    # a count); XML-RPC reads go to the primary (odoo.service.model.execute)
    assert replica["selects_from"]["office_incoming_document"] >= searches["calls"]
    assert replica["selects_from"]["tier_review"] == 0
    assert primary["selects_from"]["tier_review"] > 0
    modes = prefork["request_modes"]
    assert (
        modes.get("call_kw office.incoming.document/web_search_read [ro]")
        == searches["calls"]
    ), modes
    # the threaded server has no replica: nothing ran there
    assert report["modes"]["threaded"]["replica"]["selects_from"] == dict.fromkeys(
        scaleout.TABLES, 0
    )
