from . import test_asset
from . import test_print
from . import test_query_counts
from . import test_repair
from . import test_safety
from . import test_staff_move
from . import test_stocktake
from . import test_supply
