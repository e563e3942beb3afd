from . import approval
from . import rpc
