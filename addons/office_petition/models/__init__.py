from . import office_petition
from . import res_company
from . import res_config_settings
