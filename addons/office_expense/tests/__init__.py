from . import test_budget
from . import test_reception
from . import test_request
from . import test_standard
from . import test_travel
