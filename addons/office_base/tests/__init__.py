from . import test_approval_inbox
from . import test_approval_web
from . import test_confidentiality
from . import test_delegation
from . import test_urgency
from . import test_working_days
from . import test_input_check
from . import test_workflow_kernel
