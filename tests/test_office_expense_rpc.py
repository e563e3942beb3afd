"""Official spending over XML-RPC, as the demo people: an important
reception (division-level guests) from its report to its reimbursement,
and a business trip from its request to its claim. Dates are relative to
the server's today, in the past: both are over when claimed."""

import datetime
import json
import random
import urllib.request
import xmlrpc.client

import pytest

HOST = ("bgszr", "bgszr")  # 张伟, office director, hosts the reception
TRAVELLER = ("xinxi", "xinxi")  # 冯磊, information office
ADMIN_LEADER = ("fujuzhang1", "fujuzhang1")  # 李明, in charge of office and finance
LEGAL_LEADER = ("fujuzhang2", "fujuzhang2")  # 陈静, in charge of 信息科
PRINCIPAL = ("juzhang", "juzhang")  # 王建国
STAFF2 = ("zhouli", "zhouli")  # 周丽, not involved
ADMIN = ("admin", "admin")  # Odoo's expense manager pays the report


def call(odoo, who, model, method, *args, **kw):
    return odoo.call(who[0], who[1], model, method, *args, **kw)


def json_call(odoo, who, model, method, *args, **kw):
    """execute_kw over JSON-RPC: Odoo's expense actions return None, which
    XML-RPC cannot marshal (and JSON-RPC leaves out of its answer)."""
    uid = odoo.login(*who)
    payload = {
        "jsonrpc": "2.0",
        "method": "call",
        "id": 1,
        "params": {
            "service": "object",
            "method": "execute_kw",
            "args": [odoo.db, uid, who[1], model, method, list(args), kw],
        },
    }
    request = urllib.request.Request(
        odoo.url + "/jsonrpc",
        data=json.dumps(payload).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=120) as response:
        answer = json.load(response)
    assert "error" not in answer, answer["error"]
    return answer.get("result")


def _approve(odoo, model, record_id, who):
    reviews = call(
        odoo,
        who,
        "tier.review",
        "search",
        [("model", "=", model), ("res_id", "=", record_id), ("status", "=", "pending")],
    )
    assert len(reviews) == 1, reviews
    assert call(odoo, who, "tier.review", "action_office_approve", reviews)


def _state(odoo, who, model, record_id, *fields):
    [read] = call(odoo, who, model, "read", [record_id], ["state", *fields])
    return read


def _days_ago(days):
    return (datetime.date.today() - datetime.timedelta(days=days)).isoformat()


