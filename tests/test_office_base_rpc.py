"""office_base as an integration sees it: over XML-RPC, as the demo users."""

import xmlrpc.client
from datetime import date, timedelta

import pytest

DIRECTOR = ("bgszr", "bgszr")
STAFF = ("zhouli", "zhouli")
LEADER = ("fujuzhang2", "fujuzhang2")
PRINCIPAL = ("juzhang", "juzhang")


def call(odoo, who, model, method, *args, **kw):
    return odoo.call(who[0], who[1], model, method, *args, **kw)


def uid(odoo, who):
    return odoo.login(*who)


@pytest.fixture(scope="module")
def seeded_2026(odoo):
    call(odoo, DIRECTOR, "office.holiday.year", "seed_years", [2026])


def test_working_days_over_rpc(odoo, seeded_2026):
    # Friday 25 September 2026 is Mid-Autumn; the National Day week follows.
    assert (
        call(odoo, STAFF, "office.calendar", "add_working_days", "2026-09-25", 5)
        == "2026-10-09"
    )
    assert call(odoo, STAFF, "office.calendar", "is_working_day", "2026-10-10") is True
    assert call(odoo, STAFF, "office.calendar", "is_working_day", "2026-10-05") is False
    assert (
        call(
            odoo,
            STAFF,
            "office.calendar",
            "working_days_between",
            "2026-09-30",
            "2026-10-08",
        )
        == 1
    )
    # 16:30 in Beijing on 30 September plus one working hour
    assert (
        call(
            odoo,
            STAFF,
            "office.calendar",
            "add_working_hours",
            "2026-09-30 08:30:00",
            1,
        )
        == "2026-10-08 00:30:00"
    )


def test_staff_cannot_edit_holidays(odoo):
    with pytest.raises(xmlrpc.client.Fault) as error:
        call(
            odoo, STAFF, "office.holiday", "create", {"date": "2026-03-09", "name": "x"}
        )
    assert "office.holiday" in error.value.faultString


def test_clearance_is_granted_by_the_director_only(odoo):
    staff_uid = uid(odoo, STAFF)
    with pytest.raises(xmlrpc.client.Fault):
        call(
            odoo, STAFF, "res.users", "write", [staff_uid], {"office_clearance": "core"}
        )
    [me] = call(odoo, STAFF, "res.users", "read", [staff_uid], ["office_clearance"])
    assert me["office_clearance"] == "none"
    call(
        odoo,
        DIRECTOR,
        "res.users",
        "write",
        [staff_uid],
        {"office_clearance": "general"},
    )
    [me] = call(odoo, STAFF, "res.users", "read", [staff_uid], ["office_clearance"])
    assert me["office_clearance"] == "general"
    call(
        odoo, DIRECTOR, "res.users", "write", [staff_uid], {"office_clearance": "none"}
    )


def test_delegation_over_rpc(odoo):
    leader_uid, principal_uid = uid(odoo, LEADER), uid(odoo, PRINCIPAL)
    start = date.today() + timedelta(days=60)
    vals = {
        "user_id": leader_uid,
        "substitute_id": principal_uid,
        "date_from": start.isoformat(),
        "date_to": (start + timedelta(days=2)).isoformat(),
        "reason": "外出学习",
    }
    delegation_id = call(odoo, LEADER, "office.delegation", "create", vals)
    assert (
        call(odoo, LEADER, "office.delegation", "action_confirm", [delegation_id])
        is True
    )
    # an overlapping one is refused with a clear message and writes nothing
    before = call(odoo, LEADER, "office.delegation", "search_count", [])
    with pytest.raises(xmlrpc.client.Fault) as error:
        overlap = call(
            odoo, LEADER, "office.delegation", "create", {**vals, "reason": "重叠"}
        )
        call(odoo, LEADER, "office.delegation", "action_confirm", [overlap])
    assert "已有" in error.value.faultString or "already" in error.value.faultString
    # the failed confirmation rolled back; the draft created before it remains
    assert call(odoo, LEADER, "office.delegation", "search_count", []) == before + 1
    # another staff member does not see it
    assert not call(
        odoo, STAFF, "office.delegation", "search", [("id", "=", delegation_id)]
    )
    call(odoo, LEADER, "office.delegation", "action_cancel", [delegation_id])


def test_inbox_lists_only_office_reviews(odoo):
    leader = uid(odoo, LEADER)
    reviews = call(
        odoo,
        LEADER,
        "tier.review",
        "search_read",
        [("office_approval", "=", True), ("reviewer_ids", "in", [leader])],
        ["res_name", "office_kind", "office_deadline", "status"],
    )
    assert all(review["office_kind"] for review in reviews)
    with pytest.raises(xmlrpc.client.Fault):
        call(
            odoo,
            STAFF,
            "tier.review",
            "action_office_approve",
            [r["id"] for r in reviews] or [0],
        )
