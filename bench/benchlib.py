"""Shared helpers of the benchmark: an Odoo environment outside the server,
set-based replication of template rows, and measurement of time, queries and
memory.

Run through bench/run, which sets ODOO_RC and the database."""

import contextlib
import os
import statistics
import sys
import time
import tracemalloc

import odoo
from odoo import SUPERUSER_ID, api
from odoo.modules.registry import Registry


@contextlib.contextmanager
def environment(db=None):
    """Yield a superuser environment on ``db``; commit on success."""
    odoo.tools.config.parse_config(["-c", os.environ["ODOO_RC"]])
    db = db or os.environ["BENCH_DB"]
    registry = Registry(db)
    with registry.cursor() as cr:
        yield api.Environment(
            cr, SUPERUSER_ID, {"lang": "zh_CN", "tz": "Asia/Shanghai"}
        )


_T0 = time.monotonic()
SLOW_S = 5  # an operation whose warm-up run takes longer is measured once more


def say(*args):
    print("bench:", *args, f"({time.monotonic() - _T0:.0f}s)", flush=True)


def scale(n):
    """n scaled by BENCH_SCALE (1.0 = agency scale), at least 1."""
    return max(1, int(n * float(os.environ.get("BENCH_SCALE", "1"))))


# ----------------------------------------------------------------------
# Replication
# ----------------------------------------------------------------------


def _columns(cr, table):
    cr.execute(
        """SELECT column_name FROM information_schema.columns
            WHERE table_name = %s AND table_schema = current_schema()
         ORDER BY ordinal_position""",
        [table],
    )
    return [row[0] for row in cr.fetchall() if row[0] != "id"]


def _many2many_tables(model):
    seen = set()
    for field in model._fields.values():
        if field.type == "many2many" and field.store and field.relation not in seen:
            seen.add(field.relation)
            yield field.relation, field.column1, field.column2


def replicate(
    model, source_ids, count, overrides=None, copy_many2many=True, skip_relations=()
):
    """Insert ``count`` rows into ``model``'s table, each a copy of one of
    ``source_ids`` (round robin) with column expressions ``overrides``.

    Expressions are SQL over ``g`` (1..count), ``s`` (the source row) and
    ``gen.new_id``. Stored many2many links of the source are copied too,
    except those of the tables ``skip_relations``. Returns
    the name of a temporary table ``(g, src_id, new_id)`` describing the new
    rows, for dependent inserts."""
    cr = model.env.cr
    table = model._table
    temp = f"bench_gen_{table}"
    overrides = overrides or {}
    cr.execute(f"DROP TABLE IF EXISTS {temp}")
    cr.execute(
        f"""CREATE TEMP TABLE {temp} AS
            SELECT g, (%s::int[])[1 + (g %% %s)] AS src_id,
                   nextval('{table}_id_seq') AS new_id
              FROM generate_series(1, %s) g""",
        [list(source_ids), len(source_ids), count],
    )
    columns = _columns(cr, table)
    exprs = [overrides.get(col, f's."{col}"') for col in columns]
    col_list = ", ".join(f'"{col}"' for col in columns)
    cr.execute(
        f"""INSERT INTO "{table}" (id, {col_list})
            SELECT gen.new_id, {", ".join(exprs)}
              FROM {temp} gen JOIN "{table}" s ON s.id = gen.src_id"""
    )
    if copy_many2many:
        for relation, col1, col2 in _many2many_tables(model):
            if relation in skip_relations:
                continue
            cr.execute(
                f"""INSERT INTO "{relation}" ("{col1}", "{col2}")
                    SELECT gen.new_id, rel."{col2}"
                      FROM {temp} gen JOIN "{relation}" rel
                        ON rel."{col1}" = gen.src_id
                    ON CONFLICT DO NOTHING"""
            )
    cr.execute(f"SELECT setval('{table}_id_seq', (SELECT max(id) FROM \"{table}\"))")
    cr.execute(f'ANALYZE "{table}"')
    model.env.invalidate_all()
    return temp


# ----------------------------------------------------------------------
# Measurement
# ----------------------------------------------------------------------


class Result:
    def __init__(self, name, ms, queries, peak_mb=None, note=""):
        self.name, self.ms, self.queries = name, ms, queries
        self.peak_mb, self.note = peak_mb, note


def measure(env, name, func, repeat=5, rollback=True, memory=False, note=""):
    """Median server time (ms) and highest query count of ``func(env)`` over
    ``repeat`` runs after a warm-up run (a server's caches are warm), each
    rolled back to a savepoint; with ``memory`` one more run under tracemalloc
    gives the peak of Python allocations (MB)."""
    cr = env.cr
    times, queries = [], []
    if repeat > 1:
        with _savepoint(cr, rollback):
            env.invalidate_all()  # what the operation before left in the cache
            t0 = time.perf_counter()
            func(env)
            env.flush_all()
        if time.perf_counter() - t0 > SLOW_S:
            repeat = 1  # seconds, not milliseconds: one more run tells enough
    if os.environ.get("BENCH_SQL_LOG") == name:
        _log_queries(env, func)
    for _ in range(repeat):
        with _savepoint(cr, rollback):
            env.invalidate_all()
            count0 = cr.sql_log_count
            t0 = time.perf_counter()
            func(env)
            env.flush_all()
            times.append((time.perf_counter() - t0) * 1000)
            queries.append(cr.sql_log_count - count0)
    peak = None
    if memory:
        with _savepoint(cr, rollback):
            env.invalidate_all()
            tracemalloc.start()
            func(env)
            env.flush_all()
            peak = tracemalloc.get_traced_memory()[1] / 2**20
            tracemalloc.stop()
    result = Result(name, statistics.median(times), max(queries), peak, note)
    say(f"{name}: {result.ms:.1f} ms, {result.queries} queries")
    return result


def _log_queries(env, func):
    """Print the SQL of one run (BENCH_SQL_LOG=<operation name>)."""
    import logging

    logger = logging.getLogger("odoo.sql_db")
    handler = logging.StreamHandler(sys.stdout)
    old_level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        with _savepoint(env.cr, True):
            env.invalidate_all()
            func(env)
            env.flush_all()
    finally:
        logger.setLevel(old_level)
        logger.removeHandler(handler)


@contextlib.contextmanager
def _savepoint(cr, rollback):
    if not rollback:
        yield
        return
    cr.execute("SAVEPOINT bench")
    try:
        yield
    finally:
        cr.execute("ROLLBACK TO SAVEPOINT bench")


def fail(message):
    print(f"bench: {message}", file=sys.stderr)
    sys.exit(1)
