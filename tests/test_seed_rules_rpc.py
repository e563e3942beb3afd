"""The seeds' rules on signing, sealing, secret loans and urgent forwarding,
proved from outside over XML-RPC (issue 26, acceptance), each with its
refusal side:

* 002 公文处理制度 三: a 函 of the 预算科 is signed by its deputy in charge
  (李明, or the substitute his delegation names), by no other leader;
* 002 公文处理制度 二: a 文件 is reviewed by the leader in charge and signed by
  the 局长 alone;
* 002 公章管理制度 三 "文件用印凭发文签盖章": the signed 发文稿纸 is the approval of
  the seal use, no second approval is asked;
* 002 篇6 机关档案保密制度 四 "机密档案概不外借": no external loan of a classified
  archive item;
* 002 公文处理制度 七: the office director forwards an urgent upper-level
  document before the leaders' instructions; their countersignatures (补签)
  show as missing until they instruct.

Every record is created here with a unique title, so the tests run on any
copy of the demo database, on any day."""

import base64
import secrets
import xmlrpc.client

import pytest

STAFF = ("zhouli", "zhouli")  # 周丽, 预算科: drafts
CLERK = ("wenshu", "wenshu")  # 刘芳: office clerk, seal keeper, archivist
DIRECTOR = ("bgszr", "bgszr")  # 张伟, 办公室主任
PRINCIPAL = ("juzhang", "juzhang")  # 王建国, 局长
DEPUTY = ("fujuzhang1", "fujuzhang1")  # 李明, in charge of 办公室、预算科 (away)
OTHER_DEPUTY = ("fujuzhang2", "fujuzhang2")  # 陈静, substitutes 李明 (demo)
LEADERS = (PRINCIPAL, DEPUTY, OTHER_DEPUTY)
CHECKS = dict.fromkeys(
    ("check_policy", "check_legal", "check_content", "check_wording", "check_format"),
    True,
)
OUTGOING = "office.outgoing.document"
INCOMING = "office.incoming.document"


def call(odoo, who, model, method, *args, **kw):
    return odoo.call(who[0], who[1], model, method, *args, **kw)


def read(odoo, who, model, record, fields):
    return call(odoo, who, model, "read", [record], fields)[0]


def uid(odoo, who):
    return odoo.login(*who)


def unique(title):
    return f"{title}（{secrets.token_hex(3)}）"


# ----------------------------------------------------------------------
# Outgoing documents: drafting and signing
# ----------------------------------------------------------------------


def draft_outgoing(odoo, title, type_xmlid, code_name):
    [partner] = call(
        odoo,
        STAFF,
        "res.partner",
        "search",
        [("office_sender_level", "=", "lower")],
        limit=1,
    )
    [code] = call(
        odoo, CLERK, "office.issuing.code", "search", [("name", "=", code_name)]
    )
    return call(
        odoo,
        STAFF,
        OUTGOING,
        "create",
        {
            "title": unique(title),
            "type_id": odoo.ref(type_xmlid),
            "issuing_code_id": code,
            "main_recipient_ids": [(6, 0, [partner])],
            "body_file": base64.b64encode("正文：请按要求办理。".encode()).decode(),
            "body_filename": "正文.docx",
        },
    )


def to_signing(odoo, doc):
    """拟稿 → 办公室核稿 → the sign-off round."""
    call(odoo, STAFF, OUTGOING, "action_submit", [doc])
    call(odoo, CLERK, OUTGOING, "write", [doc], CHECKS)
    call(odoo, CLERK, OUTGOING, "action_request_signoff", [doc])
    assert read(odoo, STAFF, OUTGOING, doc, ["state"])["state"] == "signing"


def pending_review(odoo, who, doc):
    """The pending review of the document in that reviewer's inbox."""
    reviews = call(
        odoo,
        who,
        "tier.review",
        "search_read",
        [
            ("model", "=", OUTGOING),
            ("res_id", "=", doc),
            ("status", "=", "pending"),
            ("reviewer_ids", "in", [uid(odoo, who)]),
        ],
        fields=["id", "reviewer_ids", "status"],
    )
    assert len(reviews) == 1, (who[0], reviews)
    return reviews[0]


def review_status(odoo, review_id, who):
    return read(odoo, who, "tier.review", review_id, ["status"])["status"]


def approve(odoo, who, doc):
    review = pending_review(odoo, who, doc)
    assert call(odoo, who, "tier.review", "action_office_approve", [review["id"]])
    return review


