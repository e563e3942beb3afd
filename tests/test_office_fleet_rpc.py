"""Official cars over XML-RPC: a staff request approved by the office
director and the principal leader, dispatched by the dispatcher; a second
booking of the same car in an overlapping period is refused with a clear
message; the driver records the trip, whose odometer reaches Odoo fleet and
never goes backwards; the contract fields read by office_risk's sensors."""

import datetime
import random
import xmlrpc.client

import pytest
from browser import PHONE, browser, horizontal_overflow, login, open_action, screenshot
from selenium.webdriver.common.by import By

STAFF = ("zhouli", "zhouli")  # 周丽, budget section
STAFF2 = ("xinxi", "xinxi")  # 冯磊, information office
DIRECTOR = ("bgszr", "bgszr")  # 张伟, office director
PRINCIPAL = ("juzhang", "juzhang")  # 王建国
DISPATCHER = ("wenshu", "wenshu")  # 刘芳 dispatches the cars (demo)
DRIVER = ("siji", "siji")  # 马军
FINANCE = ("yusuanke", "yusuanke")  # 孙强 follows the vehicle costs (demo)


def call(odoo, who, model, method, *args, **kw):
    return odoo.call(who[0], who[1], model, method, *args, **kw)


def _approve(odoo, request_id, who):
    reviews = call(
        odoo,
        who,
        "tier.review",
        "search",
        [
            ("model", "=", "office.fleet.request"),
            ("res_id", "=", request_id),
            ("status", "=", "pending"),
        ],
    )
    assert len(reviews) == 1
    assert call(odoo, who, "tier.review", "action_office_approve", reviews)


def _request(odoo, who, start, reason):
    values = {
        "purpose": "field_visit",
        "reason": reason,
        "destination": "赫山区财政局",
        "passenger_count": 2,
        "date_start": start.strftime("%Y-%m-%d %H:%M:%S"),
        "date_end": (start + datetime.timedelta(hours=3)).strftime("%Y-%m-%d %H:%M:%S"),
    }
    request = call(odoo, who, "office.fleet.request", "create", values)
    assert call(odoo, who, "office.fleet.request", "action_submit", [request])
    _approve(odoo, request, DIRECTOR)
    _approve(odoo, request, PRINCIPAL)
    [read] = call(odoo, who, "office.fleet.request", "read", [request], ["state"])
    assert read["state"] == "approved"
    return request


def _free_monday(odoo, cars, drivers):
    """A working Monday within the drivers' licences when the cars and the
    drivers are free in the morning (each run books its own)."""
    weeks = list(range(60))
    random.shuffle(weeks)
    for week in weeks:
        monday = datetime.datetime(2027, 1, 4, 1, 0) + datetime.timedelta(weeks=week)
        start = monday.strftime("%Y-%m-%d %H:%M:%S")
        end = (monday + datetime.timedelta(hours=4)).strftime("%Y-%m-%d %H:%M:%S")
        busy = call(
            odoo,
            DISPATCHER,
            "office.fleet.request",
            "search_count",
            [
                "|",
                ("vehicle_id", "in", cars),
                ("driver_id", "in", drivers),
                ("state", "in", ["dispatched", "done"]),
                ("date_start", "<", end),
                ("date_end", ">", start),
            ],
        )
        if busy:
            continue
        probe = call(
            odoo,
            STAFF,
            "office.fleet.request",
            "create",
            {
                "reason": "探测工作日",
                "destination": "-",
                "date_start": start,
                "date_end": end,
            },
        )
        [read] = call(
            odoo, STAFF, "office.fleet.request", "read", [probe], ["non_working_day"]
        )
        call(odoo, STAFF, "office.fleet.request", "unlink", [probe])
        if not read["non_working_day"]:
            return monday
    pytest.fail("no free working Monday found")


