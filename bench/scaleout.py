"""The scale-out run: two prefork Odoo servers sharing one PostgreSQL primary,
its streaming replica for reads and one file store, against one threaded
server on the same primary, under the same mix of office work.

``bench/scaleout`` (see bench/README.md) and ``tests/test_scaleout.py`` call
:func:`run`. Everything lives under ``.run/scaleout/<name>/`` and is removed
at the end, also when the run fails or is interrupted:

* ``pg/primary``: a PostgreSQL 15 cluster of its own (initdb; own port and
  socket directory ``pg/sock``; ``wal_level = replica``, ``hot_standby``,
  ``jit = off``, pg_stat_statements) holding a copy of the source database
  (``pg_dump | pg_restore``) under the name ``scaleout``;
* ``pg/replica``: its streaming replica (``pg_basebackup -R``, another port,
  hot standby);
* ``odoo/data``: the Odoo data dir (the source's file store copied; the
  sessions, shared by both servers like a shared mount would be);
* ``odoo/*.log``: the servers' logs, whose request lines say whether a
  request ran on a read-only cursor (``ro``), read/write (``rw``) or was
  retried on the primary after trying to write (``ro->rw``).

The load client reuses the RPC flows of tests/ (conftest.OdooServer,
new_outgoing_draft; test_flow_rpc's sign-off; test_load's conflict markers;
web_session.WebSession for the web client's JSON-RPC): each client works in
a loop through registrations, the steps of outgoing documents (drafted,
approved, numbered, sealed and stamped, printed, dispatched and filed: each
step takes a document another client left at the step before), archive
filings and web searches, every call sent to the next server in turn."""

import argparse
import base64
import itertools
import json
import os
import random
import re
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
import types
import xmlrpc.client
from collections import Counter, defaultdict, deque
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from conftest import (  # noqa: E402
    CONF,
    PYTHON,
    OdooServer,
    _conf,
    _free_port,
    _odoo_cmd,
    _wait_until_up,
    new_outgoing_draft,
)
from test_flow_rpc import CHECKS, CLERK, STAFF, _approve_pending, _read  # noqa: E402
from test_load import NUMBER_RE, _is_conflict  # noqa: E402
from web_session import WebSession  # noqa: E402

PG_BIN = Path(os.environ.get("SCALEOUT_PG_BIN", "/usr/lib/postgresql/15/bin"))
DB = "scaleout"
RUNS = ROOT / ".run" / "scaleout"
LOGS = ROOT / ".run" / "logs"
# the primary and its replica get the same settings (a hot standby needs at
# least the primary's max_connections)
PG_SETTINGS = {
    "listen_addresses": "",
    "wal_level": "replica",
    "hot_standby": "on",
    "hot_standby_feedback": "on",
    "jit": "off",
    "max_connections": "200",
    "max_wal_senders": "5",
    "shared_preload_libraries": "pg_stat_statements",
    "pg_stat_statements.track": "all",
}
READER = ("zhouli", "zhouli")  # staff, no clearance (as in test_load)
DIRECTOR = ("bgszr", "bgszr")  # reads every register
INCOMING_CLERKS = (("wenshu", "wenshu"), ("jiyao", "jiyao"))
RETRIES = 8
BODY = {
    "body_file": base64.b64encode("正文：请各单位按时报送。".encode()).decode(),
    "body_filename": "正文.docx",
}
# the call kinds the issue names, and the calls that are them
NAMED_KINDS = {
    "office.incoming.document.create": "registration",
    "tier.review.action_office_approve": "approval",
    "office.outgoing.document.action_number": "numbering",
    "office.seal.use.request.stamp": "stamping",
    "office.outgoing.document.action_distribute": "dispatch",
    "office.outgoing.document.action_file": "filing (outgoing)",
    "office.archive.item.action_file": "filing (archive)",
    "web office.incoming.document.web_search_read": "search: incoming list",
    "web office.outgoing.document.search_read": "search: outgoing",
    "web office.seal.ledger.search_count": "search: seal ledger",
}
CONCURRENCY_ERRORS = (
    "could not serialize",
    "could not obtain lock",
    "deadlock detected",
)
RETRY_RE = re.compile(r"odoo\.service\.model: \w+, \d+ tries left")
REQUEST_RE = re.compile(
    r'"POST (?P<path>\S+) HTTP/[\d.]+" (?P<status>\d+) - '
    r"\S+ \S+ \S+(?: (?P<mode>ro->rw|ro|rw|-))?\s*$"
)


_T0 = time.monotonic()


def say(*args):
    print(f"scaleout: [{time.monotonic() - _T0:.0f}s]", *args, flush=True)


