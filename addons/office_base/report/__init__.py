from . import report_xlsx_abstract
