"""Risk control over XML-RPC (issue: office_risk acceptance).

With office_docs installed, an overdue incoming document raises exactly one
risk event however often the sensors' scheduled action runs; once the
document is closed the event shows it and the internal-control office
closes it. A risk event walks through investigation, decision,
rectification and verification as each role, and the zero-error register
computes a director's second serious error with the supervisor's joint
liability. Run against a database with office_risk installed (demo data);
the office_docs part needs office_docs there too."""

import datetime
import re
import secrets
import xmlrpc.client

import pytest

ADMIN = ("admin", "admin")
CLERK = ("wenshu", "wenshu")
LEADER = ("fujuzhang2", "fujuzhang2")
HEAD = ("yusuanke", "yusuanke")  # 预算科科长
STAFF = ("zhouli", "zhouli")  # 预算科
INTERNAL_CONTROL = ("neikong", "neikong")
COMMITTEE = ("juzhang", "juzhang")  # chairs the internal-control committee (demo)
PERFORMANCE = ("renshi", "renshi")  # performance office (demo)
OTHER = ("fagui", "fagui")  # 税政法规科


def call(odoo, who, model, method, *args, **kw):
    return odoo.call(who[0], who[1], model, method, *args, **kw)


def one(odoo, who, model, domain):
    [record_id] = call(odoo, who, model, "search", domain, limit=1)
    return record_id


def installed(odoo, module):
    return bool(
        call(
            odoo,
            ADMIN,
            "ir.module.module",
            "search_count",
            [("name", "=", module), ("state", "=", "installed")],
        )
    )


def run_sensor_cron(odoo):
    [data] = call(
        odoo,
        ADMIN,
        "ir.model.data",
        "search_read",
        [("module", "=", "office_risk"), ("name", "=", "ir_cron_office_risk_sensor")],
        ["res_id"],
    )
    call(odoo, ADMIN, "ir.cron", "method_direct_trigger", [data["res_id"]])


def events_of(odoo, model, res_id, sensor=None):
    """The risk events of a record, those of the sensor named `sensor` only
    when given (a late document also breaches the same-day routing rule)."""
    domain = [("res_model", "=", model), ("res_id", "=", res_id)]
    if sensor:
        domain.append(("sensor_id.name", "=", sensor))
    return call(
        odoo,
        INTERNAL_CONTROL,
        "office.risk.event",
        "search_read",
        domain,
        ["state", "source_active", "hit_count", "point_id", "discovery", "title"],
    )


def test_catalog_over_rpc(odoo):
    points = call(
        odoo,
        STAFF,
        "office.risk.point",
        "search_read",
        [("step_id.table_no", ">=", 1), ("step_id.table_no", "<=", 27)],
        ["code"],
    )
    # 003's own rows are numbered table-row; the domain addons add theirs to
    # the same tables under codes of their own (18-S1: the safety round)
    assert len([p for p in points if re.fullmatch(r"\d+-\d+", p["code"])]) == 160
    assert len(points) > 160
    [point] = call(
        odoo,
        STAFF,
        "office.risk.point",
        "search_read",
        [("code", "=", "2-4")],
        ["name", "level", "responsible_unit", "domain_id"],
    )
    assert point["name"] == "密件作为普通件处理"
    assert point["level"] == "major"
    assert point["responsible_unit"] == "承办科室单位"


OVERDUE = "收文逾期未办结"


def test_overdue_document_raises_one_event(odoo):
    if not installed(odoo, "office_docs"):
        pytest.fail("this test needs office_docs installed in OFFICE_TEST_DB")
    sender = one(odoo, CLERK, "res.partner", [("name", "=", "湖南省财政厅")])
    budget = one(odoo, CLERK, "hr.department", [("name", "=", "预算科")])
    leader_uid = odoo.login(*LEADER)
    received = datetime.datetime.now() - datetime.timedelta(days=60)
    doc = call(
        odoo,
        CLERK,
        "office.incoming.document",
        "create",
        {
            "sender_id": sender,
            "sender_ref": "湘财办〔2026〕301号",
            "title": "关于报送风险防控自查情况的通知",
            "handling_kind": "action",
            "channel": "paper",
            "pages": 2,
            "received_at": received.strftime("%Y-%m-%d %H:%M:%S"),
        },
    )
    [read] = call(
        odoo,
        CLERK,
        "office.incoming.document",
        "read",
        [doc],
        ["due_date", "is_overdue"],
    )
    assert read["is_overdue"], read

    for _run in range(3):
        run_sensor_cron(odoo)
    events = events_of(odoo, "office.incoming.document", doc, OVERDUE)
    assert len(events) == 1, events
    [event] = events
    assert event["state"] == "reported"
    assert event["source_active"]
    assert event["discovery"] == "sensor"
    assert event["hit_count"] == 3
    assert "关于报送风险防控自查情况的通知" in event["title"]
    # while the document is late the event cannot be closed as resolved
    with pytest.raises(xmlrpc.client.Fault):
        call(
            odoo,
            INTERNAL_CONTROL,
            "office.risk.event",
            "action_close_resolved",
            [event["id"]],
        )

    # the office handles and closes the document
    assert call(odoo, CLERK, "office.incoming.document", "action_accept", [doc])
    assert call(
        odoo,
        CLERK,
        "office.incoming.document",
        "action_propose",
        [doc],
        "拟请陈静副局长阅示,由预算科牵头办理。",
        [leader_uid],
    )
    assert call(
        odoo,
        LEADER,
        "office.incoming.document",
        "action_instruct",
        [doc],
        "请预算科办理。",
    )
    call(
        odoo,
        CLERK,
        "office.incoming.document",
        "write",
        [doc],
        {"lead_department_id": budget},
    )
    assert call(odoo, CLERK, "office.incoming.document", "action_assign", [doc])
    assert call(odoo, HEAD, "office.incoming.document", "action_undertake", [doc])
    assert call(
        odoo,
        HEAD,
        "office.incoming.document",
        "action_close",
        [doc],
        "已报送自查情况。",
    )

    run_sensor_cron(odoo)
    [event] = events_of(odoo, "office.incoming.document", doc, OVERDUE)
    assert not event["source_active"]
    assert event["hit_count"] == 3
    assert call(
        odoo,
        INTERNAL_CONTROL,
        "office.risk.event",
        "action_close_resolved",
        [event["id"]],
    )
    run_sensor_cron(odoo)
    events = events_of(odoo, "office.incoming.document", doc, OVERDUE)
    assert [e["state"] for e in events] == ["closed"]


