from . import office_seal_ledger_correction_wizard
from . import office_seal_stamp_wizard
from . import office_seal_stamp_wizard_line
from . import office_seal_takeout_return_wizard
