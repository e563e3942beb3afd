from . import office_risk_deduction_wizard
