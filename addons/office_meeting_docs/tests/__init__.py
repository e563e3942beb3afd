from . import test_meeting_docs
