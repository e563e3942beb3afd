from . import office_annual_leave_wizard
from . import office_attendance_import_wizard
from . import office_attendance_register_wizard
