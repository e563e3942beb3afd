"""Meetings over XML-RPC: one 局务会议 from the agenda to its closed
decisions. The budget section proposes an item, its leader in charge passes
it; the clerk books a free room (a second booking of the same room for an
overlapping time is refused with a clear message), places the item, the
chair approves the plan, the notices go out; a participant signs in on a
phone by the meeting's QR code; the clerk records the minutes and a
decision, the chair closes the meeting; the next meeting of the kind lists
the decision until its owner closes it."""

import datetime
import random
import xmlrpc.client

import pytest
from browser import PHONE, browser, horizontal_overflow, login, screenshot
from selenium.webdriver.common.by import By

ADMIN = ("admin", "admin")
CLERK = ("wenshu", "wenshu")  # 刘芳, office clerk
SECRETARY = ("jiyao", "jiyao")  # 赵敏, office clerk
PRINCIPAL = ("juzhang", "juzhang")  # 王建国 chairs the 局务会议
DEPUTY = ("fujuzhang1", "fujuzhang1")  # 李明, in charge of the budget section
HEAD = ("yusuanke", "yusuanke")  # 孙强, head of the budget section
STAFF = ("zhouli", "zhouli")  # 周丽, budget section


def call(odoo, who, model, method, *args, **kw):
    return odoo.call(who[0], who[1], model, method, *args, **kw)


def _uid(odoo, who):
    return odoo.login(*who)


def _approve(odoo, model, res_id, who):
    reviews = call(
        odoo,
        who,
        "tier.review",
        "search",
        [("model", "=", model), ("res_id", "=", res_id), ("status", "=", "pending")],
    )
    assert len(reviews) == 1
    assert call(odoo, who, "tier.review", "action_office_approve", reviews)


def _ref(odoo, xmlid):
    module, name = xmlid.split(".")
    [data] = call(
        odoo,
        ADMIN,
        "ir.model.data",
        "search_read",
        [("module", "=", module), ("name", "=", name)],
        ["res_id"],
    )
    return data["res_id"]


def _free_slot(odoo):
    """A Tuesday morning in 2027–2028 when a room is free (each run books
    its own)."""
    weeks = list(range(100))
    random.shuffle(weeks)
    for week in weeks:
        start = datetime.datetime(2027, 1, 5, 1, 0) + datetime.timedelta(weeks=week)
        end = start + datetime.timedelta(hours=2)
        free = call(
            odoo,
            CLERK,
            "office.meeting.room",
            "search_free",
            start.strftime("%Y-%m-%d %H:%M:%S"),
            end.strftime("%Y-%m-%d %H:%M:%S"),
            10,
        )
        if free:
            return start, end, free[0]
    pytest.fail("no free room found")


