"""Through which door a call came in, and from which address: the access
log records it. XML-RPC and JSON-RPC calls run without Odoo's request
(``dispatch_rpc`` borrows it), so their controller states it here."""

import contextlib
import contextvars

from odoo.http import request

_RPC_CALLER = contextvars.ContextVar("office_rpc_caller", default=None)

CHANNEL_BY_PATH = (
    (("/xmlrpc", "/jsonrpc"), "rpc"),
    (("/report/",), "report"),
    (("/web/export/",), "export"),
)


@contextlib.contextmanager
def rpc_caller(address):
    """Calls made inside come from the external API, from ``address``."""
    token = _RPC_CALLER.set(("rpc", address))
    try:
        yield
    finally:
        _RPC_CALLER.reset(token)


def current_caller():
    """(channel, address) of the call being served; ``other`` without a
    request (a cron, the shell)."""
    caller = _RPC_CALLER.get()
    if caller:
        return caller
    if not request:
        return "other", False
    path = request.httprequest.path or ""
    channel = next(
        (name for prefixes, name in CHANNEL_BY_PATH if path.startswith(prefixes)),
        "web",
    )
    return channel, request.httprequest.remote_addr
