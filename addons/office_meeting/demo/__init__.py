from . import office_meeting_demo
