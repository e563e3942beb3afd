"""The doors beside the classified records, probed over XML-RPC and HTTP
with the demo logins (issue 25): each one failed before its fix."""

import xmlrpc.client

import pytest
from conftest import new_outgoing_draft, sql_rows
from web_session import WebSession

STAFF = ("zhouli", "zhouli")
DRIVER = ("siji", "siji")
CLERK = ("wenshu", "wenshu")
CONFIDENTIAL_CLERK = ("jiyao", "jiyao")
DIRECTOR = ("bgszr", "bgszr")
INTERNAL_CONTROL = ("neikong", "neikong")
FORMATTED = "office_docs.office_outgoing_document_report_formatted_template"
ZH = {"context": {"lang": "zh_CN"}}
CLASSIFIED_TABLES = (
    "office_outgoing_document",
    "office_incoming_document",
    "office_archive_item",
)
M2M = "need_to_know_user_ids"


def _classified_titles(odoo):
    rows = sql_rows(
        odoo.db,
        " UNION ".join(
            f"SELECT title FROM {table} WHERE secrecy_level != 'none'"
            for table in CLASSIFIED_TABLES
        ),
    )
    return {row[0] for row in rows if row[0]}


def _secret_outgoing(odoo):
    [[doc_id, title]] = sql_rows(
        odoo.db,
        "SELECT id, title FROM office_outgoing_document "
        "WHERE secrecy_level != 'none' ORDER BY id LIMIT 1",
    )
    return int(doc_id), title


@pytest.fixture(scope="module")
def top_secret(odoo):
    """A 绝密 draft of the confidential clerk, read once by her."""
    doc = new_outgoing_draft(
        odoo,
        "绝密门测试文件DOORCANARY",
        staff=CONFIDENTIAL_CLERK,
        secrecy_level="top_secret",
    )
    odoo.call(*CONFIDENTIAL_CLERK, "office.outgoing.document", "read", [doc], ["title"])
    return doc


def test_reviews_and_their_mails_hide_classified_titles(odoo):
    titles = _classified_titles(odoo) | {"定密"}
    reviews = odoo.call(*DRIVER, "tier.review", "search_read", [], ["res_name"])
    messages = odoo.call(
        *DRIVER,
        "mail.message",
        "search_read",
        [("model", "=", "tier.review")],
        ["subject", "body", "record_name"],
    )
    shown = repr(reviews) + repr(messages)
    assert not [title for title in titles if title in shown]
    assert "/office/approval/approve" not in shown


def test_a_report_of_a_hidden_record_is_refused(odoo):
    doc_id, title = _secret_outgoing(odoo)
    staff = WebSession(odoo, "zhouli")
    for kind in ("html", "pdf"):
        status, body = staff.get(f"/report/{kind}/{FORMATTED}/{doc_id}")
        assert status != 200 or title.encode() not in body
        assert title not in body.decode(errors="replace")


def test_a_report_read_is_logged_with_its_channel(odoo):
    doc_id, title = _secret_outgoing(odoo)
    reader = WebSession(odoo, "jiyao")
    status, body = reader.get(f"/report/html/{FORMATTED}/{doc_id}")
    assert status == 200 and title in body.decode()
    [[channel, address]] = sql_rows(
        odoo.db,
        "SELECT channel, ip_address FROM office_secret_access_log "
        f"WHERE res_id = {doc_id} AND model = 'office.outgoing.document' "
        "ORDER BY id DESC LIMIT 1",
    )
    assert (channel, address) == ("report", "127.0.0.1")


def test_an_xmlrpc_read_is_logged_with_channel_and_address(odoo):
    doc_id, _title = _secret_outgoing(odoo)
    for method, args in (
        ("read", [[doc_id], ["title"]]),
        ("search_read", [[("id", "=", doc_id)], ["title"]]),
    ):
        [[before]] = sql_rows(
            odoo.db, "SELECT coalesce(max(id), 0) FROM office_secret_access_log"
        )
        odoo.call(*CONFIDENTIAL_CLERK, "office.outgoing.document", method, *args)
        rows = sql_rows(
            odoo.db,
            "SELECT channel, ip_address FROM office_secret_access_log "
            f"WHERE id > {before} AND res_id = {doc_id}",
        )
        assert rows == [["rpc", "127.0.0.1"]], (method, rows)


def test_the_access_log_shows_entries_up_to_the_readers_clearance(odoo, top_secret):
    for reader in (DIRECTOR, INTERNAL_CONTROL):
        shown = odoo.call(
            *reader,
            "office.secret.access.log",
            "search_read",
            [],
            ["res_name", "secrecy_level"],
        )
        assert shown, f"{reader[0]} reads the log up to 重要"
        assert not [log for log in shown if "绝密" in (log["secrecy_level"] or "")]
        assert "DOORCANARY" not in repr(shown)


