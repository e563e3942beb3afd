"""One outgoing document across the suite, over XML-RPC, each step by the
role that owns it: drafted by the budget section, reviewed by the office,
signed off, first-read and numbered, sealed (office_docs_seal: the seal use
names the document, the principal leader approves, the keeper stamps and the
ledger records it), printed, distributed, filed, and archived with an
archival code (office_archive_docs: the department's transfer list is filled
from its filed documents and accepted by the archivist)."""

import base64

STAFF = ("zhouli", "zhouli")  # 周丽, 预算科: drafts
HEAD = ("yusuanke", "yusuanke")  # 孙强, 预算科科长: compiles the transfer list
CLERK = ("wenshu", "wenshu")  # 刘芳: office clerk, seal keeper and archivist
PRINCIPAL = ("juzhang", "juzhang")
CHECKS = dict.fromkeys(
    ("check_policy", "check_legal", "check_content", "check_wording", "check_format"),
    True,
)


def _read(odoo, who, model, record, fields):
    return odoo.call(*who, model, "read", [record], fields)[0]


REVIEWERS = ("juzhang", "fujuzhang1", "fujuzhang2", "bgszr", "wenshu", "yusuanke")


def _approve_pending(odoo, model, record):
    """Approve the pending step as its reviewer (demo password = login); each
    demo reviewer looks in their own inbox (the system administrator reads
    no office review)."""
    for login in REVIEWERS:
        uid = odoo.login(login, login)
        reviews = odoo.call(
            login,
            login,
            "tier.review",
            "search_read",
            [
                ("model", "=", model),
                ("res_id", "=", record),
                ("status", "=", "pending"),
                ("can_review", "=", True),
                ("reviewer_ids", "in", [uid]),
            ],
            fields=["id"],
        )
        if reviews:
            odoo.call(
                login, login, "tier.review", "action_office_approve", [reviews[0]["id"]]
            )
            return login
    raise AssertionError(f"no demo reviewer can approve {model} {record}")


def _sign_off(odoo, doc):
    signers = []
    for _step in range(5):
        if _read(odoo, STAFF, "office.outgoing.document", doc, ["state"])["state"] != (
            "signing"
        ):
            break
        signers.append(_approve_pending(odoo, "office.outgoing.document", doc))
    return signers


def _transfer_list(odoo, year):
    budget = odoo.call(*HEAD, "hr.department", "search", [("name", "=", "预算科")])[0]
    fonds = odoo.call(*CLERK, "office.archive.fonds", "search", [("code", "=", "Z109")])
    unit = odoo.call(*CLERK, "office.archive.unit", "search", [("code", "=", "YSK")])
    category = odoo.ref("office_archive.category_ws")
    found = odoo.call(
        *HEAD,
        "office.archive.transfer.list",
        "search",
        [
            ("department_id", "=", budget),
            ("year", "=", year),
            ("category_id", "=", category),
            ("state", "in", ["draft", "returned"]),
        ],
    )
    if found:
        return found[0]
    return odoo.call(
        *HEAD,
        "office.archive.transfer.list",
        "create",
        {
            "year": year,
            "fonds_id": fonds[0],
            "category_id": category,
            "unit_id": unit[0],
            "department_id": budget,
            "document_retention_id": odoo.ref("office_archive.retention_y"),
        },
    )


