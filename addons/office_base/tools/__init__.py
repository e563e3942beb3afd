from .grant import granted, is_granted
