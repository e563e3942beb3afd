"""Measure the operations users feel on the generated database and write
bench/results.md: median server time, SQL queries, peak Python memory where
it matters, and the ratio to an Odoo core operation of the same shape
measured in the same run."""

import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import xmlrpc.client
from pathlib import Path

from benchlib import Result, measure, say
from benchlib import environment as bench_environment
from lxml import etree

import odoo

RESULTS = Path(__file__).with_name("results.md")
CLERK, DEPT_USER, LEADER, KEEPER = "wenshu", "bench0001", "juzhang", "wenshu"
ARCHIVIST, DISPATCHER, INTERNAL_CONTROL = "wenshu", "wenshu", "neikong"
CLERK_PASSWORD = "wenshu"  # demo data


_UIDS = {}


def as_user(env, login):
    """An environment of the user ``login`` (looked up once, not measured)."""
    if login not in _UIDS:
        _UIDS[login] = env["res.users"].search([("login", "=", login)], limit=1).id
    return env(user=_UIDS[login], su=False)


def list_spec(model):
    """The fields of the model's default list view, as the web client asks."""
    arch = model.get_views([(False, "list")])["views"]["list"]["arch"]
    spec = {}
    for node in etree.fromstring(arch).findall("field"):
        field = model._fields.get(node.get("name"))
        if not field:
            continue
        relational = field.type in ("many2one", "many2many", "one2many")
        spec[field.name] = {"fields": {"display_name": {}}} if relational else {}
    return spec


def list_view(model_name, login, domain=None):
    def run(env):
        model = as_user(env, login)[model_name]
        model.web_search_read(
            domain or [], list_spec(model), limit=80, count_limit=10001
        )

    return run


# ----------------------------------------------------------------------
# The operations, each with the core operation it is compared with
# ----------------------------------------------------------------------


def _scan(login, code):
    """What the scan window (扫码查找) does with a scanned or typed code."""
    return lambda e: as_user(e, login)["office.document.scan.wizard"]._office_find(code)


def lookups(env):
    base = "baseline: res.partner by reference"
    yield (
        base,
        None,
        lambda e: e["res.partner"].search([("ref", "=", "P4242")]),
    )
    if "office.incoming.document" in env:
        doc = env["office.incoming.document"].search([], limit=1, offset=5000)
        name = doc.name
        yield (
            "incoming document by registration number (clerk)",
            base,
            lambda e: as_user(e, CLERK)["office.incoming.document"].search(
                [("name", "=", name)]
            ),
        )
        yield (
            "scan window: QR code of a processing slip (clerk)",
            base,
            _scan(CLERK, doc._office_qr_value()),
        )
        yield (
            "scan window: typed registration number (clerk)",
            base,
            _scan(CLERK, name),
        )
    if "office.outgoing.document" in env:
        number = (
            env["office.outgoing.document"]
            .search([("number", "!=", False)], limit=1, offset=3000)
            .number
        )
        yield (
            "outgoing document by document number (clerk)",
            "baseline: res.partner by reference",
            lambda e: as_user(e, CLERK)["office.outgoing.document"].search(
                [("number", "=", number)]
            ),
        )
        yield (
            "scan window: typed document number (clerk)",
            base,
            _scan(CLERK, number),
        )
    if "office.archive.item" in env:
        code = (
            env["office.archive.item"]
            .search([("name", "!=", False)], limit=1, offset=20000)
            .name
        )
        yield (
            "archive item by archival code (archivist)",
            base,
            lambda e: as_user(e, ARCHIVIST)["office.archive.item"].search(
                [("name", "=", code)]
            ),
        )


OFFICE = (("clerk", CLERK), ("department user", DEPT_USER))
LIST_MODELS = (
    ("office.incoming.document", OFFICE),
    ("office.outgoing.document", OFFICE),
    ("office.seal.use.request", OFFICE),
    ("office.seal.ledger", OFFICE),
    ("office.archive.item", (("archivist", ARCHIVIST), ("department user", DEPT_USER))),
    ("office.fleet.trip", (("dispatcher", DISPATCHER), ("department user", DEPT_USER))),
    (
        "office.risk.event",
        (("internal control", INTERNAL_CONTROL), ("department user", DEPT_USER)),
    ),
)


