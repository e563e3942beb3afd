from . import test_carrier
from . import test_classification
from . import test_incident
from . import test_person
from . import test_web
from . import test_workflow
from . import test_equipment
