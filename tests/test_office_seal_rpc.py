"""A category ② seal use over XML-RPC: the applicant asks, the office director
(004 一(六) 2) and then the deputy in
charge (through his substitute) approves in the inbox, the keeper stamps, the
ledger holds the entry and refuses to be rewritten. Then a smart seal device
stamps through its device API (and a violation is recorded), an electronic
key refuses a user who is not allowed, and a licence original is lent and
returned."""

import secrets
import xmlrpc.client

import pytest

STAFF = ("zhouli", "zhouli")
DEPUTY = ("fujuzhang1", "fujuzhang1")  # 李明, in charge of the budget section
SUBSTITUTE = ("fujuzhang2", "fujuzhang2")  # 陈静 substitutes 李明 this week (demo)
PRINCIPAL = ("juzhang", "juzhang")  # not a reviewer of category ②
KEEPER = ("wenshu", "wenshu")  # custodian of the administrative seal


def call(odoo, who, model, method, *args, **kw):
    return odoo.call(who[0], who[1], model, method, *args, **kw)


def _approve_pending(odoo, who, request):
    reviews = call(
        odoo,
        who,
        "tier.review",
        "search",
        [
            ("model", "=", "office.seal.use.request"),
            ("res_id", "=", request),
            ("status", "=", "pending"),
        ],
    )
    assert len(reviews) == 1
    assert call(odoo, who, "tier.review", "action_office_approve", reviews)


def test_category_two_use_approved_and_stamped(odoo):
    [seal] = call(
        odoo, KEEPER, "office.seal", "search", [("name", "=", "益阳市财政局行政章")]
    )
    deputy_uid = odoo.login(*DEPUTY)
    request = call(
        odoo,
        STAFF,
        "office.seal.use.request",
        "create",
        {
            "seal_ids": [(6, 0, [seal])],
            "use_category": "cat2",
            "leader_id": deputy_uid,
            "summary": "2027年部门预算编制布置会议通知",
            "paper_only_reason": "纸质通知，当面核对",
            "stamp_count": 2,
        },
    )
    assert call(odoo, STAFF, "office.seal.use.request", "action_submit", [request])
    # 004 一(六) 2 (the company's default rule): the office director first
    _approve_pending(odoo, DIRECTOR, request)
    reviews = call(
        odoo,
        DEPUTY,
        "tier.review",
        "search",
        [
            ("model", "=", "office.seal.use.request"),
            ("res_id", "=", request),
            ("status", "=", "pending"),
        ],
    )
    assert len(reviews) == 1
    with pytest.raises(xmlrpc.client.Fault):
        call(odoo, PRINCIPAL, "tier.review", "action_office_approve", reviews)
    # 李明 is away: his substitute decides, and the review says for whom
    assert call(odoo, SUBSTITUTE, "tier.review", "action_office_approve", reviews)
    [review] = call(
        odoo, SUBSTITUTE, "tier.review", "read", reviews, ["done_by", "on_behalf_of_id"]
    )
    assert review["done_by"][0] == odoo.login(*SUBSTITUTE)
    assert review["on_behalf_of_id"][0] == deputy_uid
    # more impressions than approved are refused
    with pytest.raises(xmlrpc.client.Fault):
        call(odoo, KEEPER, "office.seal.use.request", "stamp", [request], 3)
    entries = call(odoo, KEEPER, "office.seal.use.request", "stamp", [request], 2)
    assert len(entries) == 1
    [entry] = call(
        odoo, KEEPER, "office.seal.ledger", "read", entries, ["impressions", "seal_id"]
    )
    assert entry["impressions"] == 2 and entry["seal_id"][0] == seal
    # the ledger cannot be rewritten, not even by the administrator
    with pytest.raises(xmlrpc.client.Fault):
        call(
            odoo,
            ("admin", "admin"),
            "office.seal.ledger",
            "write",
            entries,
            {"impressions": 1},
        )
    [state] = call(odoo, STAFF, "office.seal.use.request", "read", [request], ["state"])
    assert state["state"] == "done"


DIRECTOR = ("bgszr", "bgszr")
ADMIN = ("admin", "admin")
AUDITOR = ("neikong", "neikong")


def _xmlid(odoo, module, name):
    [row] = call(
        odoo,
        ADMIN,
        "ir.model.data",
        "search_read",
        [("module", "=", module), ("name", "=", name)],
        ["res_id"],
    )
    return row["res_id"]


