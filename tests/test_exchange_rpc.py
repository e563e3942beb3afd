"""A document exchange system (公文交换系统) as an integration user: it
registers 200 incoming documents in one batch call, polls their states while
the office works on one of them, and can do nothing else."""

import re
import secrets
import xmlrpc.client

import pytest

CLERK = ("wenshu", "wenshu")
NUMBER_RE = re.compile(r"^收文〔(\d{4})〕(\d+)号$")


@pytest.fixture(scope="module")
def exchange(odoo):
    login = f"exchange_{secrets.token_hex(3)}"
    group = odoo.ref("office_base.group_office_integration")
    odoo.call(
        "admin",
        "admin",
        "res.users",
        "create",
        {
            "name": "公文交换系统",
            "login": login,
            "password": login,
            "groups_id": [(6, 0, [group])],
        },
    )
    return login, login


def _sender(odoo):
    return odoo.call(
        *CLERK,
        "res.partner",
        "search",
        [("office_sender_level", "=", "upper")],
        limit=1,
    )[0]


def test_batch_of_200_registered_and_polled(odoo, exchange):
    sender = _sender(odoo)
    batch = [
        {
            "sender_id": sender,
            "sender_ref": f"湘财办〔2026〕{100 + i}号",
            "title": f"交换系统来文第{i + 1}件",
            "channel": "exchange",
            "pages": 2,
        }
        for i in range(200)
    ]
    ids = odoo.call(*exchange, "office.incoming.document", "create", batch)
    assert len(ids) == 200
    docs = odoo.call(
        *exchange, "office.incoming.document", "read", ids, ["name", "state"]
    )
    numbers = [NUMBER_RE.match(doc["name"]) for doc in docs]
    assert all(numbers), [doc["name"] for doc in docs][:5]
    seqs = [int(m.group(2)) for m in numbers]
    assert seqs == list(range(seqs[0], seqs[0] + 200)), "consecutive, in order"
    assert {doc["state"] for doc in docs} == {"registered"}

    # the office accepts one; the exchange system sees the new state
    assert odoo.call(*CLERK, "office.incoming.document", "action_accept", ids[:1])
    states = odoo.call(
        *exchange,
        "office.incoming.document",
        "search_read",
        [("id", "in", ids)],
        fields=["state"],
    )
    assert sorted(s["state"] for s in states).count("accepted") == 1


def test_the_exchange_system_can_do_nothing_else(odoo, exchange):
    [own] = odoo.call(
        *exchange,
        "office.incoming.document",
        "create",
        [{"sender_id": _sender(odoo), "title": "交换系统来文", "channel": "exchange"}],
    )
    # it sees only what it registered
    visible = odoo.call(*exchange, "office.incoming.document", "search", [])
    registered = odoo.call(
        *CLERK,
        "office.incoming.document",
        "search",
        [("registered_by_id.login", "=", exchange[0])],
    )
    assert set(visible) == set(registered) and own in visible
    before = odoo.call(*CLERK, "office.incoming.document", "read", [own], ["title"])
    for method, args in (
        ("write", [[own], {"title": "改"}]),
        ("unlink", [[own]]),
        ("action_accept", [[own]]),
    ):
        with pytest.raises(xmlrpc.client.Fault) as error:
            odoo.call(*exchange, "office.incoming.document", method, *args)
        # a clear refusal, not a crash
        assert "Traceback" not in error.value.faultString, error.value.faultString
    for model in ("office.outgoing.document", "office.seal.use.request"):
        with pytest.raises(xmlrpc.client.Fault):
            odoo.call(*exchange, model, "search", [])
    after = odoo.call(*CLERK, "office.incoming.document", "read", [own], ["title"])
    assert before == after