def substitutes_of(odoo, leader):
    """Users a confirmed delegation names to act for that leader."""
    delegations = call(
        odoo,
        DIRECTOR,
        "office.delegation",
        "search_read",
        [("user_id", "=", uid(odoo, leader)), ("state", "=", "confirmed")],
        fields=["substitute_id"],
    )
    return {d["substitute_id"][0] for d in delegations}


def assert_refused_to(odoo, wrong, review, doc):
    """The wrong leader's approval raises and changes nothing."""
    with pytest.raises(xmlrpc.client.Fault):
        call(odoo, wrong, "tier.review", "action_office_approve", [review["id"]])
    assert review_status(odoo, review["id"], CLERK) == "pending"
    values = read(odoo, CLERK, OUTGOING, doc, ["state", "signer_id"])
    assert values["state"] == "signing" and not values["signer_id"], values


def signed_notice(odoo, title):
    """A 文件 (通知) of the 预算科, signed off: 办公室主任, 分管领导, 局长."""
    doc = draft_outgoing(odoo, title, "office_docs.document_type_notice", "益财发")
    to_signing(odoo, doc)
    approve(odoo, DIRECTOR, doc)
    approve(odoo, DEPUTY, doc)
    approve(odoo, PRINCIPAL, doc)
    return doc


def test_letter_of_budget_section_signed_only_by_its_deputy_in_charge_002(odoo):
    # 002 公文处理制度 三: 函件 拟稿 → 核稿 → 局分管领导签发
    doc = draft_outgoing(
        odoo,
        "关于商请提供2027年预算数据的函",
        "office_docs.document_type_letter",
        "益财函",
    )
    to_signing(odoo, doc)
    values = read(odoo, CLERK, OUTGOING, doc, ["is_letter", "leader_in_charge_id"])
    assert values["is_letter"]
    assert values["leader_in_charge_id"][0] == uid(odoo, DEPUTY)
    approve(odoo, DIRECTOR, doc)  # 核稿

    review = pending_review(odoo, DEPUTY, doc)
    # the deputy in charge, and only the substitutes his delegation names
    allowed = {uid(odoo, DEPUTY)} | substitutes_of(odoo, DEPUTY)
    assert uid(odoo, DEPUTY) in review["reviewer_ids"]
    assert set(review["reviewer_ids"]) <= allowed, review["reviewer_ids"]
    assert uid(odoo, PRINCIPAL) not in review["reviewer_ids"]
    for wrong in LEADERS:
        if uid(odoo, wrong) not in review["reviewer_ids"]:
            assert_refused_to(odoo, wrong, review, doc)

    approve(odoo, DEPUTY, doc)
    signed = read(odoo, CLERK, OUTGOING, doc, ["state", "signer_id"])
    assert signed["state"] == "signed"
    assert signed["signer_id"][0] == uid(odoo, DEPUTY)
    # nothing more to sign: the 局长 has no step on a letter
    assert not call(
        odoo,
        PRINCIPAL,
        "tier.review",
        "search",
        [("model", "=", OUTGOING), ("res_id", "=", doc), ("status", "=", "pending")],
    )


def test_document_signed_only_by_the_principal_leader_002(odoo):
    # 002 公文处理制度 二: 拟稿 → 办公室核稿 → 分管领导审核 → 局长签发
    doc = draft_outgoing(
        odoo,
        "关于做好2027年预算执行工作的通知",
        "office_docs.document_type_notice",
        "益财发",
    )
    to_signing(odoo, doc)
    approve(odoo, DIRECTOR, doc)
    approve(odoo, DEPUTY, doc)  # 分管领导审核: reviewed, not signed
    assert not read(odoo, CLERK, OUTGOING, doc, ["signer_id"])["signer_id"]

    review = pending_review(odoo, PRINCIPAL, doc)
    assert set(review["reviewer_ids"]) == {uid(odoo, PRINCIPAL)} | substitutes_of(
        odoo, PRINCIPAL
    )
    for wrong in (DEPUTY, OTHER_DEPUTY):
        assert uid(odoo, wrong) not in review["reviewer_ids"]
        assert_refused_to(odoo, wrong, review, doc)

    approve(odoo, PRINCIPAL, doc)
    signed = read(odoo, CLERK, OUTGOING, doc, ["state", "signer_id"])
    assert signed["state"] == "signed"
    assert signed["signer_id"][0] == uid(odoo, PRINCIPAL)


# ----------------------------------------------------------------------
# Sealing on the signed 发文稿纸
# ----------------------------------------------------------------------


def seal_request_values(odoo, doc):
    action = call(odoo, CLERK, OUTGOING, "action_request_sealing", [doc])
    return {
        key.removeprefix("default_"): value
        for key, value in action["context"].items()
        if key.startswith("default_")
    }


