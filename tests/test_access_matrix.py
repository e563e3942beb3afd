"""The access matrix of the suite, checked over XML-RPC.

MATRIX says, for every model of our addons and each role, which of read (r),
write (w), create (c) and unlink (u) the role's demo user has on the model
(``-``: none). The test asks the server as that user
(``res.users.office_access_rights``, i.e. ``has_access`` per operation) and
compares; a model of our addons missing from MATRIX fails the test, so a new
model cannot ship without deciding its access.

Record rules are checked in test_secret_leaks.py; ledgers' append-only rule
(write/unlink refused even where the ACL allows) in the domain tests."""

import pytest

ROLES = (
    ("portal", None),  # a portal user created by the test
    ("staff", "zhouli"),
    ("clerk", "wenshu"),
    ("dept head", "yusuanke"),
    ("director", "bgszr"),
    ("leader", "fujuzhang2"),
    ("principal", "juzhang"),
    ("control", "neikong"),
)

# model: rights per role, in the order of ROLES
MATRIX = {
    "office.archive.backup": "- - rwcu - rwcu - - r",
    "office.archive.repair": "- - rwcu - rwcu - - r",
    "office.archive.statistics": "- - rwcu - rwcu r r r",
    "office.fleet.standin": "- r rwcu r rwcu r r r",
    "office.seal.intro.letter": "- r rwcu r rwcu r r r",
    "office.seal.letter.paper": "- r rwcu r rwcu r r r",
    "office.asset": "- r rwcu rwcu rwcu r r r",
    "office.asset.assign.wizard": "- - rwc rwc rwc - - -",
    "office.asset.assignment": "- r r r r r r r",
    "office.asset.disposal": "- rwcu rwcu rwcu rwcu rwcu rwcu rwcu",
    "office.asset.repair": "- rwcu rwcu rwcu rwcu rwcu rwcu rwcu",
    "office.asset.stocktake": "- r rwcu rwcu rwcu r r r",
    "office.asset.stocktake.line": "- r r r r r r r",
    "office.attendance.tally": "- - - - - - - -",
    "office.document.copy": "- r rwcu r rwcu r r r",
    "office.document.loan": "- r rwcu r rwcu r r r",
    "office.document.disposal": "- - rwcu - rwcu - - -",
    "office.document.disposal.line": "- - rwcu - rwcu - - -",
    "office.expense.budget": "- - - rwcu rwcu - - r",
    "office.expense.reception": "- rwcu rwcu rwcu rwcu rwcu rwcu rwcu",
    "office.expense.reception.guest": "- rwcu rwcu rwcu rwcu rwcu rwcu rwcu",
    "office.expense.reception.line": "- rwcu rwcu rwcu rwcu rwcu rwcu rwcu",
    "office.expense.region": "- r r rwcu rwcu r r r",
    "office.expense.request": "- rwcu rwcu rwcu rwcu rwcu rwcu rwcu",
    "office.expense.standard": "- r r rwcu rwcu r r r",
    "office.expense.travel": "- rwcu rwcu rwcu rwcu rwcu rwcu rwcu",
    "office.handover.source": "- r r r rwcu r r r",
    "office.meeting": "- r rwcu r rwcu rwc rwc r",
    "office.meeting.attendee": "- rw rwcu rw rwcu rwcu rwcu rw",
    "office.meeting.decision": "- r rwc r rwc rwc rwc r",
    "office.meeting.kind": "- r r r rwcu r r r",
    "office.meeting.room": "- r rwcu r rwcu r r r",
    "office.meeting.topic": "- rwcu rwcu rwcu rwcu rwcu rwcu rwcu",
    "office.print.copy": "- r rw r rw r r r",
    "office.print.job": "- rwcu rwcu rwcu rwcu rwcu rwcu rwcu",
    "office.safety.area": "- r rwcu r rwcu r r r",
    "office.safety.round": "- rwcu rwcu rwcu rwcu rwcu rwcu rwcu",
    "office.staff.move": "- r rwcu r rwcu r r r",
    "office.staff.move.line": "- r r r r r r r",
    "office.supply.issue": "- r rwcu r rwcu r r r",
    "office.supply.issue.line": "- r rwcu r rwcu r r r",
    "office.supply.item": "- r rwc r rwc r r r",
    "office.supply.purchase": "- rwcu rwcu rwcu rwcu rwcu rwcu rwcu",
    "office.supply.purchase.line": "- rwcu rwcu rwcu rwcu rwcu rwcu rwcu",
    "office.annual.leave.rule": "- r rwcu r rwcu r r r",
    "office.annual.leave.wizard": "- - rwcu - rwcu - - -",
    "office.attendance.discrepancy": "- r rw r rw r r r",
    "office.attendance.import.wizard": "- - rwcu - rwcu - - -",
    "office.attendance.register.wizard": "- - rwcu - rwcu - - -",
    "office.attendance.timetable": "- r rwcu r rwcu r r r",
    "office.duty.roster": "- r rwcu r rwcu r r r",
    "office.duty.shift": "- rw rwcu rw rwcu rw rw rw",
    "office.overtime": "- rwcu rwcu rwcu rwcu rwcu rwcu rwcu",
    "office.approval.history": "- r r r r r r r",
    "office.archive.appraisal": "- - rwcu - rwcu r r r",
    "office.archive.appraisal.line": "- - rwcu - rwcu r r r",
    "office.archive.box": "- r rwcu r rwcu r r r",
    "office.archive.category": "- r rwcu r rwcu r r r",
    "office.archive.copy": "- r rwc r rwc r r r",
    "office.archive.counter": "- - r - r - - -",
    "office.archive.destruction": "- - rwcu - rwcu r r r",
    "office.archive.efile": "- rwcu rwcu rwcu rwcu rwcu rwcu rwcu",
    "office.archive.fonds": "- r rwcu r rwcu r r r",
    "office.archive.incident": "- r rwc r rwc r r r",
    "office.archive.inspection": "- - rwc - rwc - - r",
    "office.archive.item": "- rwcu rwcu rwcu rwcu rwcu rwcu rwcu",
    "office.archive.loan": "- rwcu rwcu rwcu rwcu rwcu rwcu rwcu",
    "office.archive.reason.wizard": "- rwc rwc rwc rwc rwc rwc rwc",
    "office.archive.retention": "- r rwcu r rwcu r r r",
    "office.archive.room": "- r rwcu r rwcu r r r",
    "office.archive.room.access": "- - rwc - rwc - - r",
    "office.archive.room.reading": "- - rwc - rwc - - r",
    "office.archive.state.transfer": "- - rwcu - rwcu r r r",
    "office.archive.transfer.list": "- rwcu rwcu rwcu rwcu rwcu rwcu rwcu",
    "office.archive.unit": "- r rwcu r rwcu r r r",
    "office.classification.decision": "- rwc rwc rwc rwcu rwc rwc rwc",
    "office.classification.officer": "- r r r rwcu r r r",
    "office.deadline.rule": "- r r r rwcu r r r",
    "office.delegation": "- rwcu rwcu rwcu rwcu rwcu rwcu rwcu",
    "office.disclosure.annual.report": "- - rwcu rw rwcu - - rw",
    "office.disclosure.release": "- rwcu rwcu rwcu rwcu rwcu rwcu rwcu",
    "office.disclosure.request": "- rw rwcu rw rwcu rw rw rw",
    "office.document.circulation": "- r rwcu r rwcu r r r",
    "office.document.instruction": "- r r r r r r r",
    "office.document.scan.wizard": "- rwc rwc rwc rwc rwc rwc rwc",
    "office.document.type": "- r r r rwcu r r r",
    "office.fleet.accident": "- rwc rwcu rwc rwcu rwc rwc rwc",
    "office.fleet.budget": "- - r rwc rwcu - - r",
    "office.fleet.cost": "- - rwc r rwc - - r",
    "office.fleet.dispatch.wizard": "- - rwc - rwc - - -",
    "office.fleet.fuel.log": "- rwcu rwcu rwcu rwcu rwcu rwcu rwcu",
    "office.fleet.key.log": "- r rwc r rwc r r r",
    "office.fleet.publication.wizard": "- rwc rwc rwc rwc rwc rwc rwc",
    "office.fleet.repair": "- rwcu rwcu rwcu rwcu rwcu rwcu rwcu",
    "office.fleet.request": "- rwcu rwcu rwcu rwcu rwcu rwcu rwcu",
    "office.fleet.sealing.line": "- r rwcu r rwcu r r r",
    "office.fleet.sealing.plan": "- r rwcu r rwcu r r r",
    "office.fleet.trip": "- rwc rwcu rwc rwcu rwc rwc rwc",
    "office.fleet.trip.return.wizard": "- rwc rwc rwc rwc rwc rwc rwc",
    "office.holiday": "- r r r rwcu r r r",
    "office.holiday.year": "- r r r rwcu r r r",
    "office.incoming.assignment": "- r r r r r r r",
    "office.incoming.document": "- rw rwc rw rwcu rw rw rw",
    "office.incoming.instruct.wizard": "- - - - - rwc rwc -",
    "office.incoming.propose.wizard": "- - rwc - rwc - - -",
    "office.incoming.progress": "- r r r r r r r",
    "office.issuing.code": "- r r r rwcu r r r",
    "office.issuing.counter": "- r r r rwcu r r r",
    "office.licence": "- r rwc r rwcu r r r",
    "office.licence.loan": "- rwcu rwcu rwcu rwcu rwcu rwcu rwcu",
    "office.outgoing.body.version": "- r r r r r r r",
    "office.outgoing.cosign": "- rwcu rwcu rwcu rwcu rwcu rwcu rwcu",
    "office.outgoing.distribution": "- r rwcu r rwcu r r r",
    "office.outgoing.document": "- rwcu rwcu rwcu rwcu rwcu rwcu rwcu",
    "office.petition": "- rw rw rw rwcu rw rw rw",
    "office.reason.wizard": "- rwc rwc rwc rwc rwc rwc rwc",
    "office.review.refuse.wizard": "- rwc rwc rwc rwc rwc rwc rwc",
    "office.risk.deduction.wizard": "- - - - rwc - - -",
    "office.risk.domain": "- r r r r r r rwc",
    "office.risk.error": "- r r r rwcu r r r",
    "office.risk.error.area": "- r r r rwcu r r r",
    "office.risk.error.deduction": "- r r r rwcu r r r",
    "office.risk.error.penalty": "- r r r rwcu r r r",
    "office.risk.event": "- rwc rwc rwc rwc rwc rwc rwcu",
    "office.risk.inspection.template.requirement": "- r r r rwcu r r rwcu",
    "office.risk.inspection.check": "- r r r rwcu r r rwcu",
    "office.risk.report": "- r r r r r rw rwcu",
    "office.risk.report.line": "- - - - r - r rwcu",
    "office.risk.inspection": "- r r r rwcu r r rwcu",
    "office.risk.inspection.finding": "- r r r rwcu r r rwcu",
    "office.risk.inspection.result": "- r r r rwcu r r rwcu",
    "office.risk.inspection.score": "- r r r rwcu r r rwcu",
    "office.risk.inspection.template": "- r r r rwcu r r rwcu",
    "office.risk.inspection.template.item": "- r r r rwcu r r rwcu",
    "office.risk.point": "- r r r r r r rwc",
    "office.risk.point.version": "- r r r r r r r",
    "office.risk.rectification": "- rw rw rw rwc rw rw rwcu",
    "office.risk.rectification.milestone": "- rwcu rwcu rwcu rwcu rwcu rwcu rwcu",
    "office.risk.rectification.progress": "- rwcu rwcu rwcu rwcu rwcu rwcu rwcu",
    "office.risk.sensor": "- r r r r r r rwcu",
    "office.risk.step": "- r r r r r r rwc",
    "office.seal": "- r r r rwcu r r r",
    "office.seal.deactivation": "- - rwcu - rwcu r r r",
    "office.seal.device": "- - r - rwcu - - r",
    "office.seal.handover": "- - rwcu - rwcu r r r",
    "office.seal.handover.ledger": "- - r - r - - r",
    "office.seal.key": "- r r r rwcu r r r",
    "office.seal.key.use": "- r r r r r r r",
    "office.seal.ledger": "- - r - r r r r",
    "office.seal.ledger.correction.wizard": "- - rwc - rwc - - -",
    "office.seal.stamp.wizard": "- - rwc - rwc - - -",
    "office.seal.takeout.return.wizard": "- rwc rwc rwc rwc rwc rwc rwc",
    "office.seal.stamp.wizard.line": "- - rwc - rwc - - -",
    "office.seal.takeout": "- rwcu rwcu rwcu rwcu rwcu rwcu rwcu",
    "office.seal.use.request": "- rwcu rwcu rwcu rwcu rwcu rwcu rwcu",
    "office.secrecy.agreement": "- r r r rwcu r r r",
    "office.secrecy.incident": "- rwc rwc rwc rwc rwc rwc rwc",
    "office.secrecy.equipment": "- r r r rwc r r r",
    "office.secrecy.check.type": "- r r r rwcu r r r",
    "office.secrecy.inspection.check": "- - - - rwcu - - -",
    "office.secrecy.inspection": "- - - - rwcu - - -",
    "office.secrecy.inspection.finding": "- rw rw rw rwcu rw rw rw",
    "office.secrecy.person": "- r r r rwcu r r r",
    "office.secrecy.training": "- r r r rwcu r r r",
    "office.secrecy.training.attendance": "- r r r rwcu r r r",
    "office.secrecy.trip": "- rwcu rwcu rwcu rwcu rwcu rwcu rwcu",
    "office.secret.access.log": "- - - - r - - r",
    "office.secret.carrier": "- r r r rwc r r r",
    "office.secret.carrier.check": "- - - - rwcu - - -",
    "office.secret.carrier.check.line": "- - - - rwcu - - -",
    "office.secret.carrier.movement": "- - - - rwcu - - -",
    "office.secret.carrier.request": "- rwcu rwcu rwcu rwcu rwcu rwcu rwcu",
    "office.supervision": "- rwcu rwcu rwcu rwcu rwcu rwcu rwcu",
    "office.supervision.feedback": "- r r r r r r r",
    "office.supervision.rate.wizard": "- rwc rwc rwc rwc rwc rwc rwc",
    "office.workbench.tile": "- r r r rwcu r r r",
}

