"""No context key grants a right, skips a check or moves time.

The keys the suite reads from the context are collected from the source of
the addons, together with the keys the suite honoured before the workflow
kernel. A staff user sends all of them at once, over XML-RPC and over
JSON-RPC, with a direct state write, a review created for an office request,
a review decided by writing it, and a holiday sealing with a moved clock.
Each call is refused, and the rows read back in SQL are unchanged."""

import re
import xmlrpc.client

import pytest
from conftest import ROOT, new_outgoing_draft, sql_rows

# what the suite read before the kernel (issue 28); some are gone from the
# source, and must stay without effect
FORMER_KEYS = {
    "office_tier_decision",
    "office_tier_request",
    "office_seal_state_change",
    "office_seal_handover",
    "office_licence_loan",
    "office_risk_error_workflow",
    "office_no_delegation_twin",
    "office_fleet_now",
    "office_docs_workflow",
    "office_classification_decision",
    "skip_validation_check",
}
READ_KEY = re.compile(
    r"""(?:context\.get\(|env\.context\[|_context\.get\(|in self\.env\.context)"""
    r"""\s*["'](\w+)["']"""
)
STAFF = ("zhouli", "zhouli")
# Odoo's own keys: the language, the records a report was started on,
# install mode, under which the risk sensors stay idle, and the module the
# registry is loading, which owns the rules the mixins create then (read in
# a private method no caller reaches); none grants anything
ODOO_KEYS = {
    "active_ids",
    "active_id",
    "active_model",
    "lang",
    "install_mode",
    "module",
}


def _source_keys():
    keys = set()
    for path in (ROOT / "addons").rglob("*.py"):
        if "/tests/" in str(path):
            continue
        keys |= set(READ_KEY.findall(path.read_text(encoding="utf-8")))
    return keys


def _context():
    keys = (_source_keys() - ODOO_KEYS) | FORMER_KEYS
    context = dict.fromkeys(keys, True)
    context["office_fleet_now"] = "2020-01-01 00:00:00"
    return context


def _jsonrpc(odoo, model, method, args, kwargs):
    uid = odoo.login(*STAFF)
    return odoo.jsonrpc(
        "/jsonrpc",
        {
            "service": "object",
            "method": "execute_kw",
            "args": [odoo.db, uid, STAFF[1], model, method, args, kwargs],
        },
    )


def _both_channels(odoo, model, method, args):
    """Call as the staff user with every key, over XML-RPC then JSON-RPC;
    return how many of the two calls were refused."""
    kwargs = {"context": _context()}
    refused = 0
    try:
        odoo.call(*STAFF, model, method, *args, **kwargs)
    except xmlrpc.client.Fault:
        refused += 1
    try:
        _jsonrpc(odoo, model, method, args, kwargs)
    except RuntimeError:
        refused += 1
    return refused


def _rows(odoo, query):
    return sql_rows(odoo.db, query)


def test_the_source_reads_only_odoos_own_keys():
    """addons/ reads no key of its own from the context, only Odoo's."""
    assert _source_keys() <= ODOO_KEYS, sorted(_source_keys() - ODOO_KEYS)


def test_a_state_written_with_every_key_is_refused(odoo):
    doc = new_outgoing_draft(odoo, "上下文键测试稿")
    query = f"SELECT state, write_date FROM office_outgoing_document WHERE id = {doc}"
    before = _rows(odoo, query)
    assert before[0][0] == "draft"
    refused = _both_channels(
        odoo, "office.outgoing.document", "write", [[doc], {"state": "signed"}]
    )
    assert refused == 2
    assert _rows(odoo, query) == before


def test_a_review_created_or_decided_with_every_key_is_refused(odoo):
    doc = new_outgoing_draft(odoo, "上下文键测试稿二")
    count = "SELECT count(*) FROM tier_review"
    pending = _rows(
        odoo,
        "SELECT r.id, r.status FROM tier_review r JOIN tier_definition d "
        "ON d.id = r.definition_id WHERE r.status = 'pending' "
        "AND r.model LIKE 'office.%' ORDER BY r.id LIMIT 1",
    )
    [definition] = _rows(
        odoo,
        "SELECT d.id FROM tier_definition d JOIN ir_model m ON m.id = d.model_id "
        "WHERE m.model = 'office.outgoing.document' LIMIT 1",
    )
    before = _rows(odoo, count)
    created = _both_channels(
        odoo,
        "tier.review",
        "create",
        [
            {
                "model": "office.outgoing.document",
                "res_id": doc,
                "definition_id": int(definition[0]),
                "status": "approved",
            }
        ],
    )
    assert created == 2
    assert _rows(odoo, count) == before
    assert pending, "the demo has a pending office review"
    review_id, status = pending[0]
    decided = _both_channels(
        odoo, "tier.review", "write", [[int(review_id)], {"status": "approved"}]
    )
    assert decided == 2
    assert _rows(odoo, f"SELECT status FROM tier_review WHERE id = {review_id}") == [
        [status]
    ]


@pytest.mark.parametrize("method", ["action_seal", "action_unseal"])
def test_the_clock_cannot_be_moved_by_a_key(odoo, method):
    plans = _rows(odoo, "SELECT id FROM office_fleet_sealing_plan ORDER BY id LIMIT 1")
    assert plans, "the demo has a holiday sealing plan"
    query = (
        "SELECT state, write_date FROM office_fleet_sealing_plan "
        f"WHERE id = {plans[0][0]}"
    )
    before = _rows(odoo, query)
    refused = _both_channels(
        odoo, "office.fleet.sealing.plan", method, [[int(plans[0][0])]]
    )
    assert refused == 2
    assert _rows(odoo, query) == before
