from . import office_expense_travel
