"""Malformed calls, one domain after another, as an external system would
make them by mistake: wrong types, missing fields, unknown states, dates in
the wrong order, oversized text, negative counts, unknown methods. Each gets
a clear, translated refusal (faultCode 2 or 4, no traceback) and writes
nothing: the table's rows, from SQL, are the same before and after."""

import xmlrpc.client

import pytest
from conftest import new_outgoing_draft, sql_rows

STAFF = ("zhouli", "zhouli")
CLERK = ("wenshu", "wenshu")
PRINCIPAL = ("juzhang", "juzhang")
ZH = {"context": {"lang": "zh_CN"}}


def _incoming(odoo, **values):
    [sender] = odoo.call(
        *CLERK,
        "res.partner",
        "search",
        [("office_sender_level", "=", "upper")],
        limit=1,
    )
    return dict({"title": "关于格式错误调用的函", "sender_id": sender}, **values)


def _fleet(odoo, **values):
    return dict(
        {
            "reason": "调研",
            "destination": "市郊",
            "date_start": "2026-12-01 09:00:00",
            "date_end": "2026-12-01 17:00:00",
        },
        **values,
    )


def _seal_use(odoo, **values):
    [seal] = odoo.call(*CLERK, "office.seal", "search", [], limit=1)
    return dict(
        {
            "summary": "合同用印",
            "paper_only_reason": "纸质合同",
            "seal_ids": [(6, 0, [seal])],
        },
        **values,
    )


def _delegation(odoo, **values):
    me = odoo.login(*PRINCIPAL)
    [other] = odoo.call(*PRINCIPAL, "res.users", "search", [("login", "=", "bgszr")])
    return dict(
        {
            "user_id": me,
            "substitute_id": other,
            "date_from": "2026-12-01",
            "date_to": "2026-12-05",
        },
        **values,
    )


# (case, who, model, builder of create values, words the message must hold)
CREATES = [
    ("missing required field", CLERK, "office.incoming.document",
     lambda o: {"title": "缺少来文单位"}, "来文单位"),
    ("unknown state", CLERK, "office.incoming.document",
     lambda o: _incoming(o, state="flying"), "flying"),
    ("id of the wrong type", CLERK, "office.incoming.document",
     lambda o: _incoming(o, sender_id="上级机关"), "正整数"),
    ("impossible date", CLERK, "office.incoming.document",
     lambda o: _incoming(o, received_at="2026-02-30 09:00:00"), "YYYY-MM-DD"),
    ("oversized title", CLERK, "office.incoming.document",
     lambda o: _incoming(o, title="长" * 5000), "文本过长"),
    ("negative page count", CLERK, "office.incoming.document",
     lambda o: _incoming(o, pages=-3), ""),
    ("return before departure", STAFF, "office.fleet.request",
     lambda o: _fleet(o, date_end="2026-12-01 08:00:00"), ""),
    ("number of the wrong type", STAFF, "office.seal.use.request",
     lambda o: _seal_use(o, stamp_count="三份"), "整数"),
    ("delegation ending before it starts", PRINCIPAL, "office.delegation",
     lambda o: _delegation(o, date_to="2026-11-20"), ""),
    ("unknown field", STAFF, "office.fleet.request",
     lambda o: _fleet(o, colour="red"), "colour"),
]  # fmt: skip


def _rows(odoo, model):
    return sql_rows(odoo.db, f"SELECT count(*) FROM {model.replace('.', '_')}")


def _refused(call):
    with pytest.raises(xmlrpc.client.Fault) as refused:
        call()
    fault = refused.value
    assert "Traceback" not in fault.faultString, fault.faultString[-600:]
    assert fault.faultCode in (2, 4), fault
    return fault.faultString


@pytest.mark.parametrize(
    ("case", "who", "model", "values", "words"), CREATES, ids=[c[0] for c in CREATES]
)
def test_malformed_create_is_refused_and_writes_nothing(
    odoo, case, who, model, values, words
):
    payload = values(odoo)
    before = _rows(odoo, model)
    message = _refused(lambda: odoo.call(*who, model, "create", payload, **ZH))
    assert words in message
    assert _rows(odoo, model) == before


@pytest.fixture(scope="module")
def draft(odoo):
    return new_outgoing_draft(odoo, "关于格式错误修改的测试")


WRITES = [
    ("unknown state", {"state": "teleported"}, "teleported"),
    ("oversized title", {"title": "长" * 5000}, "文本过长"),
    ("recipients not a list", {"main_recipient_ids": "各区县"}, "列表"),
    ("NUL byte over JSON-free XML", {"title": "正文\x00"}, "XML"),
]


@pytest.mark.parametrize(
    ("case", "values", "words"), WRITES, ids=[w[0] for w in WRITES]
)
def test_malformed_write_is_refused_and_changes_nothing(
    odoo, draft, case, values, words
):
    fields = ["title", "state", "main_recipient_ids", "write_date"]
    [before] = odoo.call(*STAFF, "office.outgoing.document", "read", [draft], fields)
    message = _refused(
        lambda: odoo.call(
            *STAFF, "office.outgoing.document", "write", [draft], values, **ZH
        )
    )
    assert words in message
    [after] = odoo.call(*STAFF, "office.outgoing.document", "read", [draft], fields)
    assert after == before


def test_a_workflow_step_out_of_order_is_refused(odoo, draft):
    message = _refused(
        lambda: odoo.call(*CLERK, "office.outgoing.document", "action_number", [draft])
    )
    [read] = odoo.call(*STAFF, "office.outgoing.document", "read", [draft], ["number"])
    assert message and not read["number"]


def test_an_unknown_method_is_refused(odoo):
    with pytest.raises(xmlrpc.client.Fault) as refused:
        odoo.call(*CLERK, "office.incoming.document", "action_teleport", [1])
    assert "action_teleport" in refused.value.faultString