def test_an_important_reception_from_report_to_reimbursement(odoo):
    day = _days_ago(random.randint(1, 5))
    reception = call(
        odoo,
        HOST,
        "office.expense.reception",
        "create",
        {
            "guest_unit": "湖南省财政厅绩效评价处",
            "guest_rank": "division",
            "activity": "预算绩效评价工作调研",
            "date_start": day,
            "date_end": day,
            "basis_ref": "湘财绩函〔2026〕7号",
            "letter_guest_count": 2,
            "line_ids": [
                (
                    0,
                    0,
                    {
                        "kind": "meal",
                        "meal": "lunch",
                        "date": day,
                        "guests": 2,
                        "hosts": 2,
                        "amount": 241,
                    },
                ),
            ],
        },
    )
    # 241 yuan for 4 at lunch is above the 60 yuan of division-level guests
    with pytest.raises(xmlrpc.client.Fault, match="60.00"):
        call(odoo, HOST, "office.expense.reception", "action_submit", [reception])
    [read] = call(
        odoo, HOST, "office.expense.reception", "read", [reception], ["line_ids"]
    )
    [line] = read["line_ids"]
    call(odoo, HOST, "office.expense.reception.line", "write", [line], {"amount": 240})
    assert call(odoo, HOST, "office.expense.reception", "action_submit", [reception])
    read = _state(odoo, HOST, "office.expense.reception", reception, "reception_type")
    assert read == {
        "id": reception,
        "state": "to_approve",
        "reception_type": "important",
    }
    model = "office.expense.reception"
    _approve(odoo, model, reception, HOST)  # the office
    _approve(odoo, model, reception, ADMIN_LEADER)  # in charge of administration
    _approve(odoo, model, reception, ADMIN_LEADER)  # in charge of finance
    _approve(odoo, model, reception, PRINCIPAL)
    assert _state(odoo, HOST, model, reception)["state"] == "approved"

    # the list must match the letter
    call(
        odoo,
        HOST,
        model,
        "write",
        [reception],
        {"guest_ids": [(0, 0, {"name": "黄志刚", "post": "处长"})]},
    )
    with pytest.raises(xmlrpc.client.Fault, match="letter|公函"):
        call(odoo, HOST, model, "claim", [reception])
    call(
        odoo,
        HOST,
        model,
        "write",
        [reception],
        {"guest_ids": [(0, 0, {"name": "谢婷", "post": "科员"})]},
    )
    sheet = call(odoo, HOST, model, "claim", [reception])
    read = _state(odoo, HOST, model, reception, "claim_late", "sheet_id")
    assert read["state"] == "claimed" and read["sheet_id"][0] == sheet
    assert read["claim_late"] is False
    # someone else cannot read it
    assert not call(odoo, STAFF2, model, "search", [("id", "=", reception)])

    # Odoo's expenses: approved, posted and paid
    json_call(odoo, ADMIN, "hr.expense.sheet", "action_approve_expense_sheets", [sheet])
    json_call(odoo, ADMIN, "hr.expense.sheet", "action_sheet_move_post", [sheet])
    [report] = call(
        odoo,
        ADMIN,
        "hr.expense.sheet",
        "read",
        [sheet],
        ["state", "total_amount", "account_move_ids"],
    )
    assert report["state"] == "post" and report["total_amount"] == 240
    wizard = call(
        odoo,
        ADMIN,
        "account.payment.register",
        "create",
        {},
        context={
            "active_model": "account.move",
            "active_ids": report["account_move_ids"],
        },
    )
    json_call(
        odoo, ADMIN, "account.payment.register", "action_create_payments", [wizard]
    )
    [report] = call(odoo, ADMIN, "hr.expense.sheet", "read", [sheet], ["state"])
    assert report["state"] == "done"
    [read] = call(odoo, HOST, model, "read", [reception], ["sheet_state"])
    assert read["sheet_state"] == "done"


def test_a_trip_from_request_to_claim(odoo):
    back = random.randint(1, 5)
    model = "office.expense.travel"
    xinjiang = odoo.ref("office_expense.region_xj")
    travel = call(
        odoo,
        TRAVELLER,
        model,
        "create",
        {
            "purpose": "参加财政信息化对口支援工作交流会",
            "destination": "乌鲁木齐",
            "region_id": xinjiang,
            "basis": "notice",
            "basis_ref": "财办信〔2026〕21号",
            "date_start": _days_ago(back + 2),
            "date_end": _days_ago(back),
            "official_car_days": 1,
            "leader_id": odoo.ref("office_base.user_deputy_legal_demo"),
        },
    )
    [read] = call(
        odoo,
        TRAVELLER,
        model,
        "read",
        [travel],
        ["days", "meal_allowance", "transport_allowance"],
    )
    assert (read["days"], read["meal_allowance"]) == (3, 360)
    assert read["transport_allowance"] in (160, 80)  # 80: a car of the ledger too
    assert call(odoo, TRAVELLER, model, "action_submit", [travel])
    _approve(odoo, model, travel, HOST)  # the office director signs
    _approve(odoo, model, travel, LEGAL_LEADER)
    _approve(odoo, model, travel, PRINCIPAL)
    assert _state(odoo, TRAVELLER, model, travel)["state"] == "approved"
    call(odoo, TRAVELLER, model, "write", [travel], {"ticket_amount": 2400})
    # the leader cannot claim for the traveller
    with pytest.raises(xmlrpc.client.Fault):
        call(odoo, LEGAL_LEADER, model, "claim", [travel])
    sheet = call(odoo, TRAVELLER, model, "claim", [travel])
    [report] = call(
        odoo,
        TRAVELLER,
        "hr.expense.sheet",
        "read",
        [sheet],
        ["state", "total_amount", "expense_line_ids"],
    )
    assert report["state"] == "submit"
    assert report["total_amount"] >= 360 + 80 + 2400
    assert len(report["expense_line_ids"]) == 3
