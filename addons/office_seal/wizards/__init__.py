from . import office_seal_ledger_correction_wizard
from . import office_seal_reason_wizard
from . import office_seal_stamp_wizard
from . import office_seal_stamp_wizard_line
