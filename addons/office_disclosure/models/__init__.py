from . import office_disclosure_release_mixin
from . import office_disclosure_annual_report
from . import office_disclosure_release
from . import office_disclosure_request
from . import res_company
from . import res_config_settings
