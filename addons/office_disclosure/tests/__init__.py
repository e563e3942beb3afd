from . import test_release
from . import test_request
