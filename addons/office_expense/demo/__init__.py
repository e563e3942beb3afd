from . import office_expense_demo