def list_views(env):
    base = "baseline: res.partner list, 80 rows"
    yield base, None, list_view("res.partner", CLERK)
    if "fleet.vehicle.log.services" in env:
        yield (
            "baseline: fleet.vehicle.log.services list",
            None,
            list_view("fleet.vehicle.log.services", "admin"),
        )
    for name, users in LIST_MODELS:
        if name not in env:
            continue
        for who, login in users:
            if as_user(env, login)[name].has_access("read"):
                yield f"{name} list, {who}", base, list_view(name, login)
    yield (
        "approvals inbox of the principal leader",
        base,
        list_view("tier.review", LEADER, [("status", "=", "pending")]),
    )


def _register(env):
    sender = env["res.partner"].search([("office_sender_level", "=", "upper")], limit=1)
    as_user(env, CLERK)["office.incoming.document"].create(
        {
            "sender_id": sender.id,
            "title": "基准测试来文",
            "sender_ref": "湘财〔2026〕1号",
        }
    )


def _number(env):
    Outgoing = env["office.outgoing.document"]
    doc = Outgoing.search([("state", "=", "first_read")], limit=1)
    doc.with_user(doc.env.ref("base.user_admin")).action_number()


def _stamp(env):
    Request = env["office.seal.use.request"]
    request = Request.search([("state", "=", "approved")], limit=1)
    keeper = request.seal_ids[:1].custodian_id
    request.with_user(keeper).stamp(1)


def _file(env):
    Item = as_user(env, ARCHIVIST)["office.archive.item"]
    Item.search([("state", "=", "draft")], limit=1).action_file()


def _trip(env):
    """The dispatcher logs a trip: the car leaves, comes back with its
    odometer reading, fuel and tolls."""
    # an official car of the agency (a rented one also books the rental bill)
    vehicle = env["fleet.vehicle"].search(
        [("office_state", "=", "available"), ("is_rented", "=", False)],
        order="id desc",
        limit=1,
    )
    odometer = env["office.fleet.trip"]._last_odometer(vehicle)

    def run(e):
        trip = as_user(e, DISPATCHER)["office.fleet.trip"].create(
            {"vehicle_id": vehicle.id, "reason": "基准出车", "destination": "市政府"}
        )
        trip.depart(odometer + 10)
        trip.register_return(odometer + 52, fuel_liters=4.0, toll_amount=15.0)

    return run


def _partner_step(env):
    partner = env["res.partner"].create({"name": "基准单位"})
    partner.activity_schedule("mail.mail_activity_data_todo", summary="基准")


def steps(env):
    base = "baseline: res.partner create + activity"
    yield base, None, _partner_step
    if "office.incoming.document" in env:
        yield "register one incoming document", base, _register
    if "office.outgoing.document" in env:
        yield "number one outgoing document", base, _number
    if "office.seal.use.request" in env:
        yield "stamp one approved request", base, _stamp
    if "office.archive.item" in env:
        yield "file one archive item (archival code)", base, _file
    if "office.fleet.trip" in env:
        yield "log one trip (out and back)", base, _trip(env)


def batch(env):
    count = int(os.environ.get("BENCH_BATCH", "10000"))
    base = f"baseline: res.partner batch create x{count}"
    yield (
        base,
        None,
        lambda e: e["res.partner"].create([{"name": f"批量{i}"} for i in range(count)]),
    )
    if "office.incoming.document" in env:
        sender = env["res.partner"].search(
            [("office_sender_level", "=", "upper")], limit=1
        )
        vals = [
            {"sender_id": sender.id, "title": f"批量来文{i}", "channel": "exchange"}
            for i in range(count)
        ]
        yield (
            f"incoming documents batch create x{count} (clerk)",
            base,
            lambda e: as_user(e, CLERK)["office.incoming.document"].create(vals),
        )
        with tempfile.TemporaryDirectory() as tmp:
            yield (
                f"incoming documents batch create x{count} over XML-RPC (clerk)",
                base,
                rpc_batch(env, count, Path(tmp, "odoo.log")),
            )


