from . import office_register_xlsx