# ----------------------------------------------------------------------
# PostgreSQL: a primary and its streaming replica
# ----------------------------------------------------------------------


def _as_owner(cmd):
    """PostgreSQL refuses to run its server as root: run it as postgres."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *cmd]
    return cmd


def _run(cmd, log, **kw):
    """cmd with its output appended to log (written by us, not by postgres)."""
    with open(log, "a") as out:
        subprocess.run(cmd, check=True, stdout=out, stderr=subprocess.STDOUT, **kw)


class Cluster:
    def __init__(self, pgdir, name, user):
        self.name = name
        self.data = pgdir / name
        self.sock = pgdir / "sock"
        self.log = pgdir / f"{name}.log"  # the server's own, written by postgres
        self.setup_log = pgdir / f"{name}-setup.log"
        self.port = _free_port()
        self.user = user

    def start(self):
        options = " ".join(
            [f"-p {self.port}", f"-k {self.sock}"]
            + [f"-c {key}='{value}'" for key, value in PG_SETTINGS.items()]
        )
        cmd = [str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-l", str(self.log)]
        _run(
            _as_owner([*cmd, "-w", "-t", "120", "-o", options, "start"]), self.setup_log
        )

    def stop(self):
        cmd = [str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "fast", "stop"]
        if (self.data / "postmaster.pid").exists():
            subprocess.run(_as_owner(cmd), check=False, capture_output=True)

    def conn_args(self):
        return ["-h", str(self.sock), "-p", str(self.port), "-U", self.user]

    def sql(self, query, db=DB):
        """Rows of a query, as lists of strings."""
        done = subprocess.run(
            [
                "psql",
                "-X",
                "-qtA",
                "-F",
                "\t",
                *self.conn_args(),
                "-d",
                db,
                "-v",
                "ON_ERROR_STOP=1",
                "-c",
                query,
            ],
            check=True,
            capture_output=True,
            text=True,
        )
        return [line.split("\t") for line in done.stdout.splitlines() if line]


def _main_conn_args():
    """psql/pg_dump arguments for the project's main PostgreSQL (odoo.conf)."""
    conf, args = _conf(), []
    for key, flag in (("db_host", "-h"), ("db_port", "-p"), ("db_user", "-U")):
        value = conf.get(key, "False")
        if value and value != "False":
            args += [flag, value]
    return args


def _copy_database(source, primary):
    primary.sql(f'CREATE DATABASE "{DB}"', db="postgres")
    dump = subprocess.Popen(
        ["pg_dump", "-Fc", "-Z0", *_main_conn_args(), "-d", source],
        stdout=subprocess.PIPE,
        stderr=open(primary.log.parent / "dump.log", "w"),
    )
    restore = subprocess.run(
        ["pg_restore", "--no-owner", "--no-acl", *primary.conn_args(), "-d", DB],
        stdin=dump.stdout,
        check=False,
        capture_output=True,
        text=True,
    )
    dump.stdout.close()
    if dump.wait() != 0 or restore.returncode != 0:
        raise RuntimeError(f"copying {source} failed: {restore.stderr[-2000:]}")
    primary.sql("CREATE EXTENSION IF NOT EXISTS pg_stat_statements")
    primary.sql("ANALYZE")


def _copy_filestore(source, data_dir):
    src = Path(_conf().get("data_dir", "")) / "filestore" / source
    dst = data_dir / "filestore" / DB
    if src.is_dir():
        shutil.copytree(src, dst)
    else:
        dst.mkdir(parents=True)


