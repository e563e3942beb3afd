"""Upgrading the suite keeps the data, and a migration script runs.

A copy of the test database (every addon, demo data, the records the other
tests made) is upgraded with ``-u`` for all our addons. Before that, a copy of
office_base with its version bumped and a post-migration script is put first
in the addons path, as a new release would ship. Afterwards every table of our
addons holds the same rows and the migration has run exactly once."""

import ast
import os
import shutil
import subprocess

from conftest import LOGS, ROOT, _conf, _drop_database, _odoo_cmd, _tail, our_addons

MIGRATION = """
def migrate(cr, version):
    cr.execute(
        "INSERT INTO ir_config_parameter (key, value) VALUES "
        "('office_base.upgrade_test', %s) ON CONFLICT (key) DO UPDATE "
        "SET value = ir_config_parameter.value || ',' || EXCLUDED.value",
        [version],
    )
"""


PARAM = "SELECT value FROM ir_config_parameter WHERE key = 'office_base.upgrade_test'"
LATEST = "SELECT latest_version FROM ir_module_module WHERE name = 'office_base'"


def _pg_args():
    conf, args = _conf(), []
    for key, flag in (("db_host", "-h"), ("db_port", "-p"), ("db_user", "-U")):
        value = conf.get(key, "False")
        if value and value != "False":
            args += [flag, value]
    return args


def _sql(db, query):
    out = subprocess.run(
        ["psql", "-X", "-qtA", "-d", db, *_pg_args(), "-c", query],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return out.strip()


def _copy(source, target):
    subprocess.run(["createdb", *_pg_args(), target], check=True)
    dump = subprocess.Popen(
        ["pg_dump", "-Fc", *_pg_args(), source], stdout=subprocess.PIPE
    )
    subprocess.run(
        ["pg_restore", "--no-owner", "-d", target, *_pg_args()],
        stdin=dump.stdout,
        check=True,
        capture_output=True,
    )
    assert dump.wait() == 0
    data_dir = _conf().get("data_dir")
    if data_dir and os.path.isdir(f"{data_dir}/filestore/{source}"):
        shutil.copytree(
            f"{data_dir}/filestore/{source}", f"{data_dir}/filestore/{target}"
        )


def _row_counts(db):
    tables = _sql(
        db,
        "SELECT string_agg(format('SELECT %L, count(*) FROM %I', tablename, "
        "tablename), ' UNION ALL ') FROM pg_tables "
        "WHERE schemaname = current_schema() AND tablename LIKE 'office\\_%'",
    )
    return dict(line.split("|") for line in _sql(db, tables).splitlines())


def _next_release(tmp_path):
    """office_base as its next release: version bumped, a migration script."""
    target = tmp_path / "office_base"
    shutil.copytree(ROOT / "addons" / "office_base", target)
    manifest = target / "__manifest__.py"
    data = ast.literal_eval(manifest.read_text())
    major, minor, patch = map(int, data["version"].split(".")[2:5])
    version = f"18.0.{major}.{minor}.{patch + 1}"
    manifest.write_text(
        manifest.read_text().replace(f'"{data["version"]}"', f'"{version}"')
    )
    scripts = target / "migrations" / version
    scripts.mkdir(parents=True)
    (scripts / "post-migrate.py").write_text(MIGRATION)
    return version


def test_upgrade_keeps_data_and_runs_migrations(odoo, tmp_path):
    target = f"{odoo.db}_upgrade"
    _drop_database(target)
    try:
        _copy(odoo.db, target)
        before = _row_counts(target)
        old_version = _sql(target, LATEST)
        version = _next_release(tmp_path)
        addons_path = f"{tmp_path},{_conf()['addons_path']}"
        log_path = LOGS / "upgrade.log"
        with open(log_path, "w") as log:
            code = subprocess.run(
                _odoo_cmd(
                    "-d",
                    target,
                    f"--addons-path={addons_path}",
                    "-u",
                    ",".join(our_addons()),
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
        assert code == 0 and " ERROR " not in text, _tail(log_path)
        after = _row_counts(target)
        shrunk = {
            t: (n, after.get(t))
            for t, n in before.items()
            if int(after.get(t, 0)) < int(n)
        }
        assert not shrunk, f"rows lost by the upgrade (before, after): {shrunk}"
        assert _sql(target, PARAM) == old_version, "the migration did not run once"
        assert _sql(target, LATEST) == version
    finally:
        _drop_database(target)