def test_outgoing_document_from_draft_to_archive(odoo):
    partner = odoo.call(
        *STAFF,
        "res.partner",
        "search",
        [("office_sender_level", "=", "lower")],
        limit=1,
    )
    doc = odoo.call(
        *STAFF,
        "office.outgoing.document",
        "create",
        {
            "title": "关于开展2027年预算绩效自评工作的通知",
            "type_id": odoo.ref("office_docs.document_type_notice"),
            "issuing_code_id": odoo.call(
                *CLERK, "office.issuing.code", "search", [("name", "=", "益财发")]
            )[0],
            "main_recipient_ids": [(6, 0, partner)],
            "body_file": base64.b64encode("正文：请各单位开展自评。".encode()).decode(),
            "body_filename": "正文.docx",
        },
    )
    odoo.call(*STAFF, "office.outgoing.document", "action_submit", [doc])
    odoo.call(*CLERK, "office.outgoing.document", "write", [doc], CHECKS)
    odoo.call(*CLERK, "office.outgoing.document", "action_request_signoff", [doc])
    # 002 公文处理制度 二: the leader in charge reviews, the 局长 signs
    signers = _sign_off(odoo, doc)
    assert signers and signers[-1] == PRINCIPAL[0], signers
    odoo.call(*CLERK, "office.outgoing.document", "action_first_read", [doc])
    odoo.call(*CLERK, "office.outgoing.document", "action_number", [doc])
    values = _read(odoo, CLERK, "office.outgoing.document", doc, ["state", "number"])
    assert values["state"] == "numbered" and values["number"].startswith("益财发〔")

    # sealing, through the bridge: the request names the document
    action = odoo.call(
        *CLERK, "office.outgoing.document", "action_request_sealing", [doc]
    )
    defaults = {
        key.removeprefix("default_"): value
        for key, value in action["context"].items()
        if key.startswith("default_")
    }
    seal = odoo.call(
        *CLERK, "office.seal", "search", [("name", "=", "益阳市财政局行政章")]
    )[0]
    request = odoo.call(
        *CLERK,
        "office.seal.use.request",
        "create",
        {**defaults, "seal_ids": [(6, 0, [seal])], "stamp_count": 2},
    )
    odoo.call(*CLERK, "office.seal.use.request", "action_submit", [request])
    # 002 公章管理制度 三 "文件用印凭发文签盖章": the signed 发文稿纸 is the approval
    state = _read(odoo, CLERK, "office.seal.use.request", request, ["state"])
    assert state["state"] == "approved"
    [entry] = odoo.call(*CLERK, "office.seal.use.request", "stamp", [request], 2)
    ledger = _read(odoo, CLERK, "office.seal.ledger", entry, ["document_ref"])
    assert ledger["document_ref"] == values["number"]
    uses = _read(odoo, CLERK, "office.outgoing.document", doc, ["seal_use_count"])
    assert uses["seal_use_count"] == 1

    # printing, distribution, filing
    odoo.call(*CLERK, "office.outgoing.document", "write", [doc], {"print_copies": 2})
    odoo.call(*CLERK, "office.outgoing.document", "action_mark_printed", [doc])
    odoo.call(
        *CLERK,
        "office.outgoing.distribution",
        "create",
        {"document_id": doc, "partner_id": partner[0], "channel": "exchange"},
    )
    odoo.call(*CLERK, "office.outgoing.document", "action_distribute", [doc])
    odoo.call(*CLERK, "office.outgoing.document", "action_file", [doc])
    filed = _read(odoo, CLERK, "office.outgoing.document", doc, ["state", "filed_at"])
    assert filed["state"] == "filed"

    # archiving, through the bridge: the department's list takes the document
    year = int(filed["filed_at"][:4])
    transfer = _transfer_list(odoo, year)
    odoo.call(
        *HEAD, "office.archive.transfer.list", "action_fill_from_documents", [transfer]
    )
    items = odoo.call(
        *HEAD,
        "office.archive.item",
        "search_read",
        [("transfer_list_id", "=", transfer)],
        fields=["outgoing_document_id"],
    )
    assert doc in [
        i["outgoing_document_id"] and i["outgoing_document_id"][0] for i in items
    ]
    odoo.call(*HEAD, "office.archive.transfer.list", "action_submit", [transfer])
    odoo.call(
        *CLERK,
        "office.archive.transfer.list",
        "action_accept",
        [transfer],
        len(items),
    )
    [item] = odoo.call(
        *CLERK,
        "office.archive.item",
        "search_read",
        [("outgoing_document_id", "=", doc)],
        fields=["name", "state"],
    )
    assert item["state"] == "in_stock"
    assert item["name"].startswith(f"Z109-WS·{year}-Y-YSK-"), item["name"]