class Topology:
    """The clusters and the data dir of one run under .run/scaleout/<name>."""

    def __init__(self, name):
        self.root = RUNS / name
        self.pgdir = self.root / "pg"
        self.odoo_dir = self.root / "odoo"
        self.data_dir = self.odoo_dir / "data"
        user = _conf().get("db_user", "False")
        user = user if user not in ("", "False") else os.environ.get("USER", "odoo")
        self.primary = Cluster(self.pgdir, "primary", user)
        self.replica = Cluster(self.pgdir, "replica", user)
        self.servers = []
        self.steps = None  # the outgoing documents waiting, between modes

    def build(self, source):
        if self.root.exists():
            raise RuntimeError(f"{self.root} exists: another run, or left over")
        (self.pgdir / "sock").mkdir(parents=True)
        self.odoo_dir.mkdir(parents=True)
        if os.geteuid() == 0:
            shutil.chown(self.pgdir, "postgres")
            shutil.chown(self.pgdir / "sock", "postgres")
        say(f"primary on port {self.primary.port}, replica on {self.replica.port}")
        _run(
            _as_owner(
                [
                    str(PG_BIN / "initdb"),
                    "-D",
                    str(self.primary.data),
                    "-U",
                    self.primary.user,
                    "--auth=trust",
                    "-E",
                    "UTF8",
                    "--locale=C.UTF-8",
                ]
            ),
            self.primary.setup_log,
        )
        self.primary.start()
        t0 = time.monotonic()
        _copy_database(source, self.primary)
        say(f"{source} copied in {time.monotonic() - t0:.0f}s")
        _run(
            _as_owner(
                [
                    str(PG_BIN / "pg_basebackup"),
                    *self.primary.conn_args(),
                    "-D",
                    str(self.replica.data),
                    "-R",
                    "-X",
                    "stream",
                    "-c",
                    "fast",
                ]
            ),
            self.replica.setup_log,
        )
        self.replica.start()
        [[recovery]] = self.replica.sql("SELECT pg_is_in_recovery()")
        assert recovery == "t", "the replica is not a standby"
        _copy_filestore(source, self.data_dir)

    def start_server(self, name, workers, crons, replica):
        """An Odoo server on the primary (and the replica for reads)."""
        port = _free_port()
        log_path = self.odoo_dir / f"{name}.log"
        args = [
            "-d",
            DB,
            "--db-filter",
            f"^{DB}$",
            "--http-port",
            str(port),
            f"--gevent-port={_free_port()}",
            f"--data-dir={self.data_dir}",
            f"--db_host={self.primary.sock}",
            f"--db_port={self.primary.port}",
            f"--workers={workers}",
            f"--max-cron-threads={crons}",
            "--proxy-mode",
            "--log-level=info",
            # the limits of config/odoo-production.conf.example: the defaults
            # (60 s CPU, 120 s real) kill a slow cron on a loaded machine
            "--limit-time-cpu=600",
            "--limit-time-real=1200",
        ]
        if replica:
            args += [
                f"--db_replica_host={self.replica.sock}",
                f"--db_replica_port={self.replica.port}",
            ]
        log = open(log_path, "w")  # noqa: SIM115 - the server writes it while it runs
        process = subprocess.Popen(
            _odoo_cmd(*args),
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
            env={
                **os.environ,
                "ODOO_PGAPPNAME": f"odoo-{name}-{{pid}}",
            },
        )
        server = OdooServer(DB, port, process, log_path)
        self.servers.append((server, log))
        return server

    def stop_servers(self):
        """Stop the servers; their logs are kept in .run/logs/."""
        for server, log in self.servers:
            server.stop()
            log.close()
            LOGS.mkdir(parents=True, exist_ok=True)
            shutil.copy(server.log_path, LOGS / f"scaleout-{server.log_path.name}")
        self.servers = []

    def teardown(self, keep=False):
        self.stop_servers()
        self.replica.stop()
        self.primary.stop()
        if not keep:
            shutil.rmtree(self.root, ignore_errors=True)


# ----------------------------------------------------------------------
# The load client
# ----------------------------------------------------------------------


class CountedError(Exception):
    """A call failed; it is counted already."""


class Recorder:
    """What one client thread saw (one per thread: no shared counters)."""

    def __init__(self):
        self.timings = defaultdict(list)
        self.conflicts = Counter()
        self.errors = Counter()


_local = threading.local()


def timed(kind, func):
    """func() timed under kind; an expected concurrency conflict is retried."""
    rec = _local.recorder
    for attempt in range(RETRIES + 1):
        t0 = time.perf_counter()
        try:
            result = func()
        except xmlrpc.client.Fault as fault:
            if _is_conflict(fault) and attempt < RETRIES:
                rec.conflicts[kind] += 1
                time.sleep(random.uniform(0, 0.05 * 2**attempt))
                continue
            last = fault.faultString.strip().splitlines()[-1:] or [""]
            rec.errors[f"{kind}: {last[0][:160]}"] += 1
            raise CountedError(kind) from fault
        except (OSError, xmlrpc.client.ProtocolError) as exc:
            rec.errors[f"{kind}: {exc!r}"[:200]] += 1
            raise CountedError(kind) from exc
        rec.timings[kind].append(time.perf_counter() - t0)
        return result
    raise AssertionError("unreachable")


class Frontend(OdooServer):
    """The round robin in front of the servers: each XML-RPC call goes to the
    next one (the role a proxy plays; proxy_mode is on in the servers)."""

    def __init__(self, db, urls):
        super().__init__(db, 0, None, None)
        self.urls = urls
        self._turn = itertools.count()
        self._refs = {}

    def next_url(self):
        return self.urls[next(self._turn) % len(self.urls)]

    def proxy(self, service):
        return xmlrpc.client.ServerProxy(
            f"{self.next_url()}/xmlrpc/2/{service}", allow_none=True
        )

    def ref(self, xmlid):
        if xmlid not in self._refs:
            self._refs[xmlid] = super().ref(xmlid)
        return self._refs[xmlid]

    def call(self, login, password, model, method, *args, **kw):
        parent = super()

        def go():
            return parent.call(login, password, model, method, *args, **kw)

        return timed(f"{model}.{method}", go)


