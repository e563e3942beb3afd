"""Office assets over XML-RPC: a fixed asset from purchase to disposal. The
finance section registers it, the clerk hands it to a user (the change is
recorded), a stock-take scans its label, and it leaves the ledger only once
its disposal is approved by the office director and the leaders in charge of
administration and of finance; direct writes of its state or of its user are
refused with a clear message."""

import xmlrpc.client

import pytest

STAFF = ("zhouli", "zhouli")  # 周丽, budget section, the section's asset keeper
CLERK = ("wenshu", "wenshu")  # 刘芳, asset manager (demo)
FINANCE = ("yusuanke", "yusuanke")  # 孙强 keeps the ledger (demo)
DIRECTOR = ("bgszr", "bgszr")  # 张伟, office director
DEPUTY = ("fujuzhang1", "fujuzhang1")  # 李明, leader in charge of administration
FINANCE_DEPUTY = ("fujuzhang2", "fujuzhang2")  # 陈静, leader in charge of finance


def call(odoo, who, model, method, *args, **kw):
    return odoo.call(who[0], who[1], model, method, *args, **kw)


def _read(odoo, who, model, record_id, fields):
    [values] = call(odoo, who, model, "read", [record_id], fields)
    return values


def _approve(odoo, model, record_id, who):
    reviews = call(
        odoo,
        who,
        "tier.review",
        "search",
        [("model", "=", model), ("res_id", "=", record_id), ("status", "=", "pending")],
    )
    assert len(reviews) == 1
    assert call(odoo, who, "tier.review", "action_office_approve", reviews)


def test_asset_from_purchase_to_disposal(odoo):
    [department] = call(
        odoo, FINANCE, "hr.department", "search", [("name", "=", "预算科")]
    )
    [holder] = call(
        odoo, CLERK, "hr.employee", "search", [("user_id.login", "=", "zhouli")]
    )
    asset = call(
        odoo,
        FINANCE,
        "office.asset",
        "create",
        {
            "name": "联想扫描仪（接口测试）",
            "kind": "equipment",
            "department_id": department,
            "historical_cost": 2600,
            "purchase_date": "2026-11-02",
        },
    )
    assert call(odoo, FINANCE, "office.asset", "action_register", [asset])
    values = _read(odoo, FINANCE, "office.asset", asset, ["state", "code", "keeper_id"])
    assert values["state"] == "in_use"
    assert values["code"].startswith("ZC")
    code = values["code"]
    # the clerk hands it to 周丽; a direct write of the user is refused
    with pytest.raises(xmlrpc.client.Fault, match="无法|不能|can no longer"):
        call(odoo, CLERK, "office.asset", "write", [asset], {"holder_id": holder})
    assert call(odoo, CLERK, "office.asset", "assign", [asset], holder, "领用")
    assert (
        _read(odoo, CLERK, "office.asset", asset, ["holder_id"])["holder_id"][0]
        == holder
    )
    changes = call(
        odoo,
        STAFF,
        "office.asset.assignment",
        "search_read",
        [("asset_id", "=", asset)],
        ["holder_id"],
    )
    assert [c["holder_id"][0] for c in changes] == [holder]
    # nobody sets a state by hand, nor disposes without a disposal
    with pytest.raises(xmlrpc.client.Fault):
        call(odoo, FINANCE, "office.asset", "write", [asset], {"state": "disposed"})
    with pytest.raises(xmlrpc.client.Fault):
        call(odoo, FINANCE, "office.asset", "_workflow_run", [asset], "dispose")
    # a stock-take of the section scans its label
    take = call(
        odoo,
        FINANCE,
        "office.asset.stocktake",
        "create",
        {"department_ids": [(6, 0, [department])]},
    )
    assert call(odoo, FINANCE, "office.asset.stocktake", "action_start", [take])
    result = call(odoo, STAFF, "office.asset.stocktake", "scan", [take], code)
    assert result["result"] == "found"
    assert call(odoo, FINANCE, "office.asset.stocktake", "action_cancel", [take])
    # the disposal: the keeper asks, three approve, finance carries it out
    disposal = call(
        odoo,
        STAFF,
        "office.asset.disposal",
        "create",
        {
            "asset_ids": [(6, 0, [asset])],
            "kind": "scrap",
            "reason": "进纸器损坏无法修复",
        },
    )
    assert call(odoo, STAFF, "office.asset.disposal", "action_submit", [disposal])
    with pytest.raises(xmlrpc.client.Fault):
        call(odoo, FINANCE, "office.asset.disposal", "action_done", [disposal])
    _approve(odoo, "office.asset.disposal", disposal, DIRECTOR)
    _approve(odoo, "office.asset.disposal", disposal, DEPUTY)
    _approve(odoo, "office.asset.disposal", disposal, FINANCE_DEPUTY)
    assert _read(odoo, STAFF, "office.asset.disposal", disposal, ["state"])[
        "state"
    ] == ("approved")
    assert call(odoo, FINANCE, "office.asset.disposal", "action_done", [disposal])
    values = _read(odoo, FINANCE, "office.asset", asset, ["state", "disposal_id"])
    assert values["state"] == "disposed"
    assert values["disposal_id"][0] == disposal