def test_smart_seal_device(odoo):
    """A smart seal unlocks for the approved request, reports each impression
    into the ledger, locks again at the approved count, and an impression
    beyond it is a violation entry (the office_risk sensor's domain)."""
    suffix = secrets.token_hex(3)
    login = f"znyz_rpc_{suffix}"
    device_user = call(
        odoo,
        ADMIN,
        "res.users",
        "create",
        {
            "name": f"智能印章网关 {suffix}",
            "login": login,
            "password": login,
            "groups_id": [
                (
                    6,
                    0,
                    [
                        _xmlid(odoo, "base", "group_user"),
                        _xmlid(odoo, "office_seal", "group_seal_device"),
                    ],
                )
            ],
        },
    )
    device = (login, login)
    keeper_uid = odoo.login(*KEEPER)
    seal = call(
        odoo,
        DIRECTOR,
        "office.seal",
        "create",
        {
            "name": f"测试智能印章 {suffix}",
            "kind": "business",
            "custodian_id": keeper_uid,
        },
    )
    serial, token = f"RPC-{suffix}", f"token-{suffix}"
    call(
        odoo,
        DIRECTOR,
        "office.seal.device",
        "create",
        {"serial": serial, "seal_id": seal, "user_id": device_user, "token": token},
    )
    # nothing approved: the device stays locked
    status = call(odoo, device, "office.seal.device", "device_fetch", serial, token)
    assert status["state"] == "locked" and not status["request_id"]
    with pytest.raises(xmlrpc.client.Fault):
        call(odoo, device, "office.seal.device", "device_fetch", serial, "wrong")
    with pytest.raises(xmlrpc.client.Fault):
        call(odoo, KEEPER, "office.seal.device", "device_fetch", serial, token)
    request = call(
        odoo,
        STAFF,
        "office.seal.use.request",
        "create",
        {
            "seal_ids": [(6, 0, [seal])],
            "use_category": "cat1",
            "summary": "政府采购合同（智能印章）",
            "paper_only_reason": "纸质合同",
            "stamp_count": 2,
        },
    )
    call(odoo, STAFF, "office.seal.use.request", "action_submit", [request])
    reviews = call(
        odoo,
        PRINCIPAL,
        "tier.review",
        "search",
        [
            ("model", "=", "office.seal.use.request"),
            ("res_id", "=", request),
            ("status", "=", "pending"),
        ],
    )
    call(odoo, PRINCIPAL, "tier.review", "action_office_approve", reviews)
    status = call(odoo, device, "office.seal.device", "device_fetch", serial, token)
    assert status["state"] == "unlocked" and status["request_id"] == request
    assert status["remaining"] == 2
    first = call(
        odoo,
        device,
        "office.seal.device",
        "device_report",
        serial,
        token,
        "2026-11-20 02:30:00",
    )
    assert not first["violation"] and first["remaining"] == 1
    second = call(odoo, device, "office.seal.device", "device_report", serial, token)
    assert second["state"] == "locked"
    [state] = call(odoo, STAFF, "office.seal.use.request", "read", [request], ["state"])
    assert state["state"] == "done"
    third = call(odoo, device, "office.seal.device", "device_report", serial, token)
    assert third["violation"]
    # the sensor of office_risk: office.seal.ledger [('violation', '=', True)]
    violations = call(
        odoo,
        AUDITOR,
        "office.seal.ledger",
        "search",
        [("violation", "=", True), ("seal_id", "=", seal)],
    )
    assert violations == [third["entry_id"]]
    entries = call(
        odoo,
        KEEPER,
        "office.seal.ledger",
        "search_read",
        [("seal_id", "=", seal)],
        ["sequence", "impressions", "violation", "stamped_at", "request_id"],
        order="sequence",
    )
    assert [e["sequence"] for e in entries] == [1, 2, 3]
    assert [e["violation"] for e in entries] == [False, False, True]
    assert entries[0]["stamped_at"] == "2026-11-20 02:30:00"
    # append-only, even for the administrator; the chain holds
    with pytest.raises(xmlrpc.client.Fault):
        call(
            odoo,
            ADMIN,
            "office.seal.ledger",
            "write",
            violations,
            {"violation": False},
        )
    with pytest.raises(xmlrpc.client.Fault):
        call(odoo, ADMIN, "office.seal.ledger", "unlink", violations)
    assert call(odoo, KEEPER, "office.seal", "verify_chain", [seal])["ok"]
    [seal_info] = call(odoo, KEEPER, "office.seal", "read", [seal], ["message_ids"])
    [last] = call(
        odoo, KEEPER, "mail.message", "read", seal_info["message_ids"][:1], ["body"]
    )
    assert serial in last["body"]


def test_electronic_key_refused_to_others(odoo):
    [key] = call(
        odoo,
        ("jiyao", "jiyao"),
        "office.seal.key",
        "search",
        [("name", "=", "电子公章UKey（湖南CA）")],
    )
    use = call(odoo, ("jiyao", "jiyao"), "office.seal.key", "use", [key], "网上申报")
    assert use
    with pytest.raises(xmlrpc.client.Fault):
        call(odoo, DIRECTOR, "office.seal.key", "use", [key], "越权使用")


def test_licence_loan(odoo):
    [licence] = call(
        odoo, STAFF, "office.licence", "search", [("name", "=", "财政票据准购证")]
    )
    loan = call(
        odoo,
        STAFF,
        "office.licence.loan",
        "create",
        {
            "licence_id": licence,
            "purpose": "领购财政票据（XML-RPC测试）",
            "date_out": "2026-11-23 01:00:00",
            "expected_return": "2026-11-23 09:00:00",
        },
    )
    call(odoo, STAFF, "office.licence.loan", "action_submit", [loan])
    reviews = call(
        odoo,
        DIRECTOR,
        "tier.review",
        "search",
        [("model", "=", "office.licence.loan"), ("res_id", "=", loan)],
    )
    with pytest.raises(xmlrpc.client.Fault):
        call(odoo, STAFF, "tier.review", "action_office_approve", reviews)
    call(odoo, DIRECTOR, "tier.review", "action_office_approve", reviews)
    custodian = ("jiyao", "jiyao")
    call(odoo, custodian, "office.licence.loan", "action_hand_out", [loan])
    [info] = call(odoo, STAFF, "office.licence", "read", [licence], ["is_out"])
    assert info["is_out"]
    call(odoo, custodian, "office.licence.loan", "check_in", [loan], "完好")
    [info] = call(odoo, STAFF, "office.licence", "read", [licence], ["is_out"])
    assert not info["is_out"]
