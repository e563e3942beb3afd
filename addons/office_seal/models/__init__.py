# the abstract models first: the others inherit them
from . import office_seal_ledger_mixin

from . import office_licence
from . import office_licence_loan
from . import office_seal
from . import office_seal_deactivation
from . import office_seal_device
from . import office_seal_handover
from . import office_seal_handover_ledger
from . import office_seal_intro_letter
from . import office_seal_key
from . import office_seal_key_use
from . import office_seal_ledger
from . import office_seal_letter_paper
from . import office_seal_takeout
from . import office_seal_use_request
from . import res_company
from . import res_config_settings
