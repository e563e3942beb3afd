"""Fixtures for the cross-addon integration tests in tests/.

These tests talk to a real Odoo server over XML-RPC, the way an external
system (a document exchange, an OA portal, a reporting tool) would.

* ``odoo_server`` (session scope) starts ``odoo-bin`` from the venv with
  ``.run/odoo.conf`` (made by ``scripts/setup``) on a free port, waits until
  ``/web/webclient/version_info`` answers and stops it after the session.
  The database is ``$OFFICE_TEST_DB`` (scripts/test sets it to the database
  its Odoo tests just installed); when unset, a fresh database with every
  addon under addons/ (demo data, zh_CN) is created first and dropped at
  the end.
* ``odoo`` is the same object under a shorter name.

The server object has ``url``, ``db``, ``port``, ``log_path`` and helpers::

    uid = odoo.login("admin", "admin")
    ids = odoo.call("admin", "admin", "res.partner", "search", [[]], limit=1)

Server output goes to .run/logs/pytest-odoo-server.log.
"""

import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
import xmlrpc.client
from configparser import RawConfigParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RUN = ROOT / ".run"
LOGS = RUN / "logs"
CONF = RUN / "odoo.conf"
PYTHON = ROOT / ".venv" / "bin" / "python"
START_TIMEOUT = 120


def _conf():
    if not CONF.is_file():
        pytest.exit(f"{CONF} is missing: run scripts/setup (or scripts/test) first", 2)
    parser = RawConfigParser()
    parser.read(CONF)
    return parser["options"]


def _odoo_src():
    """ODOO_SRC from the environment, else the Odoo tree in addons_path."""
    src = os.environ.get("ODOO_SRC")
    if src and (Path(src) / "odoo-bin").is_file():
        return Path(src)
    for entry in _conf().get("addons_path", "").split(","):
        path = Path(entry.strip())
        src = path.parent.parent
        if path.parts[-2:] == ("odoo", "addons") and (src / "odoo-bin").is_file():
            return src
    pytest.exit("cannot find odoo-bin: set ODOO_SRC or run scripts/setup", 2)


def our_addons():
    """Names of the addons under addons/ (folders with a __manifest__.py)."""
    return sorted(p.parent.name for p in (ROOT / "addons").glob("*/__manifest__.py"))


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _odoo_cmd(*args):
    return [str(PYTHON), str(_odoo_src() / "odoo-bin"), "-c", str(CONF), *args]


