from . import office_asset_register_xlsx
from . import office_print_register_xlsx