def test_classification_decisions_name_only_readable_records(odoo):
    titles = _classified_titles(odoo)
    for reader in (DIRECTOR, STAFF):
        decisions = odoo.call(
            *reader, "office.classification.decision", "search_read", [], ["res_name"]
        )
        readable = {
            row["title"]
            for table in CLASSIFIED_TABLES
            for row in odoo.call(
                *reader, table.replace("_", "."), "search_read", [], ["title"]
            )
        }
        leaked = [t for t in titles - readable if t in repr(decisions)]
        assert not leaked, (reader[0], leaked)


def test_files_of_a_signed_document_are_neither_replaced_nor_deleted(odoo):
    [[doc_id]] = sql_rows(
        odoo.db,
        "SELECT id FROM office_outgoing_document WHERE state = 'signed' "
        "AND secrecy_level = 'none' ORDER BY id LIMIT 1",
    )
    [[attachment]] = sql_rows(
        odoo.db,
        "SELECT id FROM ir_attachment WHERE res_model = 'office.outgoing.document' "
        f"AND res_id = {doc_id} ORDER BY id LIMIT 1",
    )
    attachment = int(attachment)
    assert odoo.call(*CLERK, "ir.attachment", "read", [attachment], ["name"])
    before = sql_rows(
        odoo.db, f"SELECT checksum FROM ir_attachment WHERE id = {attachment}"
    )
    for method, args in (
        ("write", [[attachment], {"datas": "5pu/5o2i55qE5q2j5paH"}]),
        ("write", [[attachment], {"res_id": 1}]),
        ("unlink", [[attachment]]),
    ):
        with pytest.raises(xmlrpc.client.Fault) as refused:
            odoo.call(*CLERK, "ir.attachment", method, *args, **ZH)
        assert refused.value.faultCode == 2, refused.value.faultString[-300:]
    after = sql_rows(
        odoo.db, f"SELECT checksum FROM ir_attachment WHERE id = {attachment}"
    )
    assert after == before


def test_a_borrower_cannot_move_the_due_date_of_a_loan(odoo):
    [[loan_id, login, due]] = sql_rows(
        odoo.db,
        "SELECT l.id, u.login, l.due_date FROM office_archive_loan l "
        "JOIN res_users u ON u.id = l.borrower_id WHERE l.state = 'lent' LIMIT 1",
    )
    with pytest.raises(xmlrpc.client.Fault) as refused:
        odoo.call(
            login, login, "office.archive.loan", "write", [int(loan_id)],
            {"due_date": "2027-10-20"}, **ZH,
        )  # fmt: skip
    assert refused.value.faultCode == 2
    assert sql_rows(
        odoo.db, f"SELECT due_date FROM office_archive_loan WHERE id = {loan_id}"
    ) == [[due]]


MALFORMED = [
    ("order on a many2many", "search_read", [[], ["title"]], {"order": M2M}),
    ("bad orderby", "read_group", [[], ["title"], ["state"]], {"orderby": "x"}),
    ("bad groupby", "read_group", [[], ["title"], ["nosuch"]], {}),
    ("unknown operator", "search", [[("title", "~~", "x")]], {}),
    ("short leaf", "search", [[("title", "=")]], {}),
    ("negative limit", "search", [[]], {"limit": -1}),
    ("negative offset", "search", [[]], {"offset": -1}),
    ("limit not a number", "search", [[]], {"limit": "十"}),
    # Odoo's activity state search knows four operators (found by the fuzz run)
    ("activity state >=", "search_count", [[("activity_state", ">=", None)]], {}),
]  # fmt: skip


@pytest.mark.parametrize(
    ("case", "method", "args", "kwargs"), MALFORMED, ids=[m[0] for m in MALFORMED]
)
def test_a_malformed_call_gets_a_translated_message(odoo, case, method, args, kwargs):
    with pytest.raises(xmlrpc.client.Fault) as refused:
        odoo.call(*CLERK, "office.incoming.document", method, *args, **kwargs, **ZH)
    fault = refused.value
    assert fault.faultCode == 2, fault.faultString[-400:]
    assert "Traceback" not in fault.faultString
    assert "无法" in fault.faultString or "无效" in fault.faultString, fault.faultString


def test_an_id_beyond_postgresql_integers_gets_a_message(odoo):
    uid = odoo.login(*CLERK)
    body = xmlrpc.client.dumps(
        (odoo.db, uid, CLERK[1], "office.incoming.document", "search",
         [[("id", "=", 123456789)]], ZH),
        "execute_kw",
    ).replace("<int>123456789</int>", f"<int>{2**70}</int>")  # fmt: skip
    import urllib.request

    request = urllib.request.Request(
        f"{odoo.url}/xmlrpc/2/object",
        data=body.encode(),
        headers={"Content-Type": "text/xml"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        answer = response.read()
    with pytest.raises(xmlrpc.client.Fault) as refused:
        xmlrpc.client.loads(answer)
    assert refused.value.faultCode == 2, refused.value.faultString[-400:]
