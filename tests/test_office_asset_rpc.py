"""Office assets over XML-RPC: a fixed asset from purchase to disposal. The
finance section registers it, the clerk hands it to a user (the change is
recorded), a stock-take scans its label, and it leaves the ledger only once
its disposal is approved by the office director and the leaders in charge of
administration and of finance; direct writes of its state or of its user are
refused with a clear message. And the stock-take as the keeper does it: on a
phone (390 px), scanning labels on the stock-take's scan page, then the
variance report listing the missing and the unexpected asset."""

import xmlrpc.client

import pytest
from browser import PHONE, browser, horizontal_overflow, login, screenshot, wait
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as ec

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
    assert call(
        odoo,
        FINANCE,
        "office.asset.stocktake",
        "action_cancel",
        [take],
        reason="接口测试",
    )
    assert _read(odoo, FINANCE, "office.asset.stocktake", take, ["state"])["state"] == (
        "cancel"
    )
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


def _new_asset(odoo, department, name):
    asset = call(
        odoo,
        FINANCE,
        "office.asset",
        "create",
        {
            "name": name,
            "kind": "furniture",
            "department_id": department,
            "historical_cost": 800,
            "purchase_date": "2026-11-02",
        },
    )
    call(odoo, FINANCE, "office.asset", "action_register", [asset])
    return asset


def _open_scanner(driver, odoo, take):
    driver.get(
        f"{odoo.url}/odoo/action-office_asset.office_asset_stocktake_action/{take}"
    )
    # on a phone the stock-take shows its scan button in the sheet
    wait(driver).until(
        ec.element_to_be_clickable((By.CSS_SELECTOR, ".o_office_asset_scan_button"))
    ).click()
    wait(driver).until(
        ec.presence_of_element_located((By.CSS_SELECTOR, ".o_office_asset_scan input"))
    )


def _scan(driver, code, expected_label):
    field = driver.find_element(By.CSS_SELECTOR, ".o_office_asset_scan input")
    field.send_keys(code, Keys.ENTER)
    wait(driver).until(
        ec.text_to_be_present_in_element(
            (By.CSS_SELECTOR, ".o_office_asset_scan_result"), code
        )
    )
    result = driver.find_element(By.CSS_SELECTOR, ".o_office_asset_scan_result").text
    assert expected_label in result, result


def test_phone_stocktake_finds_a_missing_and_an_unexpected_asset(odoo):
    [budget] = call(odoo, FINANCE, "hr.department", "search", [("name", "=", "预算科")])
    [office] = call(odoo, FINANCE, "hr.department", "search", [("name", "=", "办公室")])
    kept = _new_asset(odoo, budget, "文件柜（手机清查）")
    lost = _new_asset(odoo, budget, "碎纸机（手机清查）")
    stray = _new_asset(odoo, office, "折叠椅（手机清查）")
    take = call(
        odoo,
        FINANCE,
        "office.asset.stocktake",
        "create",
        {"department_ids": [(6, 0, [budget])]},
    )
    assert call(odoo, FINANCE, "office.asset.stocktake", "action_start", [take])
    lines = call(
        odoo,
        FINANCE,
        "office.asset.stocktake.line",
        "search_read",
        [("stocktake_id", "=", take)],
        ["code", "asset_id"],
    )
    codes = {line["asset_id"][0]: line["code"] for line in lines}
    assert kept in codes and lost in codes and stray not in codes
    [stray_code] = [
        a["code"]
        for a in call(odoo, FINANCE, "office.asset", "read", [stray], ["code"])
    ]
    with browser(PHONE) as driver:
        login(driver, odoo, *STAFF)
        _open_scanner(driver, odoo, take)
        for asset, code in codes.items():
            if asset != lost:
                _scan(driver, code, "已盘到")
        _scan(driver, stray_code, "盘盈")
        assert horizontal_overflow(driver) <= 0
        screenshot(driver, "office_asset-stocktake-phone")
    assert call(odoo, FINANCE, "office.asset.stocktake", "action_done", [take])
    values = _read(
        odoo,
        FINANCE,
        "office.asset.stocktake",
        take,
        ["missing_count", "unexpected_count", "found_count"],
    )
    assert (values["missing_count"], values["unexpected_count"]) == (1, 1)
    assert values["found_count"] == len(codes) - 1
    lost_state = _read(odoo, FINANCE, "office.asset", lost, ["state"])["state"]
    assert lost_state == "missing"
    with browser() as driver:
        login(driver, odoo, *FINANCE)
        driver.get(
            f"{odoo.url}/report/html/office_asset.report_stocktake_variance/{take}"
        )
        text = (
            wait(driver)
            .until(ec.presence_of_element_located((By.CSS_SELECTOR, ".page")))
            .text
        )
        assert codes[lost] in text
        assert stray_code in text
        assert codes[kept] not in text
