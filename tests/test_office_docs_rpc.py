"""An incoming document from an upper-level organ, from registration to
closure, driven over XML-RPC as each role (issue: office_docs acceptance)."""

import xmlrpc.client

import pytest

CLERK = ("wenshu", "wenshu")
LEADER = ("fujuzhang2", "fujuzhang2")
HEAD = ("yusuanke", "yusuanke")  # 预算科科长
STAFF = ("zhouli", "zhouli")


def call(odoo, who, model, method, *args, **kw):
    return odoo.call(who[0], who[1], model, method, *args, **kw)


def one(odoo, who, model, domain):
    [record_id] = call(odoo, who, model, "search", domain, limit=1)
    return record_id


def test_upper_level_document_from_registration_to_closure(odoo):
    sender = one(odoo, CLERK, "res.partner", [("name", "=", "湖南省财政厅")])
    budget = one(odoo, CLERK, "hr.department", [("name", "=", "预算科")])
    leader_uid = odoo.login(*LEADER)
    doc = call(
        odoo,
        CLERK,
        "office.incoming.document",
        "create",
        {
            "sender_id": sender,
            "sender_ref": "湘财预〔2026〕88号",
            "title": "关于做好2027年部门预算编制工作的通知",
            "handling_kind": "action",
            "channel": "paper",
            "pages": 6,
        },
    )
    [registered] = call(
        odoo, CLERK, "office.incoming.document", "read", [doc], ["name", "state"]
    )
    assert registered["state"] == "registered"
    assert registered["name"].startswith("收文〔")

    # staff cannot do the office's first review
    with pytest.raises(xmlrpc.client.Fault):
        call(odoo, STAFF, "office.incoming.document", "action_accept", [doc])

    assert call(odoo, CLERK, "office.incoming.document", "action_accept", [doc])
    assert call(
        odoo,
        CLERK,
        "office.incoming.document",
        "action_propose",
        [doc],
        "拟请陈静副局长阅示，由预算科牵头办理。",
        [leader_uid],
    )
    # the clerk cannot instruct in the leader's place
    with pytest.raises(xmlrpc.client.Fault):
        call(odoo, CLERK, "office.incoming.document", "action_instruct", [doc], "同意")
    assert call(
        odoo,
        LEADER,
        "office.incoming.document",
        "action_instruct",
        [doc],
        "请预算科抓紧研究落实。",
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
        "已按通知要求完成2027年部门预算编制布置。",
    )
    [closed] = call(
        odoo,
        CLERK,
        "office.incoming.document",
        "read",
        [doc],
        ["state", "message_ids"],
    )
    assert closed["state"] == "closed"
    # every step left a trace in the chatter
    assert len(closed["message_ids"]) >= 6


def test_supervision_item_from_instruction_over_rpc(odoo):
    """The office follows up a leader's instruction; the owner reports and
    completes; the director rates. Staff of another department cannot."""
    doc = one(
        odoo,
        CLERK,
        "office.incoming.document",
        [("instruction_ids", "!=", False), ("state", "!=", "returned")],
    )
    [instruction] = call(
        odoo,
        CLERK,
        "office.document.instruction",
        "search",
        [("document_id", "=", doc)],
    )[:1]
    head_uid = odoo.login(*HEAD)
    item = call(
        odoo,
        CLERK,
        "office.supervision",
        "create",
        {
            "title": "RPC 督办测试事项",
            "source": "instruction",
            "instruction_id": instruction,
            "owner_id": head_uid,
            "deadline": "2026-12-31",
        },
    )
    [values] = call(
        odoo,
        CLERK,
        "office.supervision",
        "read",
        [item],
        ["name", "status", "state", "incoming_document_id"],
    )
    assert values["name"].startswith("督办〔")
    assert values["state"] == "open"
    assert values["incoming_document_id"][0] == doc
    # a staff member cannot open or rate supervision items
    with pytest.raises(xmlrpc.client.Fault):
        call(
            odoo,
            ("xinxi", "xinxi"),
            "office.supervision",
            "create",
            {
                "title": "x",
                "source": "other",
                "owner_id": head_uid,
                "deadline": "2026-12-31",
            },
        )
    assert call(
        odoo, HEAD, "office.supervision", "action_add_feedback", [item], "进展顺利。"
    )
    assert call(odoo, HEAD, "office.supervision", "action_complete", [item], "已完成。")
    with pytest.raises(xmlrpc.client.Fault):
        call(odoo, HEAD, "office.supervision", "action_rate", [item], "good")
    assert call(
        odoo, ("bgszr", "bgszr"), "office.supervision", "action_rate", [item], "good"
    )
    [rated] = call(
        odoo, CLERK, "office.supervision", "read", [item], ["state", "rating"]
    )
    assert (rated["state"], rated["rating"]) == ("rated", "good")


def test_scan_and_supervision_board_over_rpc(odoo):
    """A scanned number opens the document; the board groups by colour."""
    [doc] = call(
        odoo, CLERK, "office.incoming.document", "search_read", [], ["name"], limit=1
    )
    wizard = call(
        odoo, CLERK, "office.document.scan.wizard", "create", {"code": doc["name"]}
    )
    action = call(odoo, CLERK, "office.document.scan.wizard", "action_open", [wizard])
    assert (action["res_model"], action["res_id"]) == (
        "office.incoming.document",
        doc["id"],
    )
    [board] = call(
        odoo,
        CLERK,
        "office.supervision",
        "read_group",
        [("state", "=", "open")],
        ["status"],
        ["status"],
    )[:1]
    assert board["status"] in ("red", "yellow", "green")
