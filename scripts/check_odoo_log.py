#!/usr/bin/env python3
"""Judge the log of an ``odoo-bin --test-enable`` run (used by scripts/test).

Usage: check_odoo_log.py [--install] LOGFILE ADDONS_DIR [ADDON ...]

With --install the log is of an installation without tests (scripts/odoo-tests
runs the tests through pytest-odoo afterwards): no test result is expected.

Prints the offending lines to stderr and, as the last line of stdout,
``<tests run> <failed> <errors> <skipped> <problems> <passed>`` where
problems counts the classes of log problems found (each class counts once):

* ERROR or CRITICAL records (any logger);
* WARNING records about our addons (logger or message mentions ``office_``
  or the addons folder) or of a kind that always means a broken addon
  (invalid views, missing access rules, duplicate fields, translation
  problems, ...), minus a short allow-list of base Odoo noise;
* skipped tests (``<test module logger>: skipped <test> : <reason>``, logged
  at INFO by OdooTestResult.addSkip), e.g. a browser tour without Chrome;
* an addon with tests/test_*.py files that ran no test at all (its tests
  are probably not imported in tests/__init__.py);
* test result lines missing although tests were expected.

The test counts come from the ``odoo.tests.result`` line(s)
``N failed, N error(s) of N tests when loading database 'db'``; they are
summed when there are several.
"""

import os
import re
import sys

RECORD_RE = re.compile(
    r"^(?P<ts>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}) (?P<pid>\d+) (?P<level>[A-Z]+) "
    r"(?P<db>\S+) (?P<logger>[\w.\-]+): (?P<msg>.*)$"
)
RESULT_RE = re.compile(
    r"(?P<failed>\d+) failed, (?P<errors>\d+) error\(s\) of (?P<run>\d+) tests "
    r"when loading database"
)
STATS_RE = re.compile(r"^(?P<module>\w+): (?P<count>\d+) tests ")
SKIP_RE = re.compile(r"^skipped (?P<test>.+?) : (?P<reason>.*)$")

# WARNING messages that always point at a broken addon, whoever logs them
BAD_WARNING_RE = re.compile(
    r"is not valid|invalid view|no access rules|defined twice|two fields|"
    r"translation|unknown field|unknown parameter|does not exist|deprecated|"
    r"inconsistent|websocket-client module is not installed|"
    r"chrome|browser",
    re.IGNORECASE,
)

# Known, harmless WARNING records of base Odoo on this kind of machine.
# Each entry: (logger regex, message regex). Keep them narrow.
ALLOWED_WARNINGS = []

# ERROR records that are not failures. Keep them as narrow as the warnings.
ALLOWED_ERRORS = [
    # the test HTTP server logs it when a browser of a tour leaves an idle
    # keep-alive connection open until the socket times out (seen on a busy
    # 2-core machine); a tour that really fails fails its test
    (r"^werkzeug$", r"Request timed out: TimeoutError\('timed out'\) - - -$"),
]

# Known, harmless lines written outside the logging system.
ALLOWED_OUTPUT = [
    # odoo-bin writes this to stderr when run as root (containers, CI)
    r"^Running as user 'root' is a security risk\.$",
]


def allowed(logger, msg, rules=ALLOWED_WARNINGS):
    return any(re.search(lg, logger) and re.search(ms, msg) for lg, ms in rules)


def parse(path):
    """Yield [level, logger, msg, lines, db] per log record."""
    current = None
    with open(path, encoding="utf-8", errors="replace") as fh:
        for raw in fh:
            line = raw.rstrip("\n")
            m = RECORD_RE.match(line)
            if m:
                if current:
                    yield current
                current = [m["level"], m["logger"], m["msg"], [line], m["db"]]
            elif current:
                current[3].append(line)
            elif line.strip():
                # output before the first record (e.g. an import crash)
                yield ["OUTPUT", "", line, [line], ""]
    if current:
        yield current


