from . import office_document_scan_wizard
from . import office_incoming_instruct_wizard
from . import office_incoming_propose_wizard
from . import office_supervision_rate_wizard