def _year_ids(env, count):
    """The first ``count`` documents of the last full year of the register."""
    env.cr.execute(
        """SELECT id FROM office_incoming_document
            WHERE received_at >= date_trunc('year', now()) - interval '1 year'
              AND received_at < date_trunc('year', now())
         ORDER BY received_at, id LIMIT %s""",
        [count],
    )
    return [row[0] for row in env.cr.fetchall()]


def exports(env):
    if "office.incoming.document" not in env:
        return
    xmlid = "office_docs.office_incoming_document_report_register_xlsx"
    full = int(os.environ.get("BENCH_EXPORT", "100000"))
    for count in (full // 10, full):
        ids = _year_ids(env, count)
        yield (
            f"incoming register xlsx, {len(ids):,} rows of one year (clerk)",
            None,
            lambda e, ids=ids: as_user(e, CLERK)["ir.actions.report"]._render(
                xmlid, ids
            ),
        )


# ----------------------------------------------------------------------
# A batch over real XML-RPC: an Odoo HTTP server on the bench database
# ----------------------------------------------------------------------


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _start_server(db, port, logfile):
    odoo_bin = Path(odoo.__path__[0]).parent / "odoo-bin"
    return subprocess.Popen(
        [
            sys.executable,
            str(odoo_bin),
            "-c",
            os.environ["ODOO_RC"],
            "-d",
            db,
            "--db-filter",
            f"^{db}$",
            "--http-interface",
            "127.0.0.1",
            "--http-port",
            str(port),
            "--workers",
            "0",
            "--max-cron-threads",
            "0",
            "--log-level",
            "info",
            "--logfile",
            str(logfile),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _wait_for(url, server, timeout=120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("the Odoo server stopped")
        try:
            return xmlrpc.client.ServerProxy(f"{url}/xmlrpc/2/common").version()
        except (OSError, xmlrpc.client.ProtocolError):
            time.sleep(0.5)
    raise RuntimeError("the Odoo server did not start")


def _request_perf(logfile):
    """Queries and server time (ms) of the last XML-RPC call, from Odoo's
    request log line (``… 200 - <queries> <query s> <other s>``)."""
    pattern = re.compile(r'"POST /xmlrpc/2/object [^"]*" 200 - (\d+) ([\d.]+) ([\d.]+)')
    matches = pattern.findall(Path(logfile).read_text(errors="replace"))
    queries, query_s, other_s = matches[-1]
    return int(queries), (float(query_s) + float(other_s)) * 1000


def rpc_batch(env, count, logfile):
    """Create ``count`` incoming documents in one XML-RPC call as the clerk;
    the documents are committed by the server, so they are removed again."""
    db = env.cr.dbname
    env.cr.commit()
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    server = _start_server(db, port, logfile)
    title = "RPC批量来文"
    try:
        _wait_for(url, server)
        uid = xmlrpc.client.ServerProxy(f"{url}/xmlrpc/2/common").authenticate(
            db, CLERK, CLERK_PASSWORD, {}
        )
        sender = env["res.partner"].search(
            [("office_sender_level", "=", "upper")], limit=1
        )
        vals = [
            {"sender_id": sender.id, "title": f"{title}{i}", "channel": "exchange"}
            for i in range(count)
        ]
        objects = xmlrpc.client.ServerProxy(f"{url}/xmlrpc/2/object", allow_none=True)
        t0 = time.perf_counter()
        objects.execute_kw(
            db, uid, CLERK_PASSWORD, "office.incoming.document", "create", [vals]
        )
        client_ms = (time.perf_counter() - t0) * 1000
    finally:
        server.terminate()
        server.wait(timeout=60)
    queries, server_ms = _request_perf(logfile)
    _remove_batch(env, title)
    say(f"XML-RPC batch: {server_ms:.0f} ms server, {client_ms:.0f} ms client")
    return Result(
        "",
        server_ms,
        queries,
        note=f"{client_ms:.0f} ms at the client",
    )


def _remove_batch(env, title):
    env.cr.commit()  # a new snapshot, which sees what the server committed
    env.cr.execute(
        "SELECT id FROM office_incoming_document WHERE title LIKE %s",
        [f"{title}%"],
    )
    ids = [row[0] for row in env.cr.fetchall()]
    model = "office.incoming.document"
    env.cr.execute(
        "DELETE FROM mail_message WHERE model = %s AND res_id = ANY(%s)", [model, ids]
    )
    for table in ("mail_followers", "mail_activity"):
        env.cr.execute(
            f"DELETE FROM {table} WHERE res_model = %s AND res_id = ANY(%s)",
            [model, ids],
        )
    env.cr.execute("DELETE FROM office_incoming_document WHERE id = ANY(%s)", [ids])
    env.cr.commit()


def crons(env):
    """Every scheduled action of our addons, over the whole data."""
    data = env["ir.model.data"].search(
        [("model", "=", "ir.cron"), ("module", "=like", "office_%")]
    )
    for cron in (
        env["ir.cron"].browse(data.mapped("res_id")).with_context(active_test=False)
    ):
        yield (
            f"cron: {cron.with_context(lang='en_US').cron_name}",
            None,
            lambda e, cron=cron: (
                e["ir.actions.server"].browse(cron.ir_actions_server_id.id).run()
            ),
        )


# ----------------------------------------------------------------------


def _row(result, baselines, target):
    base = baselines.get(result.name)
    ratio = f"{result.ms / base.ms:.2f}" if base else ""
    peak = f"{result.peak_mb:.0f}" if result.peak_mb is not None else ""
    name = f"{result.name} ({result.note})" if result.note else result.name
    return (
        f"| {name} | {result.ms:.1f} | {result.queries} | {peak} | "
        f"{base.name.removeprefix('baseline: ') if base else ''} | {ratio} | {target} |"
    )


GROUPS = (
    ("Lookups", lookups, 7, False, "≤ 5 queries, < 20 ms"),
    ("List views (80 rows with count)", list_views, 5, False, "< 300 ms"),
    ("Single workflow steps", steps, 5, False, "constant queries, ≤ 2× core"),
    ("Batch create", batch, 1, False, "≤ 2× core"),
    ("Exports", exports, 1, True, "< 30 s, memory flat"),
    ("Scheduled actions (whole data)", crons, 1, True, "< 60 s, < 500 MB"),
)


def main():
    lines = []
    with bench_environment() as env:
        sizes = {}
        for model in ("office.incoming.document", "office.outgoing.document"):
            if model in env:
                env.cr.execute(f"SELECT count(*) FROM {env[model]._table}")
                sizes[model] = env.cr.fetchone()[0]
        lines.append(
            "| operation | ms (median) | queries | peak MB | compared with | ratio "
            "| target |"
        )
        lines.append("|---|---:|---:|---:|---|---:|---|")
        for title, ops, repeat, memory, target in GROUPS:
            say(f"== {title}")
            lines.append(f"| **{title}** | | | | | | |")
            measured = {}
            for name, base_name, func in ops(env):
                if isinstance(func, Result):  # measured its own way
                    result, func.name = func, name
                else:
                    result = measure(env, name, func, repeat=repeat, memory=memory)
                measured[name] = result
                base = measured.get(base_name)
                lines.append(_row(result, {name: base} if base else {}, target))
        env.cr.rollback()
    header = [
        "# Latest benchmark results",
        "",
        f"Scale {os.environ.get('BENCH_SCALE', '1')}; "
        + ", ".join(f"{m}: {n:,} rows" for m, n in sizes.items()),
        "",
    ]
    RESULTS.write_text("\n".join(header + lines) + "\n")
    say(f"results written to {RESULTS}")


if __name__ == "__main__":
    main()
