"""Secrecy management over XML-RPC: a secret carrier copied only after
approval and destroyed under two supervisors; a cleared person leaving the
post loses the clearance; a secret document's level changes only through the
classification officer's decision; open incidents are searchable the way
office_risk's sensor reads them."""

import base64
import datetime
import xmlrpc.client

import pytest

OFFICE = ("jiyao", "jiyao")  # confidential clerk, secrecy office
PRINCIPAL = ("juzhang", "juzhang")  # statutory classification officer
HEAD = ("yusuanke", "yusuanke")  # budget section head, general clearance
STAFF = ("zhouli", "zhouli")  # budget staff, no clearance
ADMIN = ("admin", "admin")
SCAN = base64.b64encode(b"%PDF-1.4 signed").decode()


def call(odoo, who, model, method, *args, **kw):
    return odoo.call(who[0], who[1], model, method, *args, **kw)


def approve_all(odoo, model, res_id, *reviewers):
    """Approve the pending review of each step, as the given reviewers."""
    for who in reviewers:
        reviews = call(
            odoo,
            who,
            "tier.review",
            "search",
            [
                ("model", "=", model),
                ("res_id", "=", res_id),
                ("status", "=", "pending"),
            ],
        )
        assert len(reviews) == 1, f"no pending review for {who[0]}"
        assert call(odoo, who, "tier.review", "action_office_approve", reviews)


def test_carrier_copied_after_approval_and_destroyed_under_two_supervisors(odoo):
    head_uid = odoo.login(*HEAD)
    carrier = call(
        odoo,
        OFFICE,
        "office.secret.carrier",
        "create",
        {
            "name": "RPC测试：机密预算测算表",
            "secrecy_level": "confidential",
            "custodian_id": head_uid,
            "location": "预算科保密柜",
        },
    )
    # copying outside a request, or before approval, is refused
    with pytest.raises(xmlrpc.client.Fault):
        call(odoo, HEAD, "office.secret.carrier", "copy", [carrier])
    Request = "office.secret.carrier.request"
    request = call(
        odoo,
        HEAD,
        Request,
        "create",
        {
            "operation": "copy",
            "carrier_ids": [(6, 0, [carrier])],
            "purpose": "分送分管领导",
            "copies": 2,
        },
    )
    assert call(odoo, HEAD, Request, "action_submit", [request])
    with pytest.raises(xmlrpc.client.Fault):
        call(odoo, HEAD, Request, "action_execute", [request])
    # 机密: the secrecy office, then the principal leader
    approve_all(odoo, Request, request, OFFICE, PRINCIPAL)
    assert call(odoo, HEAD, Request, "action_execute", [request])
    copies = call(
        odoo,
        HEAD,
        "office.secret.carrier",
        "search_read",
        [("source_id", "=", carrier)],
        ["number", "secrecy_level", "copy_stamp", "state"],
    )
    assert len(copies) == 2
    assert {c["secrecy_level"] for c in copies} == {"confidential"}
    [original] = call(
        odoo, HEAD, "office.secret.carrier", "read", [carrier], ["number"]
    )
    assert len({c["number"] for c in copies} | {original["number"]}) == 3
    assert all(original["number"] in c["copy_stamp"] for c in copies)

    # destruction of the copies
    copy_ids = [c["id"] for c in copies]
    destroy = call(
        odoo,
        OFFICE,
        Request,
        "create",
        {
            "operation": "destroy",
            "carrier_ids": [(6, 0, copy_ids)],
            "purpose": "会后销毁复制件",
            "facility": "益阳市国家秘密载体销毁中心",
        },
    )
    assert call(odoo, OFFICE, Request, "action_submit", [destroy])
    approve_all(odoo, Request, destroy, OFFICE, PRINCIPAL)
    with pytest.raises(xmlrpc.client.Fault):  # no list, no supervisors
        call(odoo, OFFICE, Request, "action_execute", [destroy])
    call(odoo, OFFICE, Request, "action_print_destruction_list", [destroy])
    with pytest.raises(xmlrpc.client.Fault):  # still no supervisors
        call(odoo, OFFICE, Request, "action_execute", [destroy])
    supervisors = [odoo.login("bgszr", "bgszr"), odoo.login("neikong", "neikong")]
    call(
        odoo,
        OFFICE,
        Request,
        "write",
        [destroy],
        {"supervisor1_id": supervisors[0], "supervisor2_id": supervisors[1]},
    )
    assert call(odoo, OFFICE, Request, "action_execute", [destroy])
    states = call(odoo, OFFICE, "office.secret.carrier", "read", copy_ids, ["state"])
    assert {s["state"] for s in states} == {"destroyed"}
    # a closed register entry is changed by nobody, the administrator included
    with pytest.raises(xmlrpc.client.Fault):
        call(odoo, ADMIN, "office.secret.carrier", "write", copy_ids, {"location": "x"})