# abstract models of our addons that are services, not records
NOT_TABLES = {
    "office.calendar",
    "office.test.request",
    "office.test.workflow",
    "office.disclosure.test.document",
}
PORTAL_LOGIN = "matrix_portal"


def _portal_user(odoo):
    found = odoo.call(
        "admin", "admin", "res.users", "search", [("login", "=", PORTAL_LOGIN)]
    )
    if not found:
        portal = odoo.ref("base.group_portal")
        odoo.call(
            "admin",
            "admin",
            "res.users",
            "create",
            {
                "name": "门户用户",
                "login": PORTAL_LOGIN,
                "password": PORTAL_LOGIN,
                "groups_id": [(6, 0, [portal])],
            },
        )
    return PORTAL_LOGIN


def _our_models(odoo):
    data = odoo.call(
        "admin",
        "admin",
        "ir.model.data",
        "search_read",
        [("model", "=", "ir.model"), ("module", "=like", "office_%")],
        fields=["res_id"],
    )
    models = odoo.call(
        "admin",
        "admin",
        "ir.model",
        "search_read",
        [("id", "in", [d["res_id"] for d in data])],
        fields=["model"],
    )
    return sorted(
        m["model"]
        for m in models
        if m["model"].startswith("office.")
        and not m["model"].endswith("mixin")
        and not m["model"].endswith(".demo")
        and not m["model"].startswith("report.")
        and m["model"] not in NOT_TABLES
    )


