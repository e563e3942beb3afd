"""Classified records never leak to a user outside their clearance and
need-to-know list, through any RPC door: search, search_count, read_group,
name_search, read, export_data.

The truth comes from SQL (every row of every model of our addons carrying a
``secrecy_level`` column); the users are staff without clearance and three
users created here with general, important and core clearance but on no
need-to-know list."""

import xmlrpc.client

import pytest
from conftest import sql_rows

CLEARANCES = ("general", "important", "core")


def _secret_models(odoo):
    fields = odoo.call(
        "admin",
        "admin",
        "ir.model.fields",
        "search_read",
        [
            ("name", "=", "secrecy_level"),
            ("store", "=", True),
            ("model", "=like", "office.%"),
        ],
        fields=["model"],
    )
    return sorted({f["model"] for f in fields})


@pytest.fixture(scope="module")
def outsiders(odoo):
    logins = ["zhouli"]
    for level in CLEARANCES:
        login = f"leak_{level}"
        found = odoo.call(
            "admin", "admin", "res.users", "search", [("login", "=", login)]
        )
        if not found:
            odoo.call(
                "admin",
                "admin",
                "res.users",
                "create",
                {
                    "name": f"测试{level}",
                    "login": login,
                    "password": login,
                    "groups_id": [(6, 0, [odoo.ref("office_base.group_office_user")])],
                },
            )
            [uid] = odoo.call(
                "admin", "admin", "res.users", "search", [("login", "=", login)]
            )
            # the security administrator grants clearances (三员分立)
            odoo.call(
                "anquan",
                "anquan",
                "res.users",
                "write",
                [uid],
                {"office_clearance": level},
            )
        logins.append(login)
    return logins


def _secret_rows(odoo, model):
    table = model.replace(".", "_")
    if not sql_rows(odoo.db, f"SELECT 1 WHERE to_regclass('{table}') IS NOT NULL"):
        return []  # an abstract model (a mixin): no rows of its own
    rows = sql_rows(
        odoo.db,
        f"SELECT id, coalesce(to_jsonb(t)->>'title', to_jsonb(t)->>'name', '') "
        f"FROM {table} t WHERE secrecy_level IS NOT NULL AND secrecy_level != 'none'",
    )
    return [(int(row[0]), row[1]) for row in rows]


def test_some_classified_records_exist(odoo):
    """Guard: the leak test below is empty if demo data has no secrets."""
    assert sum(len(_secret_rows(odoo, m)) for m in _secret_models(odoo)) >= 2


@pytest.mark.parametrize("door", ["search", "count", "group", "name", "read", "export"])
def test_no_door_leaks_a_secret(odoo, outsiders, door):
    leaks = []
    for model in _secret_models(odoo):
        rows = _secret_rows(odoo, model)
        if not rows:
            continue
        ids = [row_id for row_id, _title in rows]
        for login in outsiders:
            leaked = _try(odoo, login, model, door, ids, rows)
            if leaked:
                leaks.append((model, login, door, leaked))
    assert not leaks, leaks


def _try(odoo, login, model, door, ids, rows):
    """What the door shows of the classified rows (empty: nothing leaked).
    A refusal is no leak, as long as it is a message and not a crash."""
    try:
        return _open(odoo, login, model, door, ids, rows)
    except xmlrpc.client.Fault as fault:
        assert "Traceback" not in fault.faultString, fault.faultString[-300:]
        return None


def _open(odoo, login, model, door, ids, rows):
    def call(method, *args, **kw):
        return odoo.call(login, login, model, method, *args, **kw)

    if door == "search":
        return call("search", [("id", "in", ids)])
    if door == "count":
        return call("search_count", [("id", "in", ids)])
    if door == "group":
        groups = call(
            "read_group",
            [("id", "in", ids)],
            ["secrecy_level"],
            ["secrecy_level"],
        )
        return [g for g in groups if g.get("secrecy_level_count")]
    if door == "name":
        found = []
        for _row_id, title in rows[:5]:
            found += [r for r in call("name_search", title[:20]) if r[0] in ids]
        return found
    if door == "read":
        return call("read", ids[:5], ["display_name"])
    return call("export_data", ids[:5], ["display_name"]).get("datas")
