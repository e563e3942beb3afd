"""A fuzz run over XML-RPC on the suite's models (hypothesis, derandomized):
random models, methods, fields, operators, values, orders, groupbys,
limits, offsets, ids and contexts, sent by users of several roles. No call
may come back as a traceback (faultCode 1); afterwards the seal ledgers
verify and the document numbers have no gap.

FUZZ_CALLS sets how many calls are made (default 300, what CI runs; the
acceptance run of issue 25 uses FUZZ_CALLS=10000)."""

import os
import re
import xmlrpc.client

import pytest
from conftest import sql_rows
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

FUZZ_CALLS = int(os.environ.get("FUZZ_CALLS", "300"))
CALLS_PER_EXAMPLE = 10
USERS = ("zhouli", "wenshu", "bgszr", "juzhang", "neikong", "siji")
METHODS = ("search", "search_count", "search_read", "read_group", "read", "name_search")
OPERATORS = (
    "=",
    "!=",
    "<",
    ">",
    "<=",
    ">=",
    "in",
    "not in",
    "like",
    "ilike",
    "=like",
    "=ilike",
    "not ilike",
    "child_of",
    "parent_of",
    "any",
    "not any",
    "~",
    "",
)
VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**31), max_value=2**31 - 1),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=12),
    st.sampled_from(["2026-02-30", "2026-11-18 10:00:00", "draft", "绝密", "%"]),
    st.lists(st.integers(min_value=-3, max_value=10**6), max_size=3),
)
CONTEXTS = st.one_of(
    st.just({}),
    st.fixed_dictionaries(
        {},
        optional={
            "lang": st.sampled_from(["zh_CN", "en_US", "xx_XX", ""]),
            "active_test": st.booleans(),
            "tz": st.sampled_from(["Asia/Shanghai", "Mars/Olympus", ""]),
            "bin_size": st.booleans(),
        },
    ),
)


@pytest.fixture(scope="module")
def catalog(odoo):
    """{model: [field names]} of the suite's stored models."""
    fields = odoo.call(
        "admin",
        "admin",
        "ir.model.fields",
        "search_read",
        [("model", "=like", "office.%"), ("model_id.transient", "=", False)],
        ["model", "name"],
    )
    models = {}
    for field in fields:
        models.setdefault(field["model"], []).append(field["name"])
    stored = {
        row[0]
        for row in sql_rows(
            odoo.db,
            "SELECT model FROM ir_model WHERE model LIKE 'office.%' "
            "AND to_regclass(replace(model, '.', '_')) IS NOT NULL",
        )
    }
    return {m: sorted(f) for m, f in models.items() if m in stored}


def _call_strategy(catalog):
    model = st.sampled_from(sorted(catalog))

    def for_model(name):
        field = st.sampled_from(catalog[name] + ["nosuch", "id", "create_date:month"])
        leaf = st.tuples(field, st.sampled_from(OPERATORS), VALUES).map(list)
        domain = st.lists(st.one_of(leaf, st.sampled_from(["|", "&", "!"])), max_size=4)
        order = st.one_of(
            st.none(),
            st.builds(
                lambda f, d: f"{f} {d}".strip(),
                field,
                st.sampled_from(["", "asc", "desc", "nulls first", "; drop"]),
            ),
        )
        number = st.one_of(st.none(), st.integers(min_value=-5, max_value=2**31 - 1))
        ids = st.lists(st.integers(min_value=-5, max_value=2**31 - 1), max_size=4)
        return st.fixed_dictionaries(
            {
                "model": st.just(name),
                "method": st.sampled_from(METHODS),
                "user": st.sampled_from(USERS),
                "domain": domain,
                "fields": st.lists(field, max_size=3),
                "groupby": st.lists(field, min_size=1, max_size=2),
                "order": order,
                "limit": number,
                "offset": number,
                "ids": ids,
                "context": CONTEXTS,
            }
        )

    return model.flatmap(for_model)


def _send(odoo, call):
    who = (call["user"], call["user"])
    kw = {"context": call["context"]}
    method, model = call["method"], call["model"]
    if method == "read":
        return odoo.call(*who, model, "read", call["ids"], call["fields"], **kw)
    if method == "name_search":
        return odoo.call(*who, model, "name_search", str(call["domain"])[:20], **kw)
    if method == "read_group":
        kw.update(
            orderby=call["order"] or False,
            limit=call["limit"],
            offset=call["offset"] or 0,
        )
        return odoo.call(
            *who,
            model,
            "read_group",
            call["domain"],
            call["fields"],
            call["groupby"],
            **kw,
        )
    for key in ("order", "limit", "offset"):
        if call[key] is not None and method != "search_count":
            kw[key] = call[key]
    if method == "search_read":
        kw["fields"] = call["fields"]
    return odoo.call(*who, model, method, call["domain"], **kw)


def test_fuzzed_calls_never_crash(odoo, catalog):
    tracebacks = []

    @settings(
        derandomize=True,
        max_examples=max(1, FUZZ_CALLS // CALLS_PER_EXAMPLE),
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(
        calls=st.lists(
            _call_strategy(catalog),
            min_size=CALLS_PER_EXAMPLE,
            max_size=CALLS_PER_EXAMPLE,
        )
    )
    def run(calls):
        for call in calls:
            try:
                _send(odoo, call)
            except xmlrpc.client.Fault as fault:
                if fault.faultCode == 1:
                    tracebacks.append(
                        (call, fault.faultString.strip().splitlines()[-1])
                    )

    run()
    assert not tracebacks, "\n".join(map(str, tracebacks[:20]))


def test_after_the_fuzz_ledgers_verify_and_numbers_have_no_gap(odoo):
    seals = odoo.call("bgszr", "bgszr", "office.seal", "search", [])
    if seals:
        assert odoo.call("bgszr", "bgszr", "office.seal", "verify_chain", seals)["ok"]
    numbers = sql_rows(
        odoo.db,
        "SELECT number FROM office_outgoing_document WHERE number IS NOT NULL",
    )
    series = {}
    for [number] in numbers:
        prefix, value = re.fullmatch(r"(.*?)(\d+)号", number).groups()
        series.setdefault(prefix, []).append(int(value))
    for prefix, values in series.items():
        assert sorted(values) == list(range(1, len(values) + 1)), (prefix, values)