def test_signed_document_stamped_without_a_second_approval_002(odoo):
    # 002 公章管理制度 三: 文件用印凭发文签盖章
    [seal] = call(
        odoo, CLERK, "office.seal", "search", [("name", "=", "益阳市财政局行政章")]
    )
    doc = signed_notice(odoo, "关于下达2027年预算控制数的通知")
    # before its numbering the document is not sealed
    with pytest.raises(xmlrpc.client.Fault):
        call(odoo, CLERK, OUTGOING, "action_request_sealing", [doc])
    with pytest.raises(xmlrpc.client.Fault):
        call(
            odoo,
            CLERK,
            "office.seal.use.request",
            "create",
            {
                "seal_ids": [(6, 0, [seal])],
                "use_category": "cat1",
                "summary": "未编号的发文",
                "outgoing_document_id": doc,
            },
        )
    call(odoo, CLERK, OUTGOING, "action_first_read", [doc])
    call(odoo, CLERK, OUTGOING, "action_number", [doc])

    request = call(
        odoo,
        CLERK,
        "office.seal.use.request",
        "create",
        {**seal_request_values(odoo, doc), "seal_ids": [(6, 0, [seal])]},
    )
    values = read(
        odoo,
        CLERK,
        "office.seal.use.request",
        request,
        ["use_category", "on_signed_document"],
    )
    assert values == {
        "id": request,
        "use_category": "cat1",
        "on_signed_document": True,
    }
    call(odoo, CLERK, "office.seal.use.request", "action_submit", [request])
    assert read(odoo, CLERK, "office.seal.use.request", request, ["state"])[
        "state"
    ] == ("approved")
    for leader in LEADERS:
        assert not call(
            odoo,
            leader,
            "tier.review",
            "search",
            [
                ("model", "=", "office.seal.use.request"),
                ("res_id", "=", request),
                ("status", "=", "pending"),
            ],
        )
    [entry] = call(odoo, CLERK, "office.seal.use.request", "stamp", [request], 1)
    ledger = read(odoo, CLERK, "office.seal.ledger", entry, ["document_ref"])
    number = read(odoo, CLERK, OUTGOING, doc, ["number"])["number"]
    assert ledger["document_ref"] == number

    # the same use without a signed document waits for its approval
    plain = call(
        odoo,
        CLERK,
        "office.seal.use.request",
        "create",
        {
            "seal_ids": [(6, 0, [seal])],
            "use_category": "cat1",
            "summary": unique("合同用印"),
            "paper_only_reason": "纸质合同，当面核对",
        },
    )
    call(odoo, CLERK, "office.seal.use.request", "action_submit", [plain])
    assert read(odoo, CLERK, "office.seal.use.request", plain, ["state"]) == {
        "id": plain,
        "state": "to_approve",
    }
    with pytest.raises(xmlrpc.client.Fault):
        call(odoo, CLERK, "office.seal.use.request", "stamp", [plain], 1)


# ----------------------------------------------------------------------
# Archives: classified items are never lent outside
# ----------------------------------------------------------------------


def filed_item(odoo, who, title, secrecy_level):
    [fonds] = call(
        odoo, CLERK, "office.archive.fonds", "search", [("code", "=", "Z109")]
    )
    [unit] = call(odoo, CLERK, "office.archive.unit", "search", [("code", "=", "YSK")])
    [budget] = call(odoo, CLERK, "hr.department", "search", [("name", "=", "预算科")])
    values = {
        "title": unique(title),
        "fonds_id": fonds,
        "category_id": odoo.ref("office_archive.category_ws"),
        "year": 2025,
        "retention_id": odoo.ref("office_archive.retention_y"),
        "unit_id": unit,
        "department_id": budget,
        "secrecy_level": secrecy_level,
    }
    item = call(odoo, who, "office.archive.item", "create", values)
    call(odoo, who, "office.archive.item", "action_file", [item])
    return item


def external_loan(odoo, who, item):
    return call(
        odoo,
        who,
        "office.archive.loan",
        "create",
        {
            "item_ids": [(6, 0, [item])],
            "purpose": "审计查阅",
            "external": True,
            "external_org": "某会计师事务所 王某",
            "intro_letter": base64.b64encode(b"%PDF letter").decode(),
            "work_id_card": base64.b64encode(b"%PDF work id").decode(),
        },
    )