def test_leaving_the_post_drops_the_clearance(odoo):
    staff_uid = odoo.login(*STAFF)
    person = call(
        odoo,
        OFFICE,
        "office.secrecy.person",
        "create",
        {
            "user_id": staff_uid,
            "secrecy_class": "general",
            "post": "RPC测试：涉密预算资料整理",
            "date_start": "2026-01-05",
            "on_post_commitment": SCAN,
            "on_post_signed": "2026-01-05",
        },
    )
    # only the secrecy office puts a person on post
    with pytest.raises(xmlrpc.client.Fault):
        call(odoo, STAFF, "office.secrecy.person", "action_start_post", [person])
    assert call(odoo, OFFICE, "office.secrecy.person", "action_start_post", [person])
    [user] = call(odoo, ADMIN, "res.users", "read", [staff_uid], ["office_clearance"])
    assert user["office_clearance"] == "general"
    # the person reads their own entry
    assert call(odoo, STAFF, "office.secrecy.person", "search", [("id", "=", person)])
    call(
        odoo,
        OFFICE,
        "office.secrecy.person",
        "write",
        [person],
        {"off_post_commitment": SCAN, "date_end": "2026-10-31"},
    )
    assert call(odoo, OFFICE, "office.secrecy.person", "action_leave_post", [person])
    [entry] = call(
        odoo,
        OFFICE,
        "office.secrecy.person",
        "read",
        [person],
        ["state", "decontamination_end"],
    )
    assert entry["state"] == "decontamination"
    assert entry["decontamination_end"] == "2027-10-31"
    [user] = call(odoo, ADMIN, "res.users", "read", [staff_uid], ["office_clearance"])
    assert user["office_clearance"] == "none"


FORGED = {"office_classification_decision": True}


def test_level_changes_only_through_the_officer(odoo):
    [doc_type] = call(
        odoo, HEAD, "office.document.type", "search", [("code", "=", "notice")], limit=1
    )
    document = call(
        odoo,
        HEAD,
        "office.outgoing.document",
        "create",
        {
            "title": "RPC测试：关于2027年预算控制数的通知",
            "type_id": doc_type,
            "secrecy_level": "secret",
        },
    )
    Decision = "office.classification.decision"
    [proposal] = call(
        odoo,
        HEAD,
        Decision,
        "search_read",
        [("res_model", "=", "office.outgoing.document"), ("res_id", "=", document)],
        ["state", "kind", "officer_id"],
    )
    assert proposal["state"] == "to_approve" and proposal["kind"] == "classify"
    assert proposal["officer_id"][0] == odoo.login(*PRINCIPAL)
    # nobody lowers the level by writing it, not even with the decision's
    # context key (only the decision, as superuser, may)
    for who, context in ((HEAD, {}), (OFFICE, {}), (HEAD, FORGED), (ADMIN, FORGED)):
        with pytest.raises(xmlrpc.client.Fault):
            call(
                odoo,
                who,
                "office.outgoing.document",
                "write",
                [document],
                {"secrecy_level": "none"},
                context=context,
            )
    approve_all(odoo, Decision, proposal["id"], PRINCIPAL)
    declassify = call(
        odoo,
        HEAD,
        Decision,
        "create",
        {
            "kind": "declassify",
            "res_model": "office.outgoing.document",
            "res_id": document,
            "secrecy_level": "none",
            "basis": "通知已公开发布",
        },
    )
    assert call(odoo, HEAD, Decision, "action_submit", [declassify])
    [doc] = call(
        odoo, HEAD, "office.outgoing.document", "read", [document], ["secrecy_level"]
    )
    assert doc["secrecy_level"] == "secret", "not before the officer decides"
    approve_all(odoo, Decision, declassify, PRINCIPAL)
    [doc] = call(
        odoo, HEAD, "office.outgoing.document", "read", [document], ["secrecy_level"]
    )
    assert doc["secrecy_level"] == "none"


def test_incident_reported_and_found_by_the_risk_sensor_domain(odoo):
    incident = call(
        odoo,
        STAFF,
        "office.secrecy.incident",
        "create",
        {
            "name": "RPC测试：秘密级文件遗留复印机",
            "description": "复印室发现遗留的秘密级文件一页。",
            "discovered_at": datetime.datetime.now().strftime("%Y-%m-%d %H:%M:%S"),
        },
    )
    open_ids = call(
        odoo,
        OFFICE,
        "office.secrecy.incident",
        "search",
        [("state", "not in", ["closed", "cancel"])],
    )
    assert incident in open_ids
    # the reporter cannot handle it; the secrecy office can
    with pytest.raises(xmlrpc.client.Fault):
        call(odoo, STAFF, "office.secrecy.incident", "action_contain", [incident])
    call(
        odoo,
        OFFICE,
        "office.secrecy.incident",
        "write",
        [incident],
        {"exposed": "秘密级文件1页", "emergency_actions": "立即收回并登记"},
    )
    assert call(odoo, OFFICE, "office.secrecy.incident", "action_contain", [incident])
