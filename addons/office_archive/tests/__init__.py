from . import test_disposal
from . import test_filing_concurrency
from . import test_integrity
from . import test_item
from . import test_loan
from . import test_room
from . import test_transfer_list
from . import test_web
