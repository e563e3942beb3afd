from . import office_expense_budget_xlsx
