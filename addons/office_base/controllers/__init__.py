from . import approval
