from . import ir_actions_report
from . import office_register_xlsx
