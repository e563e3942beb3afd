from . import test_attendance
from . import test_decision
from . import test_meeting_flow
from . import test_room_booking
from . import test_room_concurrency
from . import test_sign_in_page
from . import test_special_meeting
from . import test_topic
