from . import office_meeting
from . import office_meeting_decision
from . import office_supervision
