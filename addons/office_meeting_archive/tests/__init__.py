from . import test_meeting_file
