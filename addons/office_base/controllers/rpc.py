from xml.parsers.expat import ExpatError

import psycopg2

from odoo import _
from odoo.exceptions import UserError

from odoo.addons.base.controllers.rpc import RPC

# admin shutdown, crash shutdown, cannot connect now; connection exceptions
CONNECTION_LOST_CODES = ("57P", "08")


def _connection_lost(error):
    if isinstance(error, psycopg2.InterfaceError):
        return True
    code = getattr(error, "pgcode", None)
    return isinstance(error, psycopg2.OperationalError) and (
        code is None or code.startswith(CONNECTION_LOST_CODES)
    )


class OfficeRPC(RPC):
    """Two failures that never reach a model get a message instead of a
    traceback: a request that is not well-formed XML (most often a control
    character, which XML 1.0 forbids) and a database connection lost in the
    middle of a call."""

    def _xmlrpc(self, service):
        try:
            return super()._xmlrpc(service)
        except ExpatError as error:
            raise UserError(
                _(
                    "The XML-RPC request is not well-formed XML (%(error)s). XML "
                    "cannot carry control characters such as NUL (\\x00) or \\x1f: "
                    "remove them from the values and send the call again.",
                    error=error,
                )
            ) from error
        except (psycopg2.OperationalError, psycopg2.InterfaceError) as error:
            if not _connection_lost(error):
                raise
            raise UserError(
                _(
                    "The server lost its connection to the database during this "
                    "call (%(error)s). What the call had not committed was rolled "
                    "back; check its result before sending it again.",
                    error=str(error).strip(),
                )
            ) from error