def test_confidential_archive_item_never_lent_outside_002(odoo):
    # 002 篇6 机关档案保密制度 四: 机密档案概不外借
    # the office director is an archivist cleared for 机密 (the clerk is not)
    secret = filed_item(odoo, DIRECTOR, "2025年预算调整方案（机密）", "confidential")
    loan = external_loan(odoo, DIRECTOR, secret)
    with pytest.raises(xmlrpc.client.Fault) as refused:
        call(odoo, DIRECTOR, "office.archive.loan", "action_submit", [loan])
    assert "外借" in refused.value.faultString or "outside" in (
        refused.value.faultString
    )
    after = read(odoo, DIRECTOR, "office.archive.loan", loan, ["state"])
    assert after["state"] == "draft"
    assert not call(
        odoo,
        DIRECTOR,
        "tier.review",
        "search",
        [("model", "=", "office.archive.loan"), ("res_id", "=", loan)],
    )
    assert read(odoo, DIRECTOR, "office.archive.item", secret, ["state"])["state"] == (
        "in_stock"
    )

    # the same external loan of an open item goes to its approval
    open_item = filed_item(odoo, CLERK, "2025年预算公开资料", "none")
    loan = external_loan(odoo, CLERK, open_item)
    call(odoo, CLERK, "office.archive.loan", "action_submit", [loan])
    assert read(odoo, CLERK, "office.archive.loan", loan, ["state"])["state"] == (
        "to_approve"
    )


# ----------------------------------------------------------------------
# Incoming documents: urgent forwarding and countersignatures
# ----------------------------------------------------------------------


def proposed_incoming(odoo, urgency):
    """An upper-level document for action, proposed to 陈静 and the 局长, the
    预算科 leading."""
    [sender] = call(
        odoo, CLERK, "res.partner", "search", [("name", "=", "湖南省财政厅")]
    )
    [budget] = call(odoo, CLERK, "hr.department", "search", [("name", "=", "预算科")])
    doc = call(
        odoo,
        CLERK,
        INCOMING,
        "create",
        {
            "sender_id": sender,
            "sender_ref": unique("湘财预〔2026〕"),
            "title": unique("关于紧急报送2027年预算草案的通知"),
            "handling_kind": "action",
            "channel": "paper",
            "pages": 3,
            "urgency": urgency,
        },
    )
    call(odoo, CLERK, INCOMING, "action_accept", [doc])
    leaders = [uid(odoo, OTHER_DEPUTY), uid(odoo, PRINCIPAL)]
    call(
        odoo,
        CLERK,
        INCOMING,
        "action_propose",
        [doc],
        "拟请领导阅示，预算科先行准备。",
        leaders,
    )
    call(odoo, CLERK, INCOMING, "write", [doc], {"lead_department_id": budget})
    return doc


def countersign(odoo, doc):
    values = read(
        odoo,
        CLERK,
        INCOMING,
        doc,
        ["state", "urgent_forward", "countersign_missing_ids"],
    )
    return (
        values["state"],
        values["urgent_forward"],
        set(values["countersign_missing_ids"]),
    )


def test_urgent_document_forwarded_by_director_then_countersigned_002(odoo):
    # 002 公文处理制度 七: 办公室主任安排先转发, 事后报领导阅示或补签
    doc = proposed_incoming(odoo, "urgent")
    # the ordinary assignment waits for the instructions; the clerk may not
    # forward first
    with pytest.raises(xmlrpc.client.Fault):
        call(odoo, CLERK, INCOMING, "action_assign", [doc])
    with pytest.raises(xmlrpc.client.Fault):
        call(odoo, CLERK, INCOMING, "action_urgent_assign", [doc])
    assert countersign(odoo, doc) == ("proposed", False, set())

    call(odoo, DIRECTOR, INCOMING, "action_urgent_assign", [doc])
    both = {uid(odoo, OTHER_DEPUTY), uid(odoo, PRINCIPAL)}
    assert countersign(odoo, doc) == ("assigned", True, both)
    call(odoo, OTHER_DEPUTY, INCOMING, "action_instruct", [doc], "同意先行办理。")
    assert countersign(odoo, doc) == ("assigned", True, {uid(odoo, PRINCIPAL)})
    call(odoo, PRINCIPAL, INCOMING, "action_instruct", [doc], "同意。")
    assert countersign(odoo, doc) == ("assigned", True, set())

    # an ordinary document is not forwarded before the instructions
    ordinary = proposed_incoming(odoo, "normal")
    with pytest.raises(xmlrpc.client.Fault):
        call(odoo, DIRECTOR, INCOMING, "action_urgent_assign", [ordinary])
    assert countersign(odoo, ordinary) == ("proposed", False, set())
