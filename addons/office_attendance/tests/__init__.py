from . import test_clock_in
from . import test_duty_roster
from . import test_entitlement
from . import test_leave_ladder
from . import test_overtime
