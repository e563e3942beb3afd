from . import office_asset_assign_wizard