@pytest.fixture(scope="module")
def actual(odoo):
    """{model: "rights of each role, in ROLES order"} as the server says."""
    models = _our_models(odoo)
    per_role = [
        odoo.call(login, login, "res.users", "office_access_rights", models)
        for login in (login or _portal_user(odoo) for _role, login in ROLES)
    ]
    return {model: " ".join(rights[model] for rights in per_role) for model in models}


def test_every_model_has_a_row(actual):
    missing = sorted(set(actual) - set(MATRIX))
    assert not missing, f"models without a row in MATRIX: {missing}"


def test_rights_are_as_designed(actual):
    wrong = {
        model: {"expected": MATRIX[model], "actual": rights}
        for model, rights in actual.items()
        if model in MATRIX and MATRIX[model] != rights
    }
    assert not wrong, "roles: " + " ".join(r for r, _l in ROLES) + f"\n{wrong}"


def test_portal_and_public_see_nothing(actual):
    portal = {model: rights.split()[0] for model, rights in actual.items()}
    assert set(portal.values()) == {"-"}, portal


def test_no_access_rule_grants_public_or_everybody(odoo):
    """Public visitors cannot log in over RPC: their rights are checked on the
    access lines themselves (no global line, none for public or portal)."""
    groups = [odoo.ref("base.group_public"), odoo.ref("base.group_portal")]
    lines = odoo.call(
        "admin",
        "admin",
        "ir.model.access",
        "search_read",
        [
            ("model_id.model", "=like", "office.%"),
            "|",
            ("group_id", "=", False),
            ("group_id", "in", groups),
        ],
        fields=["name", "model_id", "group_id"],
    )
    assert not lines, lines