class WebClient:
    """A web client session (its cookie is good on both servers: they share
    the data dir, hence the sessions) whose calls also go round robin."""

    def __init__(self, frontend, who):
        first = types.SimpleNamespace(url=frontend.urls[0], db=frontend.db)
        self.frontend = frontend
        self.session = WebSession(first, *who)

    def call(self, model, method, args, kwargs):
        def go():
            self.session.url = self.frontend.next_url()
            result, error = self.session.call_kw(model, method, args, kwargs)
            if error:
                message = (error.get("data") or {}).get("message") or str(error)
                raise xmlrpc.client.Fault(1, message)
            return result

        return timed(f"web {model}.{method}", go)


class Mix:
    """The flows of the mix and what they created (for the checks)."""

    def __init__(self, frontend, marker):
        self.f = frontend
        self.marker = marker
        f = frontend
        [self.sender] = f.call(
            *DIRECTOR,
            "res.partner",
            "search",
            [("office_sender_level", "=", "upper")],
            limit=1,
        )
        [self.seal] = f.call(
            *CLERK, "office.seal", "search", [("name", "=", "益阳市财政局行政章")]
        )
        [self.fonds] = f.call(
            *CLERK, "office.archive.fonds", "search", [("code", "=", "Z109")]
        )
        [self.unit] = f.call(
            *CLERK, "office.archive.unit", "search", [("code", "=", "YSK")]
        )
        self.category = f.ref("office_archive.category_ws")
        self.retention = f.ref("office_archive.retention_y")
        # the web client's sessions, one per user, shared by the clients (a
        # login costs more than the calls measured)
        self.reader = WebClient(frontend, READER)
        self.clerk = WebClient(frontend, CLERK)
        self.registered = []
        self.steps = {
            step: deque() for step in ("signing", "signed", "numbered", "stamped")
        }
        self.numbered = []
        self.filed = []

    def title(self, what):
        return f"{self.marker} {what} {secrets.token_hex(4)}"

    def register(self, client):
        clerk = INCOMING_CLERKS[client.index % len(INCOMING_CLERKS)]
        self.registered.append(
            self.f.call(
                *clerk,
                "office.incoming.document",
                "create",
                {"sender_id": self.sender, "title": self.title("来文")},
            )
        )

    # test_flow_rpc's outgoing document, one step per turn: a client takes
    # the document furthest on (as people work their inbox), or drafts one
    def outgoing(self, client):
        for step, advance in (
            ("stamped", self.dispatch),
            ("numbered", self.stamp),
            ("signed", self.number),
            ("signing", self.approve),
        ):
            try:
                doc = self.steps[step].popleft()
            except IndexError:
                continue
            return advance(doc)
        return self.draft()

    def draft(self):
        f, model = self.f, "office.outgoing.document"
        doc = new_outgoing_draft(f, self.title("发文"), **BODY)
        f.call(*STAFF, model, "action_submit", [doc])
        f.call(*CLERK, model, "write", [doc], CHECKS)
        f.call(*CLERK, model, "action_request_signoff", [doc])
        self.steps["signing"].append(doc)

    def approve(self, doc):
        """One step of the sign-off, by whoever's inbox holds it."""
        model = "office.outgoing.document"
        _approve_pending(self.f, model, doc)
        state = _read(self.f, STAFF, model, doc, ["state"])["state"]
        self.steps["signing" if state == "signing" else "signed"].append(doc)

    def number(self, doc):
        self.f.call(*CLERK, "office.outgoing.document", "action_first_read", [doc])
        self.f.call(*CLERK, "office.outgoing.document", "action_number", [doc])
        self.numbered.append(doc)
        self.steps["numbered"].append(doc)

    def stamp(self, doc):
        self._seal(doc)
        self.steps["stamped"].append(doc)

    def dispatch(self, doc):
        f, model = self.f, "office.outgoing.document"
        f.call(*CLERK, model, "write", [doc], {"print_copies": 1})
        f.call(*CLERK, model, "action_mark_printed", [doc])
        [partner] = _read(f, CLERK, model, doc, ["main_recipient_ids"])[
            "main_recipient_ids"
        ][:1]
        f.call(
            *CLERK,
            "office.outgoing.distribution",
            "create",
            {"document_id": doc, "partner_id": partner, "channel": "exchange"},
        )
        f.call(*CLERK, model, "action_distribute", [doc])
        f.call(*CLERK, model, "action_file", [doc])

    def _seal(self, doc):
        f = self.f
        action = f.call(
            *CLERK, "office.outgoing.document", "action_request_sealing", [doc]
        )
        defaults = {
            key.removeprefix("default_"): value
            for key, value in action["context"].items()
            if key.startswith("default_")
        }
        request = f.call(
            *CLERK,
            "office.seal.use.request",
            "create",
            {**defaults, "seal_ids": [(6, 0, [self.seal])], "stamp_count": 1},
        )
        f.call(*CLERK, "office.seal.use.request", "action_submit", [request])
        f.call(*CLERK, "office.seal.use.request", "stamp", [request], 1)

    def archive(self, client):
        item = self.f.call(
            *CLERK,
            "office.archive.item",
            "create",
            {
                "title": self.title("档案"),
                "fonds_id": self.fonds,
                "category_id": self.category,
                "retention_id": self.retention,
                "unit_id": self.unit,
            },
        )
        self.f.call(*CLERK, "office.archive.item", "action_file", [item])
        self.filed.append(item)

    def search(self, client):
        client.reader.call(
            "office.incoming.document",
            "web_search_read",
            [[]],
            {
                "specification": {
                    "name": {},
                    "title": {},
                    "state": {},
                    "secrecy_level": {},
                },
                "limit": 80,
                "count_limit": 10001,
            },
        )
        client.clerk.call(
            "office.outgoing.document",
            "search_read",
            [[("title", "like", self.marker)]],
            {"fields": ["number", "state"], "limit": 40},
        )
        client.clerk.call(
            "office.seal.ledger", "search_count", [[("seal_id", "=", self.seal)]], {}
        )

    def flows(self, offset):
        order = [
            self.search,
            self.register,
            self.outgoing,
            self.outgoing,
            self.search,
            self.outgoing,
            self.archive,
            self.outgoing,
            self.register,
            self.outgoing,
        ]
        return itertools.islice(itertools.cycle(order), offset % len(order), None)


