"""Python-only permissions for the writes the suite's guards refuse to callers.

A guarded write (a workflow state, a decided review, a ledger entry) goes
through while a ``granted(purpose, records)`` block of the kernel runs, for
that purpose and those records only. Unlike a context key, nothing in an
XML-RPC or JSON-RPC payload can set it: it lives in a context variable of
the running request (each thread and each request has its own), and is
gone when the block ends. Being superuser does not grant it.
"""

import contextlib
import contextvars

_GRANTS = contextvars.ContextVar("office_grants", default=())


@contextlib.contextmanager
def granted(purpose, records=None):
    """Let the guarded writes of `purpose` through for `records` (a
    recordset; None for any record) while the block runs."""
    scope = None if records is None else (records._name, frozenset(records.ids))
    token = _GRANTS.set((*_GRANTS.get(), (purpose, scope)))
    try:
        yield
    finally:
        _GRANTS.reset(token)


def is_granted(purpose, records=None):
    """Whether a running ``granted`` block covers `purpose` for `records`."""
    for granted_purpose, scope in _GRANTS.get():
        if granted_purpose != purpose:
            continue
        if scope is None or records is None:
            return True
        model, ids = scope
        if model == records._name and set(records._ids) <= ids:
            return True
    return False