def _tail(path, lines=30):
    try:
        return "\n".join(Path(path).read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


def _psql_run(db, *args):
    conf = _conf()
    cmd = ["psql", "-X", "-d", db, *args]
    for key, flag in (("db_host", "-h"), ("db_port", "-p"), ("db_user", "-U")):
        value = conf.get(key, "False")
        if value and value != "False":
            cmd += [flag, value]
    env = dict(os.environ)
    if conf.get("db_password", "False") not in ("", "False"):
        env["PGPASSWORD"] = conf["db_password"]
    return subprocess.run(cmd, check=False, capture_output=True, text=True, env=env)


def _psql(sql):
    return _psql_run("postgres", "-q", "-c", sql)


def sql_rows(db, query):
    """Rows of a query run with psql in database db, as lists of strings."""
    done = _psql_run(db, "-qtA", "-F", "\t", "-c", query)
    done.check_returncode()
    return [line.split("\t") for line in done.stdout.splitlines() if line]


def new_outgoing_draft(odoo, title, staff=("zhouli", "zhouli"), **values):
    """A draft outgoing notice of the budget section, to one lower body
    (``values``: more fields, e.g. its secrecy level)."""
    lower = [("office_sender_level", "=", "lower")]
    [partner] = odoo.call(*staff, "res.partner", "search", lower, limit=1)
    [code] = odoo.call("wenshu", "wenshu", "office.issuing.code", "search", [], limit=1)
    return odoo.call(
        *staff,
        "office.outgoing.document",
        "create",
        {
            "title": title,
            "type_id": odoo.ref("office_docs.document_type_notice"),
            "issuing_code_id": code,
            "main_recipient_ids": [(6, 0, [partner])],
            **values,
        },
    )


def _create_database(db):
    """Install every addon (or base,web) with demo data and zh_CN into db."""
    LOGS.mkdir(parents=True, exist_ok=True)
    log_path = LOGS / "pytest-odoo-db.log"
    modules = ",".join(our_addons()) or "base,web"
    with open(log_path, "w") as log:
        proc = subprocess.run(
            _odoo_cmd(
                "-d",
                db,
                "-i",
                modules,
                "--load-language=zh_CN",
                "--stop-after-init",
                "--no-http",
                "--max-cron-threads=0",
            ),
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            check=False,
        )
    if proc.returncode != 0:
        pytest.exit(
            f"installing {modules} into {db} failed (see {log_path}):\n"
            f"{_tail(log_path)}",
            1,
        )


def _drop_database(db):
    _psql(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
    data_dir = _conf().get("data_dir")
    if data_dir:
        shutil.rmtree(Path(data_dir) / "filestore" / db, ignore_errors=True)


class OdooServer:
    """A running Odoo server and XML-RPC helpers."""

    def __init__(self, db, port, process, log_path):
        self.db = db
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self.process = process
        self.log_path = log_path
        self._uids = {}

    # -- plumbing ---------------------------------------------------------
    def proxy(self, service):
        """xmlrpc.client proxy for /xmlrpc/2/<service> (common, object, db)."""
        return xmlrpc.client.ServerProxy(
            f"{self.url}/xmlrpc/2/{service}", allow_none=True
        )

    def jsonrpc(self, path, params=None, timeout=10):
        """POST a JSON-RPC call to a web route and return its result."""
        payload = {"jsonrpc": "2.0", "method": "call", "params": params or {}, "id": 1}
        req = urllib.request.Request(
            self.url + path,
            data=json.dumps(payload).encode(),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            answer = json.load(resp)
        if "error" in answer:
            raise RuntimeError(answer["error"])
        return answer["result"]

    def version_info(self):
        return self.jsonrpc("/web/webclient/version_info")

    # -- helpers the tests use ----------------------------------------------
    def login(self, login, password):
        """Authenticate; return the uid (False/None when refused)."""
        uid = self.proxy("common").authenticate(self.db, login, password, {})
        if uid:
            self._uids[(login, password)] = uid
        return uid

    def call(self, login, password, model, method, *args, **kw):
        """execute_kw as that user: call(login, pw, "res.partner", "read", [ids])."""
        uid = self._uids.get((login, password)) or self.login(login, password)
        if not uid:
            raise PermissionError(f"login refused for {login!r} on {self.db}")
        return self.proxy("object").execute_kw(
            self.db, uid, password, model, method, list(args), kw
        )

    def ref(self, xmlid):
        """Database id of an external id such as ``office_base.group_office_user``."""
        module, name = xmlid.split(".")
        # ir.model.data itself: the system administrator reads no office
        # record (三员分立), so check_object_reference would be refused
        [found] = self.call(
            "admin",
            "admin",
            "ir.model.data",
            "search_read",
            [("module", "=", module), ("name", "=", name)],
            ["res_id"],
        )
        return found["res_id"]

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)


def _wait_until_up(server):
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(
                f"Odoo exited with {server.process.returncode} while starting "
                f"(see {server.log_path}):\n{_tail(server.log_path)}"
            )
        try:
            server.version_info()
            return
        except (OSError, urllib.error.URLError, RuntimeError, ValueError):
            time.sleep(0.5)
    raise RuntimeError(
        f"Odoo did not answer within {START_TIMEOUT}s (see {server.log_path}):\n"
        f"{_tail(server.log_path)}"
    )


@pytest.fixture(scope="session")
def odoo_server():
    db = os.environ.get("OFFICE_TEST_DB")
    created = False
    if not db:
        db = f"office_pytest_{secrets.token_hex(4)}"
        _create_database(db)
        created = True
    if not re.fullmatch(r"[\w.-]+", db):
        pytest.exit(f"unsupported database name {db!r}", 2)

    LOGS.mkdir(parents=True, exist_ok=True)
    log_path = LOGS / "pytest-odoo-server.log"
    port = _free_port()
    log = open(log_path, "w")  # closed in the finally clause below
    process = subprocess.Popen(
        _odoo_cmd(
            "-d",
            db,
            "--http-port",
            str(port),
            "--db-filter",
            f"^{re.escape(db)}$",
            "--workers=0",
            "--max-cron-threads=0",
        ),
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
    )
    server = OdooServer(db, port, process, log_path)
    try:
        _wait_until_up(server)
        if created:
            # like scripts/setup does for the dev database
            server.call("admin", "admin", "res.users", "write", [2], {"lang": "zh_CN"})
        yield server
    finally:
        server.stop()
        log.close()
        if created:
            _drop_database(db)


@pytest.fixture(scope="session")
def odoo(odoo_server):
    """Short alias of odoo_server."""
    return odoo_server


@pytest.fixture(scope="session")
def test_db(request):
    """The test database's name, without a server when OFFICE_TEST_DB names
    it (the tests that only copy it run beside the server's tests)."""
    return os.environ.get("OFFICE_TEST_DB") or request.getfixturevalue("odoo").db