def _fmt(moment):
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def test_a_bureau_meeting_from_agenda_to_closed_decisions(odoo):
    kind = _ref(odoo, "office_meeting.kind_bureau")
    principal, deputy, head, staff = (
        _uid(odoo, who) for who in (PRINCIPAL, DEPUTY, HEAD, STAFF)
    )
    # the budget section proposes an item, passed by its leader in charge
    topic = call(
        odoo,
        HEAD,
        "office.meeting.topic",
        "create",
        {"title": "关于盘活存量资金的议题（接口测试）", "leader_id": deputy},
    )
    assert call(odoo, HEAD, "office.meeting.topic", "action_submit", [topic])
    _approve(odoo, "office.meeting.topic", topic, DEPUTY)

    # the clerk books a free room; a second booking of it is refused
    start, end, room = _free_slot(odoo)
    meeting = call(
        odoo,
        CLERK,
        "office.meeting",
        "create",
        {
            "subject": "局务会议（接口测试）",
            "kind_id": kind,
            "chair_id": principal,
            "date_start": _fmt(start),
            "date_end": _fmt(end),
            "room_id": room,
            "attendee_ids": [
                (0, 0, {"user_id": principal, "role": "chair"}),
                (0, 0, {"user_id": head, "role": "member"}),
                (0, 0, {"user_id": staff, "role": "member"}),
            ],
        },
    )
    with pytest.raises(xmlrpc.client.Fault) as caught:
        call(
            odoo,
            SECRETARY,
            "office.meeting",
            "create",
            {
                "subject": "抢订会议室（接口测试）",
                "kind_id": _ref(odoo, "office_meeting.kind_special"),
                "chair_id": deputy,
                "date_start": _fmt(start + datetime.timedelta(hours=1)),
                "date_end": _fmt(end + datetime.timedelta(hours=1)),
                "room_id": room,
            },
        )
    assert "already booked" in caught.value.faultString or "已" in (
        caught.value.faultString
    )

    call(odoo, CLERK, "office.meeting.topic", "schedule", [topic], meeting)
    assert call(odoo, CLERK, "office.meeting", "action_submit", [meeting])
    _approve(odoo, "office.meeting", meeting, PRINCIPAL)
    assert call(odoo, CLERK, "office.meeting", "action_notify", [meeting])
    [read] = call(
        odoo,
        CLERK,
        "office.meeting",
        "read",
        [meeting],
        ["state", "calendar_event_id", "access_token"],
    )
    assert read["state"] == "notified"
    assert read["calendar_event_id"]

    # a participant scans the QR code on a phone and signs in
    assert call(odoo, CLERK, "office.meeting", "action_hold", [meeting])
    with browser(PHONE) as driver:
        login(driver, odoo, *STAFF)
        token = read["access_token"]
        driver.get(f"{odoo.url}/office_meeting/sign_in/{meeting}/{token}")
        driver.find_element(By.CSS_SELECTOR, "button.o_sign_in").click()
        driver.find_element(By.CSS_SELECTOR, ".o_ok")
        assert not horizontal_overflow(driver)
        screenshot(driver, "office_meeting-sign-in-phone")
    lines = call(
        odoo,
        CLERK,
        "office.meeting.attendee",
        "search_read",
        [("meeting_id", "=", meeting)],
        ["user_id", "state", "sign_in_method"],
    )
    states = {line["user_id"][0]: line for line in lines}
    assert states[staff]["state"] == "present"
    assert states[staff]["sign_in_method"] == "qr"

    # minutes and a decision; the chair signs the minutes by closing
    call(
        odoo,
        CLERK,
        "office.meeting",
        "write",
        [meeting],
        {"minutes": "<p>会议研究了盘活存量资金事项。</p>"},
    )
    department = call(odoo, HEAD, "res.users", "read", [head], ["employee_ids"])[0][
        "employee_ids"
    ]
    [employee] = call(
        odoo, HEAD, "hr.employee", "read", department[:1], ["department_id"]
    )
    decision = call(
        odoo,
        CLERK,
        "office.meeting.decision",
        "create",
        {
            "meeting_id": meeting,
            "name": "预算科一个月内完成存量资金清理（接口测试）",
            "department_id": employee["department_id"][0],
            "owner_id": head,
            "deadline_days": 20,
        },
    )
    with pytest.raises(xmlrpc.client.Fault):
        call(odoo, CLERK, "office.meeting", "action_close", [meeting])
    assert call(odoo, PRINCIPAL, "office.meeting", "action_close", [meeting])
    absent = call(
        odoo,
        CLERK,
        "office.meeting.attendee",
        "search_read",
        [("meeting_id", "=", meeting), ("user_id", "=", head)],
        ["state"],
    )
    assert absent[0]["state"] == "absent"

    # the next meeting of the kind lists the open decision, then closed
    next_start = start + datetime.timedelta(weeks=5)
    next_end = end + datetime.timedelta(weeks=5)
    following = call(
        odoo,
        CLERK,
        "office.meeting",
        "create",
        {
            "subject": "下次局务会议（接口测试）",
            "kind_id": kind,
            "chair_id": principal,
            "date_start": _fmt(next_start),
            "date_end": _fmt(next_end),
            "location": "接口测试会场",
        },
    )
    [read] = call(
        odoo, CLERK, "office.meeting", "read", [following], ["followup_decision_ids"]
    )
    assert decision in read["followup_decision_ids"]
    assert call(
        odoo, HEAD, "office.meeting.decision", "close", [decision], "已清理完毕"
    )
    [read] = call(odoo, CLERK, "office.meeting.decision", "read", [decision], ["state"])
    assert read["state"] == "done"
