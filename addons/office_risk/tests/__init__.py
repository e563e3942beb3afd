from . import test_catalog
from . import test_error
from . import test_event
from . import test_inspection
from . import test_rectification
from . import test_sensor
from . import test_web
from . import test_workflow
