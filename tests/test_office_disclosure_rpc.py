"""Government information disclosure over XML-RPC: a request received on
Friday 2026-09-25 registered by the disclosure officer is due 20 working days
later on the 2026 calendar; its extension, approved by the office director
(head of the disclosure office), moves it 20 working days further; a partly
disclosing answer needs its legal ground and the secrecy review of the
department and the office; another staff member never reads the requester's
data. A news item quoting the title of a confidential record is refused."""

import xmlrpc.client

import pytest

OFFICER = ("wenshu", "wenshu")  # 刘芳, disclosure officer (demo)
HANDLER = ("zhouli", "zhouli")  # 周丽, budget section
HEAD = ("yusuanke", "yusuanke")  # 孙强, head of the budget section
DIRECTOR = ("bgszr", "bgszr")  # 张伟, office director
OTHER = ("xinxi", "xinxi")  # 冯磊, information office
# the messages come in the language the client asks for
ZH = {"lang": "zh_CN"}
MODEL = "office.disclosure.request"


def call(odoo, who, model, method, *args, **kw):
    return odoo.call(who[0], who[1], model, method, *args, **kw)


def _read(odoo, who, record_id, fields):
    [values] = call(odoo, who, MODEL, "read", [record_id], fields)
    return values


def test_a_disclosure_request_from_registration_to_answer(odoo):
    request = call(
        odoo,
        OFFICER,
        MODEL,
        "create",
        {
            "requester_name": "测试申请人",
            "requester_id_number": "430902199001019999",
            "content": "2026年本局部门预算调整明细",
            "date_received": "2026-09-25",
            "department_id": odoo.ref("office_base.dep_budget_demo"),
            "handler_id": call(
                odoo, HANDLER, "res.users", "search", [("login", "=", "zhouli")]
            )[0],
        },
    )
    assert call(odoo, OFFICER, MODEL, "action_register", [request])
    values = _read(odoo, HANDLER, request, ["state", "date_due"])
    assert values == {"id": request, "state": "in_progress", "date_due": "2026-10-29"}

    # the handler asks for the extension; the office director decides
    assert call(
        odoo, HANDLER, MODEL, "request_extension", [request], "需调取三个年度的资料"
    )
    reviews = call(
        odoo,
        DIRECTOR,
        "tier.review",
        "search",
        [("model", "=", MODEL), ("res_id", "=", request), ("status", "=", "pending")],
    )
    assert len(reviews) == 1
    with pytest.raises(xmlrpc.client.Fault):
        call(odoo, HANDLER, "tier.review", "action_office_approve", reviews)
    assert call(odoo, DIRECTOR, "tier.review", "action_office_approve", reviews)
    values = _read(odoo, HANDLER, request, ["state", "date_due"])
    assert values["state"] == "extended" and values["date_due"] == "2026-11-26"

    # a partial answer states its legal ground and passes the secrecy review
    call(
        odoo,
        HANDLER,
        MODEL,
        "write",
        [request],
        {"answer_type": "partial", "answer_text": "部分信息予以公开。"},
    )
    with pytest.raises(xmlrpc.client.Fault) as refused:
        call(odoo, HANDLER, MODEL, "action_answer", [request], context=ZH)
    assert "法律依据" in refused.value.faultString, refused.value.faultString
    call(
        odoo,
        HANDLER,
        MODEL,
        "write",
        [request],
        {"legal_ground": "《政府信息公开条例》第十六条"},
    )
    with pytest.raises(xmlrpc.client.Fault) as refused:
        call(odoo, HANDLER, MODEL, "action_answer", [request], context=ZH)
    assert "保密审查" in refused.value.faultString, refused.value.faultString
    assert call(odoo, HEAD, MODEL, "action_review_department", [request])
    assert call(odoo, OFFICER, MODEL, "action_review_office", [request])
    assert call(odoo, HANDLER, MODEL, "action_answer", [request])
    values = _read(odoo, HANDLER, request, ["state", "is_late"])
    assert values["state"] == "answered"

    # the requester's data stays with the people handling the request
    with pytest.raises(xmlrpc.client.Fault):
        call(odoo, OTHER, MODEL, "read", [request], ["requester_id_number"])
    # nobody moves the deadline by writing it
    with pytest.raises(xmlrpc.client.Fault):
        call(odoo, OFFICER, MODEL, "write", [request], {"date_due": "2027-01-01"})
