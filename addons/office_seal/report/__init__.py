from . import office_seal_ledger_xlsx
