import contextlib
import contextvars

from odoo.osv import expression

_MEMO = contextvars.ContextVar("office_readable_memo", default=None)


@contextlib.contextmanager
def readable_domains_memoized():
    """Within the block (one HTTP request, see ``ir.http._dispatch``), a
    user's readable domain over the same models is built once: a list of
    office records reads their followers, messages and reviews, and OCA's
    review counter searches reviews once per request kind and record; each
    search would build it for every approval model. The domain is made of
    subqueries, run when the search runs: records created or changed in the
    request are seen; the rules and rights it is built from are those Odoo
    caches (``ir.rule._compute_domain``) for as long."""
    token = _MEMO.set({})
    try:
        yield
    finally:
        _MEMO.reset(token)


def readable_reference_domain(env, model_names, model_field="model", id_field="res_id"):
    """Domain on rows that point at a record by (model, id): the rows whose
    record the current user may read, among ``model_names``; rows pointing
    at other models pass. Record rules are applied as the user even when
    called from a record rule (which Odoo evaluates as superuser)."""
    env = env(su=False)
    memo = _MEMO.get()
    if memo is None:
        return _readable_reference_domain(env, model_names, model_field, id_field)
    key = (
        env.cr,
        env.uid,
        env.company.id,
        tuple(env.companies.ids),
        tuple(model_names),
        model_field,
        id_field,
    )
    if key not in memo:
        memo[key] = _readable_reference_domain(env, model_names, model_field, id_field)
    return memo[key]


def _readable_reference_domain(env, model_names, model_field, id_field):
    guarded, branches = [], []
    for name in model_names:
        if name not in env:
            continue
        Model = env[name].with_context(active_test=False)
        if not Model.has_access("read"):
            guarded.append(name)
            continue
        if not env["ir.rule"]._compute_domain(name, "read"):
            continue  # no rule narrows this user: every record is readable
        guarded.append(name)
        branches.append([(model_field, "=", name), (id_field, "in", Model._search([]))])
    if not guarded:
        return []
    return expression.OR([[(model_field, "not in", guarded)], *branches])


def office_record_models(env):
    """Stored models of the suite (the office.* models) a row may point at."""
    return [
        name
        for name, Model in env.registry.items()
        if name.startswith("office.") and not Model._abstract and not Model._transient
    ]
