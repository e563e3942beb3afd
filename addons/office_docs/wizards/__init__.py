from . import office_document_reason_wizard
from . import office_incoming_instruct_wizard
