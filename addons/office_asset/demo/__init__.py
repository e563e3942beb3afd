from . import office_asset_demo
