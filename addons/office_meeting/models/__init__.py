from . import office_meeting
from . import office_meeting_attendee
from . import office_meeting_decision
from . import office_meeting_kind
from . import office_meeting_room
from . import office_meeting_topic
from . import res_company
from . import res_config_settings