def ours(text, addons_dir, addons):
    if "office_" in text or (addons_dir and addons_dir in text):
        return True
    return any(re.search(rf"\b{re.escape(a)}\b", text) for a in addons)


class Findings:
    def __init__(self):
        self.run = self.failed = self.errors = self.results = 0
        self.stats = {}
        self.errors_found, self.warnings_found = [], []
        self.skips_found, self.output_found = [], []


def collect(path, addons_dir, addons):
    """Sort the records of the log at path into Findings."""
    found = Findings()
    for level, logger, msg, lines, db in parse(path):
        if level == "OUTPUT":
            if not any(re.search(rx, msg) for rx in ALLOWED_OUTPUT):
                found.output_found.append(msg)
            continue
        m = RESULT_RE.search(msg) if logger == "odoo.tests.result" else None
        if m:
            # logged at ERROR when a test failed (counted there) or at
            # WARNING when no test ran
            found.results += 1
            found.run += int(m["run"])
            found.failed += int(m["failed"])
            found.errors += int(m["errors"])
            continue
        m = STATS_RE.match(msg) if logger == "odoo.tests.stats" else None
        if m:
            found.stats[m["module"]] = found.stats.get(m["module"], 0) + int(m["count"])
        if level == "INFO" and SKIP_RE.match(msg):
            found.skips_found.append(lines[0])
        elif level in ("ERROR", "CRITICAL"):
            if not (level == "ERROR" and allowed(logger, msg, ALLOWED_ERRORS)):
                found.errors_found.append("\n".join(lines[:15]))
        elif level == "WARNING" and not allowed(logger, msg):
            # logger, message and traceback, without the record's prefix and
            # the database name (office_test_... would match "office_")
            text = "\n".join([f"{logger}: {msg}", *lines[1:]])
            if db not in ("?", ""):
                text = text.replace(db, "<db>")
            if ours(text, addons_dir, addons) or BAD_WARNING_RE.search(msg):
                found.warnings_found.append("\n".join(lines[:10]))
    return found


def addons_with_tests(addons_dir, addons):
    result = []
    for addon in addons:
        folder = os.path.join(addons_dir, addon, "tests")
        if os.path.isdir(folder) and any(
            f.startswith("test_") and f.endswith(".py") for f in os.listdir(folder)
        ):
            result.append(addon)
    return result


def main(argv):
    install_only = "--install" in argv
    argv = [a for a in argv if a != "--install"]
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    path, addons_dir, addons = argv[1], os.path.abspath(argv[2]), argv[3:]
    found = collect(path, addons_dir, addons)
    problems = 0

    def report(title, items, limit=30):
        nonlocal problems
        if not items:
            return
        problems += 1
        print(f"odoo log: {title} ({len(items)}):", file=sys.stderr)
        for item in items[:limit]:
            print("  " + item.replace("\n", "\n  "), file=sys.stderr)
        if len(items) > limit:
            print(f"  ... {len(items) - limit} more in {path}", file=sys.stderr)

    report("ERROR/CRITICAL records", found.errors_found)
    report("WARNING records about our addons", found.warnings_found)
    report("skipped tests (a skip is a failure here)", found.skips_found)
    report("output outside log records", [o for o in found.output_found if o.strip()])
    with_tests = [] if install_only else addons_with_tests(addons_dir, addons)
    if with_tests and not found.results:
        report("no test result line in the log (did Odoo crash?)", [path])
    else:
        report(
            "addons with tests/test_*.py that ran no test "
            "(import them in tests/__init__.py)",
            [a for a in with_tests if not found.stats.get(a)],
        )
    # class/module-level skips ("skipped setUpClass (...)") are not in testsRun
    skipped_in_run = sum(" setUp" not in line for line in found.skips_found)
    passed = max(0, found.run - found.failed - found.errors - skipped_in_run)
    print(
        f"{found.run} {found.failed} {found.errors} {len(found.skips_found)} "
        f"{problems} {passed}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
