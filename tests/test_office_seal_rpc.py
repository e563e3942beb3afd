"""A category ② seal use over XML-RPC: the applicant asks, the deputy in
charge (through his substitute) approves in the inbox, the keeper stamps, the
ledger holds the entry and refuses to be rewritten."""

import xmlrpc.client

import pytest

STAFF = ("zhouli", "zhouli")
DEPUTY = ("fujuzhang1", "fujuzhang1")  # 李明, in charge of the budget section
SUBSTITUTE = ("fujuzhang2", "fujuzhang2")  # 陈静 substitutes 李明 this week (demo)
PRINCIPAL = ("juzhang", "juzhang")  # not a reviewer of category ②
KEEPER = ("wenshu", "wenshu")  # custodian of the administrative seal


def call(odoo, who, model, method, *args, **kw):
    return odoo.call(who[0], who[1], model, method, *args, **kw)


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
            "stamp_count": 2,
        },
    )
    assert call(odoo, STAFF, "office.seal.use.request", "action_submit", [request])
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
