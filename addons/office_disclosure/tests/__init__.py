from . import test_annual_report
from . import test_release
from . import test_request