def _client(mix, index, clock, recorders, ready):
    _local.recorder = Recorder()
    recorders.append(_local.recorder)
    client = types.SimpleNamespace(index=index, reader=mix.reader, clerk=mix.clerk)
    ready.wait()  # every client is there
    ready.wait()  # and the clock is set
    for flow in mix.flows(index):
        if time.monotonic() >= clock.deadline:
            return
        try:
            flow(client)
        except CountedError:
            continue
        except Exception as exc:  # noqa: BLE001 - a flow's own check failed
            _local.recorder.errors[f"{flow.__name__}: {exc!r}"[:200]] += 1


def _prime_one(mix, errors):
    """Draft a document and have it signed off, untimed."""
    _local.recorder = Recorder()
    model = "office.outgoing.document"
    try:
        mix.draft()
        doc = mix.steps["signing"].pop()
        for _step in range(5):
            _approve_pending(mix.f, model, doc)
            if _read(mix.f, STAFF, model, doc, ["state"])["state"] != "signing":
                break
        mix.steps["signed"].append(doc)
    except Exception as exc:  # noqa: BLE001 - reported with the run's errors
        errors[f"priming: {exc!r}"[:200]] += 1


def prime(mix, count, errors):
    """count signed documents waiting for their number when the clock starts,
    so that a short run goes through every step (the steps left over by one
    mode are the next mode's too)."""
    threads = [
        threading.Thread(target=_prime_one, args=(mix, errors)) for _i in range(count)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def load(frontend, clients, seconds, steps=None):
    """N clients for T seconds; returns (mix, merged recorder, elapsed).
    steps: the documents left at each step by an earlier load; when fewer
    than a few wait for their number, more are drafted and signed off
    first, untimed."""
    _local.recorder = Recorder()
    mix = Mix(frontend, f"扩展测试{secrets.token_hex(3)}")
    priming_errors = Counter()
    if steps is not None:
        mix.steps = steps
    waiting = sum(len(mix.steps[s]) for s in ("signed", "numbered", "stamped"))
    prime(mix, max(0, max(3, clients // 4) - waiting), priming_errors)
    recorders, ready = [], threading.Barrier(clients + 1)
    clock = types.SimpleNamespace(deadline=None)
    threads = [
        threading.Thread(target=_client, args=(mix, i, clock, recorders, ready))
        for i in range(clients)
    ]
    for thread in threads:
        thread.start()
    ready.wait()  # logged in
    t0 = time.monotonic()
    clock.deadline = t0 + seconds
    ready.wait()  # go
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - t0
    merged = Recorder()
    merged.errors.update(priming_errors)
    for rec in recorders:
        for kind, values in rec.timings.items():
            merged.timings[kind].extend(values)
        merged.conflicts.update(rec.conflicts)
        merged.errors.update(rec.errors)
    return mix, merged, elapsed


# ----------------------------------------------------------------------
# Checks and figures
# ----------------------------------------------------------------------


def _sequence_faults(keys):
    """(duplicates, gaps) of (series, number) pairs: each series' numbers must
    be distinct and consecutive."""
    counts = Counter(keys)
    duplicates = sum(n - 1 for n in counts.values() if n > 1)
    series = defaultdict(set)
    for name, number in counts:
        series[name].add(number)
    gaps = sum(max(s) - min(s) + 1 - len(s) for s in series.values())
    return duplicates, gaps


def _number_key(number):
    match = NUMBER_RE.search(number or "")
    if not match:
        return (number, None)
    return (number[: match.start()] + match.group(1), int(match.group(2)))


def check_numbers(mix):
    f = mix.f
    out = {}
    incoming = f.call(
        *DIRECTOR,
        "office.incoming.document",
        "search_read",
        [("title", "like", mix.marker)],
        fields=["name"],
    )
    # the documents numbered in this run (some drafted in the mode before)
    outgoing = f.call(
        *CLERK,
        "office.outgoing.document",
        "search_read",
        [("id", "in", mix.numbered)],
        fields=["number"],
    )
    items = f.call(
        *CLERK,
        "office.archive.item",
        "search_read",
        [("title", "like", mix.marker), ("state", "!=", "draft")],
        fields=[
            "name",
            "item_number",
            "fonds_id",
            "category_id",
            "year",
            "retention_id",
            "unit_id",
        ],
    )
    for kind, rows, made, key in (
        ("incoming", incoming, mix.registered, lambda r: _number_key(r["name"])),
        ("outgoing", outgoing, mix.numbered, lambda r: _number_key(r["number"])),
        (
            "archive",
            items,
            mix.filed,
            lambda r: (
                tuple(
                    r[k] and str(r[k])
                    for k in (
                        "fonds_id",
                        "category_id",
                        "year",
                        "retention_id",
                        "unit_id",
                    )
                ),
                r["item_number"],
            ),
        ),
    ):
        duplicates, gaps = _sequence_faults([key(r) for r in rows])
        out[kind] = {
            "made": len(made),
            "numbered": len(rows),
            "duplicates": duplicates,
            "gaps": gaps,
            "unparsed": sum(1 for r in rows if key(r)[1] is None),
        }
    return out


def check_chains(frontend):
    seals = frontend.call(
        *CLERK, "office.seal", "search", [], context={"active_test": False}
    )
    result = frontend.call(*CLERK, "office.seal", "verify_chain", seals)
    return {"seals": len(seals), "ok": result["ok"], "broken": result["broken"]}


TABLES = (
    "office_incoming_document",
    "office_outgoing_document",
    "office_seal_ledger",
    "office_archive_item",
    "tier_review",
)


def reset_statistics(cluster):
    cluster.sql("SELECT pg_stat_statements_reset()")
    cluster.sql("SELECT pg_stat_reset()")


def statistics_of(cluster):
    """Transactions of the database and SELECT statements per table since the
    last reset, from the cluster's own statistics."""
    [[xacts]] = cluster.sql(
        "SELECT xact_commit + xact_rollback FROM pg_stat_database "
        "WHERE datname = current_database()"
    )
    [[total]] = cluster.sql(
        "SELECT coalesce(sum(calls), 0) FROM pg_stat_statements s "
        "JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = current_database()"
    )
    per_table = {}
    for table in TABLES:
        [[calls]] = cluster.sql(
            "SELECT coalesce(sum(calls), 0) FROM pg_stat_statements s "
            "JOIN pg_database d ON d.oid = s.dbid "
            "WHERE d.datname = current_database() AND query ILIKE 'SELECT%%' "
            f"AND query LIKE '%%FROM \"{table}\"%%'"
        )
        per_table[table] = int(calls)
    return {
        "transactions": int(xacts),
        "statements": int(total),
        "selects_from": per_table,
    }


def request_modes(log_paths):
    """Requests per route and cursor mode, from the servers' request log."""
    modes = Counter()
    for path in log_paths:
        for line in Path(path).read_text(errors="replace").splitlines():
            match = REQUEST_RE.search(line)
            if match:
                route = match["path"]
                if route.startswith("/web/dataset/call_kw/"):
                    route = "call_kw " + route.removeprefix("/web/dataset/call_kw/")
                modes[f"{route} [{match['mode'] or 'primary only'}]"] += 1
    return dict(sorted(modes.items()))


def _is_concurrency_error(text):
    return any(marker in text for marker in CONCURRENCY_ERRORS)


def server_log(log_paths):
    """(errors, conflicts retried by Odoo itself) from the servers' logs: a
    query refused by a concurrency error is logged as a "bad query" ERROR
    before odoo.service.model retries the request, up to 5 times. A
    traceback that no log record announces is a process that died (such as
    the gevent process of a prefork server)."""
    bad, retried = Counter(), 0
    for path in log_paths:
        lines = Path(path).read_text(errors="replace").splitlines()
        for index, line in enumerate(lines):
            if RETRY_RE.search(line):
                retried += 1
            if (
                line.startswith("Traceback")
                and index
                and not re.search(
                    r" (ERROR|CRITICAL|WARNING) |During handling", lines[index - 1]
                )
            ):
                bad["a process died (unlogged traceback)"] += 1
            if " ERROR " not in line and " CRITICAL " not in line:
                continue
            after = "\n".join(lines[index + 1 : index + 4])
            if "bad query" in line and _is_concurrency_error(after):
                continue
            bad[line.split(" ", 4)[-1][:160]] += 1
    return dict(bad), retried


def percentiles(values):
    if len(values) < 2:
        value = values[0] * 1000 if values else 0
        return value, value, value
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return cuts[49] * 1000, cuts[94] * 1000, cuts[98] * 1000


def figures_of(rec, elapsed):
    kinds = {}
    for kind, values in sorted(rec.timings.items()):
        p50, p95, p99 = percentiles(values)
        kinds[kind] = {
            "label": NAMED_KINDS.get(kind, ""),
            "calls": len(values),
            "p50_ms": round(p50, 1),
            "p95_ms": round(p95, 1),
            "p99_ms": round(p99, 1),
            "conflicts_retried": rec.conflicts.get(kind, 0),
        }
    calls = sum(len(v) for v in rec.timings.values())
    return {
        "seconds": round(elapsed, 1),
        "calls": calls,
        "requests_per_second": round(calls / elapsed, 1) if elapsed else 0,
        "conflicts_retried": sum(rec.conflicts.values()),
        "errors": sum(rec.errors.values()),
        "error_messages": dict(rec.errors),
        "kinds": kinds,
    }


# ----------------------------------------------------------------------
# One mode, the whole run
# ----------------------------------------------------------------------

MODES = {
    # name: [(server name, workers, cron threads, replica)]
    "prefork": [("node-a", 2, 1, True), ("node-b", 2, 0, True)],
    "threaded": [("threaded", 0, 1, False)],
}


def run_mode(topo, mode, clients, seconds, steps=None):
    say(f"{mode}: starting {len(MODES[mode])} server(s)")
    servers = [topo.start_server(*spec) for spec in MODES[mode]]
    for server in servers:
        _wait_until_up(server)
    frontend = Frontend(DB, [s.url for s in servers])
    for cluster in (topo.primary, topo.replica):
        reset_statistics(cluster)
    say(f"{mode}: up; {clients} clients for {seconds}s")
    mix, rec, elapsed = load(frontend, clients, seconds, steps)
    topo.steps = mix.steps
    say(f"{mode}: load done in {elapsed:.0f}s, checking")
    replica, primary = statistics_of(topo.replica), statistics_of(topo.primary)
    _local.recorder = Recorder()
    result = figures_of(rec, elapsed)
    result.update(
        servers=[
            {
                "name": spec[0],
                "workers": spec[1],
                "max_cron_threads": spec[2],
                "replica": spec[3],
            }
            for spec in MODES[mode]
        ],
        clients=clients,
        numbers=check_numbers(mix),
        chains=check_chains(frontend),
        replica=replica,
        primary=primary,
        request_modes=request_modes([s.log_path for s in servers]),
    )
    result["server_errors"], result["conflicts_retried_by_odoo"] = server_log(
        [s.log_path for s in servers]
    )
    topo.stop_servers()
    return result


def _load_average():
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def run(source, clients, seconds, modes=("prefork", "threaded"), name=None, keep=False):
    """Build the topology from database ``source``, run each mode, tear down.
    Returns the figures (also written to .run/logs/scaleout-<name>.json)."""
    name = name or f"run-{os.getpid()}"
    topo = Topology(name)
    report = {
        "source": source,
        "clients": clients,
        "seconds": seconds,
        "load_average_before": _load_average(),
        "cpus": os.cpu_count(),
        "modes": {},
    }
    t0 = time.monotonic()
    try:
        topo.build(source)
        report["build_seconds"] = round(time.monotonic() - t0, 1)
        for mode in modes:
            report["modes"][mode] = run_mode(topo, mode, clients, seconds, topo.steps)
    finally:
        topo.teardown(keep=keep)
    report["load_average_after"] = _load_average()
    report["total_seconds"] = round(time.monotonic() - t0, 1)
    LOGS.mkdir(parents=True, exist_ok=True)
    (LOGS / f"scaleout-{name}.json").write_text(
        json.dumps(report, ensure_ascii=False, indent=2)
    )
    return report


def problems(report):
    """What the checks found wrong, as sentences (empty: all good)."""
    found = []
    for mode, res in report["modes"].items():
        if res["errors"]:
            found.append(f"{mode}: {res['errors']} errors {res['error_messages']}")
        for kind, n in res["numbers"].items():
            if n["duplicates"] or n["gaps"] or n["unparsed"]:
                found.append(f"{mode}: {kind} numbers {n}")
            if n["numbered"] != n["made"]:
                found.append(
                    f"{mode}: {kind}: {n['made']} made, {n['numbered']} numbered"
                )
        if not res["chains"]["ok"]:
            found.append(f"{mode}: broken seal chains {res['chains']['broken']}")
        if res["server_errors"]:
            found.append(f"{mode}: server log errors {res['server_errors']}")
        if any("[ro->rw]" in route for route in res["request_modes"]):
            found.append(f"{mode}: a read-only request wrote (ro->rw)")
    return found


def markdown(report):
    """The figures as Markdown tables (docs/operations.md, bench/results.md)."""
    modes = list(report["modes"])
    lines = [
        f"{report['clients']} clients × {report['seconds']} s per mode; load "
        f"average {report['load_average_before']} before, "
        f"{report['load_average_after']} after, on {report['cpus']} cores.",
        "",
        "| call | "
        + " | ".join(f"{m} calls | p50 / p95 / p99 ms" for m in modes)
        + " |",
        "|---|" + "---:|---:|" * len(modes),
    ]
    kinds = sorted(
        {k for m in modes for k in report["modes"][m]["kinds"]},
        key=lambda k: (NAMED_KINDS.get(k) is None, k),
    )
    for kind in kinds:
        label = NAMED_KINDS.get(kind)
        cells = [f"{label} (`{kind}`)" if label else f"`{kind}`"]
        for mode in modes:
            k = report["modes"][mode]["kinds"].get(kind)
            cells += (
                [
                    str(k["calls"]),
                    f"{k['p50_ms']:.0f} / {k['p95_ms']:.0f} / {k['p99_ms']:.0f}",
                ]
                if k
                else ["–", "–"]
            )
        lines.append("| " + " | ".join(cells) + " |")
    lines.append(
        "| conflicts retried by Odoo (server log) | "
        + " | ".join(
            f"{report['modes'][m]['conflicts_retried_by_odoo']} | " for m in modes
        )
        + "|"
    )
    lines.append(
        "| **requests per second** | "
        + " | ".join(
            f"**{report['modes'][m]['requests_per_second']}** "
            f"({report['modes'][m]['calls']} calls) | "
            for m in modes
        )
        + "|"
    )
    lines.append(
        "| conflicts retried / errors | "
        + " | ".join(
            f"{report['modes'][m]['conflicts_retried']} / "
            f"{report['modes'][m]['errors']} | "
            for m in modes
        )
        + "|"
    )
    return "\n".join(lines)


def _stop_on_signal(signum, _frame):
    raise SystemExit(128 + signum)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--source",
        default=os.environ.get("SCALEOUT_SOURCE"),
        help="database with the suite and demo data (default $SCALEOUT_SOURCE)",
    )
    parser.add_argument("--clients", type=int, default=40)
    parser.add_argument("--seconds", type=float, default=300)
    parser.add_argument("--modes", default="prefork,threaded")
    parser.add_argument(
        "--keep",
        action="store_true",
        help="keep .run/scaleout/<run> (clusters stopped)",
    )
    args = parser.parse_args(argv)
    if not args.source:
        parser.error("--source (or SCALEOUT_SOURCE) names the database to copy")
    if not CONF.is_file() or not PYTHON.exists():
        parser.error("run scripts/setup first")
    for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(signum, _stop_on_signal)
    report = run(
        args.source,
        args.clients,
        args.seconds,
        tuple(args.modes.split(",")),
        keep=args.keep,
    )
    print(markdown(report))
    for mode, res in report["modes"].items():
        print(f"\n{mode}: replica {res['replica']}\nprimary {res['primary']}")
        print(json.dumps(res["request_modes"], ensure_ascii=False, indent=1))
    found = problems(report)
    for problem in found:
        say("PROBLEM:", problem)
    say("all checks passed" if not found else f"{len(found)} problem(s)")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
