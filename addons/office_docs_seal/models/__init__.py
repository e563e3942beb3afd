from . import office_outgoing_document
from . import office_seal_use_request
