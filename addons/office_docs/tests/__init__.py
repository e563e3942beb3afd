from . import test_confidentiality
from . import test_incoming_document
from . import test_numbering_concurrency
from . import test_outgoing_document
from . import test_reference_data
from . import test_tour
from . import test_views
