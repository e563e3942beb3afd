"""Attendance over XML-RPC: a 3-day sick leave of 冯磊 (information office)
goes through the approval ladder — 陈静 (leader in charge), 李明 (executive
deputy), 王建国 (principal leader) — in that order, then 冯磊 reports back
(销假); nobody approves out of turn and a leave is reported back once."""

import datetime
import random
import xmlrpc.client

import pytest

STAFF = ("xinxi", "xinxi")  # 冯磊, information office
LEADER = ("fujuzhang2", "fujuzhang2")  # 陈静, in charge of the information office
EXECUTIVE = ("fujuzhang1", "fujuzhang1")  # 李明, executive deputy (demo)
PRINCIPAL = ("juzhang", "juzhang")  # 王建国
OFFICER = ("wenshu", "wenshu")  # 刘芳 keeps the attendance (demo)

# Mondays of 2026 whose Monday to Wednesday are ordinary working days
MONDAYS = [
    datetime.date(2026, month, day)
    for month, days in (
        (3, (2, 9, 16, 23, 30)),
        (6, (1, 8, 15, 22, 29)),
        (7, (6, 13, 20, 27)),
        (8, (3, 10, 17, 24, 31)),
        (11, (2, 9, 16, 23)),
    )
    for day in days
]


def call(odoo, who, model, method, *args, **kw):
    return odoo.call(who[0], who[1], model, method, *args, **kw)


def _pending(odoo, who, leave_id):
    return call(
        odoo,
        who,
        "tier.review",
        "search",
        [
            ("model", "=", "hr.leave"),
            ("res_id", "=", leave_id),
            ("status", "=", "pending"),
            ("reviewer_ids", "in", [odoo.login(*who)]),
        ],
    )


def _approve(odoo, who, leave_id):
    reviews = _pending(odoo, who, leave_id)
    assert len(reviews) == 1, who
    assert call(odoo, who, "tier.review", "action_office_approve", reviews)


def _free_monday(odoo, employee_id):
    weeks = list(MONDAYS)
    random.shuffle(weeks)
    for monday in weeks:
        wednesday = monday + datetime.timedelta(days=2)
        taken = call(
            odoo,
            OFFICER,
            "hr.leave",
            "search_count",
            [
                ("employee_id", "=", employee_id),
                ("state", "not in", ["refuse", "cancel"]),
                ("request_date_from", "<=", str(wednesday)),
                ("request_date_to", ">=", str(monday)),
            ],
        )
        if not taken:
            return monday, wednesday
    pytest.skip("every test week of 冯磊 is taken in this database")


def test_a_three_day_leave_through_the_three_approvers_and_report_back(odoo):
    uid = odoo.login(*STAFF)
    [user] = call(odoo, STAFF, "res.users", "read", [uid], ["employee_id"])
    employee_id = user["employee_id"][0]
    monday, wednesday = _free_monday(odoo, employee_id)
    leave_id = call(
        odoo,
        STAFF,
        "hr.leave",
        "create",
        {
            "employee_id": employee_id,
            "holiday_status_id": odoo.ref("hr_holidays.holiday_status_sl"),
            "request_date_from": str(monday),
            "request_date_to": str(wednesday),
            "name": "门诊手术后休养",
        },
    )
    fields = ["state", "number_of_days", "office_ladder_level"]
    [leave] = call(odoo, STAFF, "hr.leave", "read", [leave_id], fields)
    assert leave["number_of_days"] == 3
    assert leave["office_ladder_level"] == "3"

    # out of turn: the principal leader's review is not pending yet
    assert not _pending(odoo, PRINCIPAL, leave_id)
    # Odoo's own approval is closed to the ladder's leaves
    with pytest.raises(xmlrpc.client.Fault):
        call(odoo, OFFICER, "hr.leave", "action_validate", [leave_id])

    _approve(odoo, LEADER, leave_id)
    _approve(odoo, EXECUTIVE, leave_id)
    [leave] = call(odoo, STAFF, "hr.leave", "read", [leave_id], ["state"])
    assert leave["state"] == "confirm"
    _approve(odoo, PRINCIPAL, leave_id)
    [leave] = call(odoo, STAFF, "hr.leave", "read", [leave_id], ["state"])
    assert leave["state"] == "validate"

    # 销假: by the employee, once, and never by a plain write
    with pytest.raises(xmlrpc.client.Fault):
        call(
            odoo,
            OFFICER,
            "hr.leave",
            "write",
            [leave_id],
            {"office_report_back_date": str(wednesday)},
        )
    assert call(odoo, STAFF, "hr.leave", "action_office_report_back", [leave_id])
    [leave] = call(
        odoo, STAFF, "hr.leave", "read", [leave_id], ["office_report_back_date"]
    )
    assert leave["office_report_back_date"]
    with pytest.raises(xmlrpc.client.Fault):
        call(odoo, STAFF, "hr.leave", "action_office_report_back", [leave_id])
