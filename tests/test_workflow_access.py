"""Every public workflow method of the suite (each ``action_*`` method of an
office model, read from the addons' source) called over XML-RPC by a portal
user, who has no right on any office model: each call is refused with an
access error and the record is unchanged.

Record-level refusals for internal users (a clerk numbering a document she
may not see, a staff member approving) are in the domain tests."""

import ast
import xmlrpc.client

import pytest
from conftest import ROOT, sql_rows
from test_access_matrix import NOT_TABLES, PORTAL_LOGIN, _portal_user

ACCESS_FAULTS = (3, 4)  # odoo.service.wsgi_server: access denied, access error


def _model_of(cls):
    names = {}
    for stmt in cls.body:
        if (
            isinstance(stmt, ast.Assign)
            and isinstance(stmt.targets[0], ast.Name)
            and stmt.targets[0].id in ("_name", "_inherit")
            and isinstance(stmt.value, ast.Constant)
        ):
            names[stmt.targets[0].id] = stmt.value.value
    return names.get("_name") or names.get("_inherit")


def _is_model_method(function):
    return any(
        isinstance(d, ast.Attribute) and d.attr in ("model", "model_create_multi")
        for d in function.decorator_list
    )


def _workflow_methods():
    """(model, method, takes ids) for every action_* of a concrete office model."""
    found = set()
    for path in sorted((ROOT / "addons").glob("office_*/*/*.py")):
        for cls in ast.walk(ast.parse(path.read_text())):
            if not isinstance(cls, ast.ClassDef):
                continue
            model = _model_of(cls)
            if (
                not isinstance(model, str)
                or not model.startswith("office.")
                or model.endswith("mixin")
                or model in NOT_TABLES
            ):
                continue
            found.update(
                (model, function.name, not _is_model_method(function))
                for function in cls.body
                if isinstance(function, ast.FunctionDef)
                and function.name.startswith("action_")
            )
    return sorted(found)


WORKFLOW = _workflow_methods()


def test_the_methods_were_found():
    assert len(WORKFLOW) > 100, WORKFLOW
    assert ("office.outgoing.document", "action_number", True) in WORKFLOW


def _table(model):
    return model.replace(".", "_")


@pytest.fixture(scope="module")
def records(odoo):
    """One record of each model, from SQL (id 1 for an empty wizard table)."""
    found = {}
    for model in {model for model, _method, _ids in WORKFLOW}:
        rows = sql_rows(odoo.db, f"SELECT min(id) FROM {_table(model)}")
        found[model] = [int(rows[0][0])] if rows and rows[0][0] else [1]
    return found


def _stamp(odoo, model, ids):
    return sql_rows(
        odoo.db,
        f"SELECT id, write_date FROM {_table(model)} WHERE id = ANY(ARRAY{ids})",
    )


@pytest.mark.parametrize(("model", "method", "takes_ids"), WORKFLOW)
def test_refused_to_a_user_without_rights(odoo, records, model, method, takes_ids):
    portal = _portal_user(odoo)
    assert portal == PORTAL_LOGIN
    ids = records[model]
    before = _stamp(odoo, model, ids)
    with pytest.raises(xmlrpc.client.Fault) as refused:
        odoo.call(portal, portal, model, method, *([ids] if takes_ids else []))
    fault = refused.value
    assert fault.faultCode in ACCESS_FAULTS, fault.faultString[-600:]
    assert _stamp(odoo, model, ids) == before
