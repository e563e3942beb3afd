import logging
import xmlrpc.client
from xml.parsers.expat import ExpatError

import psycopg2

from odoo import _, http
from odoo.exceptions import UserError
from odoo.http import request
from odoo.tools.translate import LazyTranslate

from odoo.addons.base.controllers.rpc import RPC

from ..tools import rpc_caller

_logger = logging.getLogger(__name__)
_lt = LazyTranslate(__name__)

# admin shutdown, crash shutdown, cannot connect now; connection exceptions
CONNECTION_LOST_CODES = ("57P", "08")
# what a malformed call (an unknown field or operator, an order on a field
# that has no column, a negative limit, an id beyond PostgreSQL's integers,
# an argument of the wrong type) raises below the models' own checks
MALFORMED_CALL_ERRORS = (
    ValueError,
    TypeError,
    KeyError,
    IndexError,
    OverflowError,
    NotImplementedError,
    AssertionError,  # Odoo's domain normalization asserts its form
    psycopg2.DataError,
    psycopg2.ProgrammingError,
)
MALFORMED_CALL_MESSAGE = _lt(
    "The call could not be answered: %(error)s. Check the model, the method, "
    "its arguments, the fields, the domain's operators, the order, the "
    "grouping, the limit and offset (not negative) and the ids (whole "
    "numbers below 2,147,483,648), then send it again."
)


def _connection_lost(error):
    if isinstance(error, psycopg2.InterfaceError):
        return True
    code = getattr(error, "pgcode", None)
    return isinstance(error, psycopg2.OperationalError) and (
        code is None or code.startswith(CONNECTION_LOST_CODES)
    )


def _call_lang(params):
    """The language of an execute_kw call: its context's, else none."""
    kwargs = params[6] if len(params) > 6 and isinstance(params[6], dict) else {}
    context = kwargs.get("context")
    return context.get("lang") if isinstance(context, dict) else None


def _malformed_message(error, lang):
    message = MALFORMED_CALL_MESSAGE._translate(lang or "en_US")
    detail = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return message % {"error": f"{type(error).__name__}: {detail}"}


class OfficeRPC(RPC):
    """Failures that a model's own checks do not turn into a message get one
    instead of a traceback (faultCode 2, not 1): a request that is not
    well-formed XML (most often a control character, which XML 1.0 forbids),
    a database connection lost in the middle of a call, and a malformed call
    (``MALFORMED_CALL_ERRORS``), whose message is in the call's language.
    The calls are marked as coming from the external API and the caller's
    address, for the access log of classified records."""

    def _xmlrpc(self, service):
        try:
            with rpc_caller(request.httprequest.remote_addr):
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
        except MALFORMED_CALL_ERRORS as error:
            _logger.info("malformed XML-RPC call refused", exc_info=True)
            raise UserError(_malformed_message(error, self._office_lang())) from error

    def _office_lang(self):
        try:
            params, _method = xmlrpc.client.loads(request.httprequest.get_data())
        except (ExpatError, ValueError, TypeError):
            return None
        return _call_lang(params)

    @http.route()
    def jsonrpc(self, service, method, args):
        try:
            with rpc_caller(request.httprequest.remote_addr):
                return super().jsonrpc(service, method, args)
        except MALFORMED_CALL_ERRORS as error:
            _logger.info("malformed JSON-RPC call refused", exc_info=True)
            lang = _call_lang(args) if isinstance(args, list | tuple) else None
            raise UserError(_malformed_message(error, lang)) from error
