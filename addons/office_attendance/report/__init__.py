from . import office_attendance_register_xlsx
