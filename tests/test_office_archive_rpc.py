"""The archives over XML-RPC: a storage-room sensor posts readings (out of
range ones are flagged), a department transfers its files and the archivist
accepts them (archival codes given), a budget officer borrows an item over the
National Day week (due after five working days), the department head
approves, the archivist lends and takes it back. The stored fields other
addons rely on are checked too."""

import secrets
import xmlrpc.client

import pytest

STAFF = ("zhouli", "zhouli")  # 周丽, 预算科
HEAD = ("yusuanke", "yusuanke")  # 孙强, head of 预算科
ARCHIVIST = ("wenshu", "wenshu")  # 刘芳, the archivist


def call(odoo, who, model, method, *args, **kw):
    return odoo.call(who[0], who[1], model, method, *args, **kw)


def test_the_fields_other_addons_rely_on(odoo):
    def fields(model, names):
        return call(
            odoo,
            ARCHIVIST,
            model,
            "fields_get",
            names,
            attributes=["type", "store", "selection"],
        )

    loan = fields("office.archive.loan", ["state", "due_date"])
    assert "lent" in dict(loan["state"]["selection"])
    assert loan["due_date"]["type"] == "date" and loan["due_date"]["store"]
    lists = fields("office.archive.transfer.list", ["state", "deadline"])
    assert {"draft", "submitted", "accepted", "returned"} <= set(
        dict(lists["state"]["selection"])
    )
    assert lists["deadline"]["type"] == "date" and lists["deadline"]["store"]
    item = fields("office.archive.item", ["integrity_state"])
    assert set(dict(item["integrity_state"]["selection"])) == {
        "unchecked",
        "ok",
        "mismatch",
    }
    reading = fields(
        "office.archive.room.reading", ["out_of_range", "reading_time", "room_id"]
    )
    assert (
        reading["out_of_range"]["store"]
        and reading["out_of_range"]["type"] == "boolean"
    )
    assert reading["reading_time"]["type"] == "datetime"


def test_a_sensor_posts_readings(odoo):
    [room] = call(
        odoo, ARCHIVIST, "office.archive.room", "search", [("code", "=", "K1")]
    )
    values = {"room_id": room, "temperature": 25.2, "humidity": 58, "source": "sensor"}
    hot = call(odoo, ARCHIVIST, "office.archive.room.reading", "create", values)
    fine = call(
        odoo,
        ARCHIVIST,
        "office.archive.room.reading",
        "create",
        {**values, "temperature": 20.0},
    )
    read = call(
        odoo,
        ARCHIVIST,
        "office.archive.room.reading",
        "read",
        [hot, fine],
        ["out_of_range", "deviation"],
    )
    assert [r["out_of_range"] for r in read] == [True, False]
    assert "25.2" in read[0]["deviation"]
    with pytest.raises(xmlrpc.client.Fault):
        call(
            odoo,
            ARCHIVIST,
            "office.archive.room.reading",
            "create",
            {**values, "humidity": 130},
        )
    with pytest.raises(xmlrpc.client.Fault):
        call(odoo, STAFF, "office.archive.room.reading", "create", values)
    with pytest.raises(xmlrpc.client.Fault):
        call(
            odoo,
            ARCHIVIST,
            "office.archive.room.reading",
            "write",
            [hot],
            {"temperature": 20},
        )


def _ref(odoo, xmlid):
    module, name = xmlid.split(".")
    [data] = call(
        odoo,
        ("admin", "admin"),
        "ir.model.data",
        "search_read",
        [("module", "=", module), ("name", "=", name)],
        ["res_id"],
    )
    return data["res_id"]


def test_transfer_accept_lend_and_return(odoo):
    year = 1950 + secrets.randbelow(40)
    [fonds] = call(
        odoo, ARCHIVIST, "office.archive.fonds", "search", [("code", "=", "Z109")]
    )
    [unit] = call(
        odoo, ARCHIVIST, "office.archive.unit", "search", [("code", "=", "YSK")]
    )
    transfer = call(
        odoo,
        HEAD,
        "office.archive.transfer.list",
        "create",
        {
            "year": year,
            "fonds_id": fonds,
            "category_id": _ref(odoo, "office_archive.category_ws"),
            "unit_id": unit,
            "filing_note": "历史预算档案补交",
        },
    )
    [record] = call(
        odoo,
        HEAD,
        "office.archive.transfer.list",
        "read",
        [transfer],
        ["department_id", "deadline"],
    )
    assert record["deadline"] == f"{year + 1}-06-30"
    item = call(
        odoo,
        HEAD,
        "office.archive.item",
        "create",
        {
            "transfer_list_id": transfer,
            "title": f"{year}年预算报告",
            "fonds_id": fonds,
            "category_id": _ref(odoo, "office_archive.category_ws"),
            "year": year,
            "retention_id": _ref(odoo, "office_archive.retention_y"),
            "unit_id": unit,
            "department_id": record["department_id"][0],
            "pages": 12,
        },
    )
    assert call(odoo, HEAD, "office.archive.transfer.list", "action_submit", [transfer])
    # the department head cannot accept; the archivist counts one file short
    with pytest.raises(xmlrpc.client.Fault):
        call(odoo, HEAD, "office.archive.transfer.list", "action_accept", [transfer], 1)
    with pytest.raises(xmlrpc.client.Fault):
        call(
            odoo,
            ARCHIVIST,
            "office.archive.transfer.list",
            "action_accept",
            [transfer],
            0,
        )
    assert call(
        odoo, ARCHIVIST, "office.archive.transfer.list", "action_accept", [transfer], 1
    )
    [filed] = call(
        odoo, STAFF, "office.archive.item", "read", [item], ["name", "state"]
    )
    assert filed["name"] == f"Z109-WS·{year}-Y-YSK-0001"
    assert filed["state"] == "in_stock"

    loan = call(
        odoo,
        STAFF,
        "office.archive.loan",
        "create",
        {
            "item_ids": [(6, 0, [item])],
            "purpose": "编制预算参考",
            "loan_date": "2026-09-25",
        },
    )
    [values] = call(odoo, STAFF, "office.archive.loan", "read", [loan], ["due_date"])
    assert values["due_date"] == "2026-10-09"
    with pytest.raises(xmlrpc.client.Fault):
        call(odoo, STAFF, "office.archive.loan", "write", [loan], {"days": 6})
    assert call(odoo, STAFF, "office.archive.loan", "action_submit", [loan])
    reviews = call(
        odoo,
        HEAD,
        "tier.review",
        "search",
        [
            ("model", "=", "office.archive.loan"),
            ("res_id", "=", loan),
            ("status", "=", "pending"),
        ],
    )
    assert len(reviews) == 1
    assert call(odoo, HEAD, "tier.review", "action_office_approve", reviews)
    with pytest.raises(xmlrpc.client.Fault):
        call(odoo, STAFF, "office.archive.loan", "action_lend", [loan])
    assert call(odoo, ARCHIVIST, "office.archive.loan", "action_lend", [loan])
    [lent] = call(odoo, ARCHIVIST, "office.archive.item", "read", [item], ["state"])
    assert lent["state"] == "on_loan"
    assert call(odoo, ARCHIVIST, "office.archive.loan", "take_back", [loan], "intact")
    [done] = call(
        odoo,
        STAFF,
        "office.archive.loan",
        "read",
        [loan],
        ["state", "return_condition"],
    )
    assert done == {"id": loan, "state": "returned", "return_condition": "intact"}
