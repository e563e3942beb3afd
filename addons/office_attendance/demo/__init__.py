from . import office_attendance_demo