def test_event_decided_rectified_verified(odoo):
    budget = one(odoo, STAFF, "hr.department", [("name", "=", "预算科")])
    point = one(odoo, STAFF, "office.risk.point", [("code", "=", "15-3")])
    event = call(
        odoo,
        STAFF,
        "office.risk.event",
        "create",
        {
            "title": "借阅档案逾期未还(接口测试)",
            "point_id": point,
            "department_ids": [(6, 0, [budget])],
            "discovery": "reported",
        },
    )
    # another department does not see it
    assert not call(odoo, OTHER, "office.risk.event", "search", [("id", "=", event)])
    with pytest.raises(xmlrpc.client.Fault):
        call(odoo, STAFF, "office.risk.event", "action_investigate", [event])
    assert call(
        odoo, INTERNAL_CONTROL, "office.risk.event", "action_investigate", [event]
    )
    call(
        odoo,
        INTERNAL_CONTROL,
        "office.risk.event",
        "write",
        [event],
        {"investigation": "借阅人出差未归还。", "proposed_level": "significant"},
    )
    assert call(odoo, INTERNAL_CONTROL, "office.risk.event", "action_propose", [event])
    with pytest.raises(xmlrpc.client.Fault):
        call(odoo, INTERNAL_CONTROL, "office.risk.event", "action_decide", [event])
    call(
        odoo,
        COMMITTEE,
        "office.risk.event",
        "write",
        [event],
        {"decided_level": "significant", "accountability": "书面说明情况。"},
    )
    assert call(odoo, COMMITTEE, "office.risk.event", "action_decide", [event])
    [values] = call(
        odoo,
        STAFF,
        "office.risk.event",
        "read",
        [event],
        ["state", "rectification_ids"],
    )
    assert values["state"] == "rectification"
    [rect] = values["rectification_ids"]
    call(
        odoo,
        HEAD,
        "office.risk.rectification",
        "write",
        [rect],
        {"done_note": "档案已归还并办理登记。"},
    )
    assert call(odoo, HEAD, "office.risk.rectification", "action_submit", [rect])
    assert call(odoo, HEAD, "office.risk.event", "action_submit_verification", [event])
    with pytest.raises(xmlrpc.client.Fault):
        call(odoo, HEAD, "office.risk.event", "action_verify", [event])
    assert call(odoo, INTERNAL_CONTROL, "office.risk.event", "action_verify", [event])
    [closed] = call(
        odoo, STAFF, "office.risk.event", "read", [event], ["state", "message_ids"]
    )
    assert closed["state"] == "closed"
    assert len(closed["message_ids"]) >= 5


def test_zero_error_register_over_rpc(odoo):
    director_uid = odoo.login("bgszr", "bgszr")
    supervisor_uid = odoo.login("fujuzhang1", "fujuzhang1")
    area = one(odoo, PERFORMANCE, "office.risk.error.area", [("sequence", "=", 10)])
    # a year of its own, so that the count starts at zero on every run
    year = 2100 + secrets.randbelow(800)
    results = []
    errors = []
    for month in (3, 7):
        error = call(
            odoo,
            PERFORMANCE,
            "office.risk.error",
            "create",
            {
                "user_id": director_uid,
                "area_id": area,
                "classification": "serious",
                "discovery": "leader",
                "date": f"{year}-{month:02d}-15",
                "description": "报送材料数据错误(接口测试)",
            },
        )
        errors.append(error)
        assert call(odoo, PERFORMANCE, "office.risk.error", "action_confirm", [error])
        [values] = call(
            odoo,
            PERFORMANCE,
            "office.risk.error",
            "read",
            [error],
            ["occurrence", "role", "amount", "supervisor_id", "supervisor_amount"],
        )
        assert values["role"] == "director"
        assert values["supervisor_id"][0] == supervisor_uid
        results.append(
            (values["occurrence"], values["amount"], values["supervisor_amount"])
        )
    # a director's second serious error: 500 for them, 500 for the supervisor
    assert results == [(1, 300, 0), (2, 500, 500)]
    # a colleague does not see the register, the supervisor does
    assert not call(odoo, OTHER, "office.risk.error", "search", [("id", "=", error)])
    assert call(
        odoo,
        ("fujuzhang1", "fujuzhang1"),
        "office.risk.error",
        "search",
        [("id", "=", error)],
    )
    with pytest.raises(xmlrpc.client.Fault):
        call(
            odoo,
            STAFF,
            "office.risk.error",
            "create",
            {"user_id": director_uid, "area_id": area, "description": "越权"},
        )
    # the test's entries leave the register: cancelled, their deductions gone
    assert call(odoo, PERFORMANCE, "office.risk.error", "action_cancel", errors)
    assert not call(
        odoo,
        PERFORMANCE,
        "office.risk.error.deduction",
        "search",
        [("error_id", "in", errors)],
    )