def test_dispatch_refuses_an_overlapping_booking(odoo):
    [car1] = call(
        odoo,
        DISPATCHER,
        "fleet.vehicle",
        "search",
        [("license_plate", "=", "湘H·A0001")],
    )
    [car2] = call(
        odoo,
        DISPATCHER,
        "fleet.vehicle",
        "search",
        [("license_plate", "=", "湘H·A0002")],
    )
    [driver] = call(
        odoo, DISPATCHER, "hr.employee", "search", [("user_id.login", "=", "siji")]
    )
    [driver2] = call(odoo, DISPATCHER, "hr.employee", "search", [("name", "=", "刘强")])
    monday = _free_monday(odoo, [car1, car2], [driver, driver2])
    first = _request(odoo, STAFF, monday, "核查乡镇财政所账务")
    free = call(odoo, DISPATCHER, "office.fleet.request", "get_free_vehicles", [first])
    assert car1 in free
    # the applicant cannot dispatch
    with pytest.raises(xmlrpc.client.Fault):
        call(odoo, STAFF, "office.fleet.request", "dispatch", [first], car1, driver)
    trip_id = call(
        odoo, DISPATCHER, "office.fleet.request", "dispatch", [first], car1, driver
    )
    second = _request(
        odoo, STAFF2, monday + datetime.timedelta(hours=1), "送政务外网设备"
    )
    assert car1 not in call(
        odoo, DISPATCHER, "office.fleet.request", "get_free_vehicles", [second]
    )
    with pytest.raises(xmlrpc.client.Fault) as refused:
        call(
            odoo,
            DISPATCHER,
            "office.fleet.request",
            "dispatch",
            [second],
            car1,
            driver2,
            context={"lang": "zh_CN"},
        )
    # the message is clear, in the language the client asks for
    message = refused.value.faultString
    assert "湘H·A0001" in message and "重叠时段" in message, message
    with pytest.raises(xmlrpc.client.Fault) as refused:
        call(
            odoo,
            DISPATCHER,
            "office.fleet.request",
            "dispatch",
            [second],
            car1,
            driver2,
            context={"lang": "en_US"},
        )
    assert "already booked" in refused.value.faultString
    [read] = call(odoo, DISPATCHER, "office.fleet.request", "read", [second], ["state"])
    assert read["state"] == "approved", "nothing was written"
    call(odoo, DISPATCHER, "office.fleet.request", "dispatch", [second], car2, driver2)

    # the driver records the trip; the odometer reaches Odoo fleet
    [car] = call(odoo, DISPATCHER, "fleet.vehicle", "read", [car1], ["odometer"])
    start_km = car["odometer"]
    with pytest.raises(xmlrpc.client.Fault):
        call(odoo, DRIVER, "office.fleet.trip", "depart", [trip_id], start_km - 10)
    assert call(odoo, DRIVER, "office.fleet.trip", "depart", [trip_id], start_km)
    with pytest.raises(xmlrpc.client.Fault) as backwards:
        call(
            odoo,
            DRIVER,
            "office.fleet.trip",
            "register_return",
            [trip_id],
            start_km - 1,
            context={"lang": "zh_CN"},
        )
    assert "倒退" in backwards.value.faultString
    assert call(
        odoo,
        DRIVER,
        "office.fleet.trip",
        "register_return",
        [trip_id],
        start_km + 57,
        6.0,
        20,
        0,
    )
    [trip] = call(
        odoo,
        DRIVER,
        "office.fleet.trip",
        "read",
        [trip_id],
        ["state", "distance", "sealed_violation", "odometer_ids"],
    )
    assert trip["state"] == "done" and trip["distance"] == 57
    assert trip["sealed_violation"] is False
    values = [
        entry["value"]
        for entry in call(
            odoo,
            DISPATCHER,
            "fleet.vehicle.odometer",
            "read",
            trip["odometer_ids"],
            ["value"],
        )
    ]
    assert start_km + 57 in values
    [first_read] = call(odoo, STAFF, "office.fleet.request", "read", [first], ["state"])
    assert first_read["state"] == "done"
    # another driver neither sees nor records this trip
    assert not call(odoo, STAFF2, "office.fleet.trip", "search", [("id", "=", trip_id)])


def test_national_day_break_and_the_risk_fields(odoo):
    breaks = call(
        odoo,
        DISPATCHER,
        "office.fleet.sealing.plan",
        "find_breaks",
        "2026-09-28",
        "2026-10-02",
    )
    assert breaks == [["2026-10-01", "2026-10-07"]]
    # the fields office_risk's sensors read
    flagged = call(
        odoo,
        DIRECTOR,
        "office.fleet.trip",
        "search_read",
        [("sealed_violation", "=", True)],
        ["state", "vehicle_id"],
    )
    assert flagged, "the demo trip on a sealed car during National Day is flagged"
    anomalies = call(
        odoo,
        DISPATCHER,
        "office.fleet.fuel.log",
        "search_count",
        [("anomaly", "=", True)],
    )
    assert anomalies >= 1
    [budget] = call(
        odoo,
        FINANCE,
        "office.fleet.budget",
        "search_read",
        [("year", "=", 2026)],
        ["consumption_pct", "year", "alert_level"],
    )
    assert 0 < budget["consumption_pct"] < 100
    # staff see no costs
    with pytest.raises(xmlrpc.client.Fault):
        call(odoo, STAFF, "office.fleet.cost", "search", [])


def test_driver_sees_the_trip_ledger_on_a_phone(odoo):
    with browser(PHONE) as driver:
        login(driver, odoo, *DRIVER)
        open_action(driver, odoo, "office_fleet.office_fleet_trip_action")
        cards = driver.find_elements(By.CSS_SELECTOR, ".o_kanban_record")
        assert cards, "the driver's trips are cards on a phone"
        assert (
            "湘H·A0001" in driver.find_element(By.CSS_SELECTOR, ".o_kanban_view").text
        )
        assert horizontal_overflow(driver) <= 0
        screenshot(driver, "office_fleet-driver-trips-phone")
