"""Petitions over XML-RPC: a letter received on 2026-09-30 is to be accepted
by 2026-10-15; accepted by the petition officer, it is answered by its
handler; an answer with an uncertain legal ground cannot go out before the
regulations section co-signs it; another staff member never reads the
petitioner's data."""

import xmlrpc.client

import pytest

OFFICER = ("jiyao", "jiyao")  # 赵敏, petition officer (demo)
HANDLER = ("zhouli", "zhouli")  # 周丽, budget section
REGULATIONS = ("fagui", "fagui")  # 吴涛, regulations section (demo)
OTHER = ("xinxi", "xinxi")  # 冯磊, information office
# the messages come in the language the client asks for
ZH = {"lang": "zh_CN"}
MODEL = "office.petition"


def call(odoo, who, model, method, *args, **kw):
    return odoo.call(who[0], who[1], model, method, *args, **kw)


def test_a_petition_from_registration_to_answer(odoo):
    [handler] = call(odoo, HANDLER, "res.users", "search", [("login", "=", "zhouli")])
    petition = call(
        odoo,
        OFFICER,
        MODEL,
        "create",
        {
            "petitioner_name": "测试信访人",
            "petitioner_id_number": "430902196001019999",
            "form": "letter",
            "content": "反映补贴资金能否抵扣欠缴款项。",
            "date_received": "2026-09-30",
            "handler_id": handler,
        },
    )
    [values] = call(odoo, OFFICER, MODEL, "read", [petition], ["acceptance_due"])
    assert values["acceptance_due"] == "2026-10-15"
    with pytest.raises(xmlrpc.client.Fault):
        call(odoo, HANDLER, MODEL, "action_accept", [petition])
    assert call(odoo, OFFICER, MODEL, "action_accept", [petition])
    [values] = call(odoo, HANDLER, MODEL, "read", [petition], ["state", "answer_due"])
    assert values["state"] == "accepted" and values["answer_due"]

    call(
        odoo,
        HANDLER,
        MODEL,
        "write",
        [petition],
        {
            "answer_text": "补贴资金专款专用，不得抵扣。",
            "legal_ground_uncertain": True,
        },
    )
    with pytest.raises(xmlrpc.client.Fault) as refused:
        call(odoo, HANDLER, MODEL, "action_answer", [petition], context=ZH)
    assert "税政法规科" in refused.value.faultString, refused.value.faultString
    with pytest.raises(xmlrpc.client.Fault):
        call(odoo, HANDLER, MODEL, "action_cosign", [petition])
    assert call(odoo, REGULATIONS, MODEL, "action_cosign", [petition])
    assert call(odoo, HANDLER, MODEL, "action_answer", [petition])
    [values] = call(
        odoo, HANDLER, MODEL, "read", [petition], ["state", "cosigned_by_id"]
    )
    assert values["state"] == "answered" and values["cosigned_by_id"]

    with pytest.raises(xmlrpc.client.Fault):
        call(odoo, OTHER, MODEL, "read", [petition], ["petitioner_id_number"])
